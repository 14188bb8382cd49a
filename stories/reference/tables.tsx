/**
 * Tables of the "Theming and embedding" page, computed from the package's own sources so that the
 * page cannot fall behind them: the CSS variables (light and dark values), the part classes found in
 * the base CSS, and every explainer's embed snippet.
 */
import { baseCss } from '../../packages/ui/src/styles/baseCss';
import { chromeTokens, conceptTokens, type TokenValue } from '../../packages/ui/src/styles/tokens';
import { EMBEDS, embedId, embedSnippet, type ExplainerKey } from '../gallery';

const cell = { padding: '4px 8px', borderBottom: '1px solid #d5e0e1', verticalAlign: 'top' as const, textAlign: 'left' as const };

function Swatch({ value }: { value: string }) {
  if (!/^#[0-9a-f]{3,8}$/i.test(value)) return null;
  return <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, marginRight: 6, borderRadius: 2, border: '1px solid #999', background: value, verticalAlign: 'middle' }} />;
}

/** The `--gl-*` variables of one group, with their light and dark values. */
export function TokenTable({ group }: { group: 'chrome' | 'concept' }) {
  const entries = Object.entries((group === 'chrome' ? chromeTokens : conceptTokens) as Record<string, TokenValue>);
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th style={cell}>variable</th>
          <th style={cell}>light</th>
          <th style={cell}>dark</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, v]) => (
          <tr key={name}>
            <td style={cell}>
              <code style={{ whiteSpace: 'nowrap' }}>{name}</code>
            </td>
            <td style={cell}>
              <Swatch value={v.light} />
              <code>{v.light}</code>
            </td>
            <td style={cell}>
              <Swatch value={v.dark} />
              <code>{v.dark}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every `gl-*` class the base CSS styles: the stable names of the parts. */
export function PartClasses() {
  const classes = Array.from(new Set(Array.from(baseCss.matchAll(/\.(gl-[a-z0-9-]+)/g), (m) => m[1]))).sort();
  return (
    <p style={{ lineHeight: 2 }}>
      {classes.map((c, i) => (
        <span key={c}>
          {i > 0 && ' '}
          <code>.{c}</code>
        </span>
      ))}
    </p>
  );
}

/** Each explainer's documented embed: its story id, height and the snippet to paste. */
export function EmbedTable() {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th style={cell}>explainer</th>
          <th style={cell}>height</th>
          <th style={cell}>snippet</th>
        </tr>
      </thead>
      <tbody>
        {(Object.keys(EMBEDS) as ExplainerKey[]).map((key) => (
          <tr key={key}>
            <td style={cell}>
              <a href={`?path=/story/${embedId(key)}`} target="_top">
                {EMBEDS[key].chapter.replace(/^\d+ /, '')} · {EMBEDS[key].name}
              </a>
            </td>
            <td style={cell}>{EMBEDS[key].height} px</td>
            <td style={cell}>
              <code style={{ wordBreak: 'break-all', fontSize: 12 }}>{embedSnippet(key)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
