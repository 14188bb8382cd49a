import { useRef, type KeyboardEvent } from 'react';
import { cellRole, differsFromPrinted, pct, TABLE3, type ClassMetrics } from './model';
import type { CmModel } from './useConfusionMatrix';

/** Props of {@link MatrixGrid}. */
export interface MatrixGridProps {
  model: CmModel;
}

const KEYS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * The confusion matrix as an ARIA grid: one focusable cell per count (roving tabindex,
 * arrow keys, Home/End), a margin column and row with the sums and the metric each one
 * divides (recall over a true class, precision over a predicted one). Hovering or focusing
 * a cell marks its role (TP, or FN of its true class and FP of its predicted class) and the
 * row and column its metrics sum over. Rows are the true classes (scikit-learn) or the
 * predicted ones (the slide), following `state.rows`.
 */
export function MatrixGrid({ model }: MatrixGridProps) {
  const { C, names, metrics, cell, state, actions } = model;
  const table = useRef<HTMLTableElement>(null);
  if (!C) return null;
  const K = C.length;
  const rowsTrue = state.rows === 'true';
  // Display (r, c) ↔ canonical (true i, predicted j).
  const canon = (r: number, c: number): [number, number] => (rowsTrue ? [r, c] : [c, r]);
  const shown = cell ? (rowsTrue ? cell : ([cell[1], cell[0]] as [number, number])) : ([0, 0] as [number, number]);
  const move = (e: KeyboardEvent, r: number, c: number) => {
    let [nr, nc] = [r, c];
    if (e.key in KEYS) [nr, nc] = [r + KEYS[e.key][0], c + KEYS[e.key][1]];
    else if (e.key === 'Home') nc = 0;
    else if (e.key === 'End') nc = K - 1;
    else return;
    e.preventDefault();
    nr = Math.max(0, Math.min(K - 1, nr));
    nc = Math.max(0, Math.min(K - 1, nc));
    actions.focusCell(canon(nr, nc));
    table.current?.querySelector<HTMLElement>(`[data-r="${nr}"][data-c="${nc}"]`)?.focus();
  };
  const rowName = rowsTrue ? 'True class' : 'Predicted class';
  const colName = rowsTrue ? 'Predicted class' : 'True class';
  const table3 = state.source === 'table3';
  return (
    <div className="gl-cm-grid-wrap">
      <table
        ref={table}
        role="grid"
        className="gl-cm-grid"
        aria-label={`Confusion matrix: rows ${rowName.toLowerCase()}, columns ${colName.toLowerCase()}. Arrow keys move between cells.`}
        data-testid="matrix"
        data-rows={state.rows}
        onMouseLeave={() => {
          if (!table.current?.contains(document.activeElement)) actions.focusCell(null);
        }}
        onBlur={(e) => {
          if (!table.current?.contains(e.relatedTarget as Node | null)) actions.focusCell(null);
        }}
      >
        <thead>
          <tr>
            <th className="gl-cm-corner" scope="col">
              <span className="gl-cm-axis gl-cm-axis-long">{rowName} ↓</span>
              <span className="gl-cm-axis gl-cm-axis-long">{colName} →</span>
              <span className="gl-cm-axis gl-cm-axis-short">{rowsTrue ? 'true ↓' : 'pred. ↓'}</span>
              <span className="gl-cm-axis gl-cm-axis-short">{rowsTrue ? 'pred. →' : 'true →'}</span>
            </th>
            {names.map((n, c) => (
              <th key={c} scope="col" className="gl-cm-head">
                {n}
              </th>
            ))}
            <th scope="col" className="gl-cm-head gl-cm-margin-head">
              {rowsTrue ? 'Σ row · recall' : 'Σ row · precision'}
            </th>
          </tr>
        </thead>
        <tbody>
          {C.map((_, r) => (
            <tr key={r}>
              <th scope="row" className="gl-cm-head">
                {names[r]}
              </th>
              {C.map((__, c) => {
                const [i, j] = canon(r, c);
                const role = cellRole(i, j, cell);
                const support = metrics.perClass[i].support;
                const share = support === 0 ? 0 : C[i][j] / support;
                return (
                  <td
                    key={c}
                    role="gridcell"
                    tabIndex={shown[0] === r && shown[1] === c ? 0 : -1}
                    className="gl-cm-cell"
                    data-r={r}
                    data-c={c}
                    data-testid={`cell-${i}-${j}`}
                    data-diagonal={i === j ? '' : undefined}
                    data-role={role}
                    aria-label={`True ${names[i]}, predicted ${names[j]}: ${C[i][j].toLocaleString('en-US')}${i === j ? ' (correct)' : ''}`}
                    style={{ ['--gl-cm-share' as string]: `${Math.round(8 + 55 * Math.sqrt(share))}%` }}
                    onMouseEnter={() => actions.focusCell([i, j])}
                    onFocus={() => actions.focusCell([i, j])}
                    onKeyDown={(e) => move(e, r, c)}
                  >
                    {C[i][j].toLocaleString('en-US')}
                  </td>
                );
              })}
              <MarginCell m={metrics.perClass[r]} kind={rowsTrue ? 'recall' : 'precision'} printed={table3 ? (rowsTrue ? TABLE3.printedRecall : TABLE3.printedPrecision)[r] : null} active={cell ? (rowsTrue ? cell[0] : cell[1]) === r : false} />
            </tr>
          ))}
          <tr>
            <th scope="row" className="gl-cm-head gl-cm-margin-head">
              {rowsTrue ? 'Σ column · precision' : 'Σ column · recall'}
            </th>
            {C.map((_, c) => (
              <MarginCell key={c} m={metrics.perClass[c]} kind={rowsTrue ? 'precision' : 'recall'} printed={table3 ? (rowsTrue ? TABLE3.printedPrecision : TABLE3.printedRecall)[c] : null} active={cell ? (rowsTrue ? cell[1] : cell[0]) === c : false} />
            ))}
            <td className="gl-cm-margin" data-testid="total">
              N = {metrics.n.toLocaleString('en-US')}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A margin: the sum of a row or column and the metric it is the denominator of; for Table 3 the printed value, marked when the counts disagree. */
function MarginCell({ m, kind, printed, active }: { m: ClassMetrics; kind: 'precision' | 'recall'; printed: number | null; active: boolean }) {
  const value = kind === 'precision' ? m.precision : m.recall;
  const sum = kind === 'precision' ? m.predicted : m.support;
  const wrong = printed !== null && differsFromPrinted(value, printed);
  return (
    <td className="gl-cm-margin" data-kind={kind} data-active={active ? '' : undefined} data-mismatch={wrong ? '' : undefined}>
      <span className="gl-cm-sum">{sum.toLocaleString('en-US')}</span>
      <span className="gl-cm-metric">{pct(value)}</span>
      {printed !== null && (
        <span className="gl-cm-printed" title={wrong ? 'the slide prints a different value' : 'as printed'}>
          {wrong ? `slide ${printed.toFixed(1)} ≠` : 'slide ✓'}
        </span>
      )}
    </td>
  );
}
