import { Tex } from '../common/Tex';
import { EVENTS, FEATURES, HIGHLIGHTS, IMAGE_SYMBOLS, LIT_ROW, TABLE_SYMBOLS, TARGET, VOCABULARY, type Highlight, type SymbolId } from './model';
import { TinyImage } from './TinyImage';

/** Props of {@link VocabularyPart}. */
export interface VocabularyPartProps {
  /** The highlighted symbol, or null. */
  symbol: SymbolId | null;
  /** Called when a symbol is hovered or focused (null when left). */
  onSymbol: (s: SymbolId | null) => void;
  /** Width of the table panel and of the image panel, px. */
  tableWidth: number;
  imageWidth: number;
}

/** The slides' vocabulary: symbols on the left; hovering or focusing one lights its part of the table or the image. */
export function VocabularyPart({ symbol, onSymbol, tableWidth, imageWidth }: VocabularyPartProps) {
  const lit = new Set<Highlight>(symbol ? (HIGHLIGHTS[symbol] ?? []) : []);
  const on = (h: Highlight) => (lit.has(h) ? 'on' : undefined);
  return (
    <>
      <div className="gl-panel gl-lt-vocab" data-gl-panel="vocabulary" style={{ width: tableWidth }}>
        <SymbolList ids={TABLE_SYMBOLS} symbol={symbol} onSymbol={onSymbol} label="Symbols of the data set" />
        <div className="gl-lt-table-wrap">
          <table className="gl-lt-table" data-testid="vocab-table">
            <caption>A small data set of seismic events</caption>
            <thead>
              <tr>
                <th scope="col" data-lit={on('index')}>i</th>
                {FEATURES.map((f, j) => (
                  <th scope="col" key={f} data-lit={on('featureHeads')}>
                    <Tex>{`x_${j + 1}`}</Tex> {f}
                  </th>
                ))}
                <th scope="col" data-lit={on('targetHead')}>
                  <Tex>y</Tex> {TARGET}
                </th>
              </tr>
            </thead>
            <tbody>
              {EVENTS.map((ev, i) => (
                <tr key={i}>
                  <th scope="row" data-lit={on('index')}>{i + 1}</th>
                  {ev.x.map((v, j) => (
                    <td key={j} data-lit={on('featureCells') ?? (i === LIT_ROW ? on('rowFeatures') : undefined)}>
                      {v}
                    </td>
                  ))}
                  <td data-lit={on('labelCells') ?? (i === LIT_ROW ? on('rowLabel') : undefined)}>{ev.y}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="gl-lt-space" data-lit={on('xSpace')} data-testid="space-X">
          <Tex>{String.raw`\mathbb{X}=\mathbb{R}^3`}</Tex>: every possible (magnitude, depth, duration)
        </p>
        <p className="gl-lt-space" data-lit={on('ySpace')} data-testid="space-Y">
          <Tex>{String.raw`\mathbb{Y}=`}</Tex> {'{'}earthquake, quarry blast, volcanic{'}'}
        </p>
      </div>
      <div className="gl-panel gl-lt-image" data-gl-panel="image" style={{ width: imageWidth }}>
        <div className="gl-maths">
          An image is a sample <Tex>{String.raw`\mathbf{x}\in\mathbb{X}=\mathbb{R}^{H\times W\times C}`}</Tex>
        </div>
        <SymbolList ids={IMAGE_SYMBOLS} symbol={symbol} onSymbol={onSymbol} label="Symbols of an image" />
        <TinyImage symbol={symbol} width={imageWidth} />
        <div className="gl-maths">
          Its label is a category <Tex>{String.raw`y\in\mathbb{Y}=\{0,1,\dots,K\}`}</Tex>: a scalar.
        </div>
      </div>
    </>
  );
}

/**
 * The typeset symbol as plain text, as axe reads it on screen, so that the button's name starts
 * with its visible text (WCAG 2.5.3): a styled letter (`\mathbf{x}`, `\mathbb{X}`) becomes a
 * non-BMP math character that axe skips as an icon glyph, so it is left out; other commands and
 * escaped braces become spaces; grouping braces and `_`/`^` join their neighbours (`x_1` → `x1`).
 */
function texVisibleText(tex: string): string {
  return tex
    .replace(/\\(?:mathbf|mathbb|mathrm|mathit|boldsymbol)\{[^{}]*\}/g, '')
    .replace(/\\[a-zA-Z]+|\\[{}]/g, ' ')
    .replace(/[{}_^]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The symbols as focusable buttons: hover or focus lights, leaving clears. */
function SymbolList({ ids, symbol, onSymbol, label }: { ids: SymbolId[]; symbol: SymbolId | null; onSymbol: (s: SymbolId | null) => void; label: string }) {
  return (
    <ul className="gl-lt-symbols" aria-label={label}>
      {ids.map((id) => (
        <li key={id}>
          <button
            type="button"
            className="gl-lt-symbol"
            data-state={symbol === id ? 'on' : 'off'}
            aria-pressed={symbol === id}
            data-testid={`symbol-${id}`}
            aria-label={`${texVisibleText(VOCABULARY[id].tex)} ${VOCABULARY[id].name}: ${VOCABULARY[id].example}`}
            onPointerEnter={() => onSymbol(id)}
            onFocus={() => onSymbol(id)}
            onClick={() => onSymbol(id)}
            onPointerLeave={() => onSymbol(null)}
            onBlur={() => onSymbol(null)}
          >
            <Tex>{VOCABULARY[id].tex}</Tex>{' '}
            <span className="gl-lt-symbol-name">{VOCABULARY[id].name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
