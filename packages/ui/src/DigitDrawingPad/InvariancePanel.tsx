import { pct } from '../FeatureMaps/layers';
import { Button } from '../kit/buttons';
import { Slider } from '../kit/Slider';
import { INVARIANCES, TRANSFORM_RANGES, isIdentity } from './transforms';
import type { PadModel } from './usePad';

const css = String.raw`
.gl-pad-invariance { display: grid; gap: 4px 16px; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); align-items: end; }
.gl-pad-compare { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 13px; }
.gl-pad-compare th, .gl-pad-compare td { padding: 2px 8px; text-align: left; border-bottom: 1px solid var(--gl-border); }
.gl-pad-compare td[data-changed] { font-weight: 600; }
`;

const fmt = (v: number, unit: string) => `${String(Number(v.toFixed(2))).replace('-', '−')}${unit}`;

/**
 * Invariance mode: one slider per invariance of chapter 6 (translation, rotation, scaling,
 * shearing, illumination, occlusion) acting on the 28 × 28 input, and both networks' top
 * guesses before → after, so the fully connected network's lack of translation invariance
 * (every pixel has its own weights) shows against the CNN's shared kernels and pooling.
 */
export function InvariancePanel({ pad }: { pad: PadModel }) {
  const { invariance, compare, actions } = pad;
  if (!invariance) return null;
  return (
    <div className="gl-panel" data-gl-panel="" data-testid="invariance">
      <style href="gl-pad-invariance" precedence="default">
        {css}
      </style>
      <fieldset className="gl-fieldset">
        <legend>Invariances: transform what the networks see</legend>
        <div className="gl-pad-invariance">
          {INVARIANCES.map(({ key, label, step, unit }) => (
            <Slider
              key={key}
              label={label}
              value={invariance[key]}
              onChange={(v) => actions.setTransform(key, v)}
              min={TRANSFORM_RANGES[key][0]}
              max={TRANSFORM_RANGES[key][1]}
              step={step}
              format={(v) => fmt(v, unit)}
              disabled={key === 'occlusionRow' && invariance.occlusion === 0}
              testId={`inv-${key}`}
            />
          ))}
          <Button onClick={actions.resetTransform} disabled={isIdentity(invariance)}>
            Reset transform
          </Button>
        </div>
      </fieldset>
      <table className="gl-pad-compare" data-testid="invariance-compare" aria-label="Top guess of each network before and after the transform">
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Untransformed</th>
            <th scope="col">Transformed</th>
          </tr>
        </thead>
        <tbody>
          {(compare ?? []).map((r) => (
            <tr key={r.kind} data-kind={r.kind}>
              <th scope="row">{r.kind === 'cnn' ? 'CNN' : 'Fully connected'}</th>
              <td>
                {r.before[0]} ({pct(r.before[1])})
              </td>
              <td data-changed={r.before[0] !== r.after[0] || undefined} data-testid={`inv-after-${r.kind}`}>
                {r.after[0]} ({pct(r.after[1])})
              </td>
            </tr>
          ))}
          {!compare?.length && (
            <tr>
              <td colSpan={3}>{pad.base ? 'Loading both networks…' : 'Draw a digit or pick a held-out one.'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
