import { Tex } from '../common/Tex';
import { pct, table3Mismatches, type Metrics } from './model';
import type { CmModel } from './useConfusionMatrix';

/** A count in TeX with thousands separators: 58{,}363. */
const tn = (v: number): string => v.toLocaleString('en-US').replace(/,/g, '{,}');
/** A class name in TeX. */
const tx = (s: string): string => String.raw`\text{${s.replace(/[^A-Za-z0-9 ]/g, '')}}`;
/** A ratio in TeX, as a percentage. */
const tp = (v: number | null): string => (v === null ? String.raw`\text{— (0/0)}` : String.raw`${(100 * v).toFixed(1)}\,\%`);

/**
 * The formulas, beside the matrix: accuracy, precision, recall and F₁ in general, then,
 * for the focused cell (true i, predicted j), with the numbers of class j's precision and
 * class i's recall. The terms the cell enters are `\term`s (TP, FP, FN, N) that the CSS
 * highlights according to the cell's role (`data-role` on the wrapper).
 */
export function Formulas({ model }: { model: CmModel }) {
  const { metrics: m, cell, names } = model;
  const role = cell ? (cell[0] === cell[1] ? 'tp' : 'fn-fp') : 'none';
  return (
    <div className="gl-cm-maths" data-role={role} data-testid="formulas">
      <Tex block>{String.raw`\text{accuracy}=\frac{\sum_k \term{tp}{C_{kk}}}{\term{n}{N}}=\frac{${tn(m.correct)}}{${tn(m.n)}}=${tp(m.accuracy)}`}</Tex>
      <Tex block>{String.raw`\text{precision}_k=\frac{\term{tp}{\mathrm{TP}_k}}{\term{tp}{\mathrm{TP}_k}+\term{fp}{\mathrm{FP}_k}},\quad \text{recall}_k=\frac{\term{tp}{\mathrm{TP}_k}}{\term{tp}{\mathrm{TP}_k}+\term{fn}{\mathrm{FN}_k}}`}</Tex>
      <Tex block>{String.raw`F_{1,k}=\frac{2\,P_k R_k}{P_k+R_k}=\frac{2\,\mathrm{TP}_k}{2\,\mathrm{TP}_k+\mathrm{FP}_k+\mathrm{FN}_k}`}</Tex>
      {cell && model.C ? <CellFormulas m={m} C={model.C} i={cell[0]} j={cell[1]} names={names} /> : <p className="gl-cm-hint">Hover or focus a cell to see the terms it enters.</p>}
    </div>
  );
}

/** The focused cell's numbers: its share of FP and FN (off the diagonal), precision of its predicted class j, recall and F₁ of its true class i. */
function CellFormulas({ m, C, i, j, names }: { m: Metrics; C: readonly (readonly number[])[]; i: number; j: number; names: readonly string[] }) {
  const P = m.perClass[j];
  const R = m.perClass[i];
  const fi = m.perClass[i];
  const v = C[i][j];
  return (
    <div data-testid="cell-formulas">
      {i !== j && (
        <Tex block>{String.raw`\term{fp}{\mathrm{FP}_{${tx(names[j])}}}=\term{cell}{${tn(v)}}+${tn(P.fp - v)}=${tn(P.fp)},\quad \term{fn}{\mathrm{FN}_{${tx(names[i])}}}=\term{cell}{${tn(v)}}+${tn(R.fn - v)}=${tn(R.fn)}`}</Tex>
      )}
      <Tex block>{String.raw`\text{precision}_{${tx(names[j])}}=\frac{\term{tp}{${tn(P.tp)}}}{\term{tp}{${tn(P.tp)}}+\term{fp}{${tn(P.fp)}}}=${tp(P.precision)}`}</Tex>
      <Tex block>{String.raw`\text{recall}_{${tx(names[i])}}=\frac{\term{tp}{${tn(R.tp)}}}{\term{tp}{${tn(R.tp)}}+\term{fn}{${tn(R.fn)}}}=${tp(R.recall)}`}</Tex>
      <Tex block>{String.raw`F_{1,${tx(names[i])}}=\frac{2\cdot ${tn(fi.tp)}}{2\cdot ${tn(fi.tp)}+${tn(fi.fp)}+${tn(fi.fn)}}=${tp(fi.f1)}`}</Tex>
    </div>
  );
}

/**
 * The report under the formulas: per class precision, recall, F₁ and support, then the
 * accuracy beside the accuracy of always predicting the majority class, and the macro and
 * weighted averages (scikit-learn's classification_report). For Table 3, the printed
 * percentages that the counts do not give back.
 */
export function Report({ model }: { model: CmModel }) {
  const { metrics: m, names, state } = model;
  const bars = [
    { label: 'accuracy', value: m.accuracy },
    { label: `always ${names[m.majority.k]}`, value: m.majority.accuracy },
    { label: 'weighted recall', value: m.weighted.recall },
    { label: 'macro recall', value: m.macro.recall },
    { label: 'macro precision', value: m.macro.precision },
    { label: 'macro F₁', value: m.macro.f1 },
  ];
  return (
    <div className="gl-cm-report">
      <table className="gl-cm-table" data-testid="report">
        <caption>Per class (scikit-learn’s classification report)</caption>
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col">precision</th>
            <th scope="col">recall</th>
            <th scope="col">F₁</th>
            <th scope="col">support</th>
          </tr>
        </thead>
        <tbody>
          {m.perClass.map((c, k) => (
            <tr key={k} data-active={model.cell && (model.cell[0] === k || model.cell[1] === k) ? '' : undefined}>
              <th scope="row">{names[k]}</th>
              <td>{pct(c.precision)}</td>
              <td>{pct(c.recall)}</td>
              <td>{pct(c.f1)}</td>
              <td>{c.support.toLocaleString('en-US')}</td>
            </tr>
          ))}
          <tr className="gl-cm-avg">
            <th scope="row">macro avg</th>
            <td>{pct(m.macro.precision)}</td>
            <td>{pct(m.macro.recall)}</td>
            <td>{pct(m.macro.f1)}</td>
            <td>{m.n.toLocaleString('en-US')}</td>
          </tr>
          <tr className="gl-cm-avg">
            <th scope="row">weighted avg</th>
            <td>{pct(m.weighted.precision)}</td>
            <td>{pct(m.weighted.recall)}</td>
            <td>{pct(m.weighted.f1)}</td>
            <td>{m.n.toLocaleString('en-US')}</td>
          </tr>
        </tbody>
      </table>
      <div className="gl-cm-bars" role="img" aria-label={bars.map((b) => `${b.label} ${pct(b.value)}`).join(', ')} data-testid="bars">
        {bars.map((b) => (
          <div key={b.label} className="gl-cm-bar-row" data-kind={b.label.startsWith('always') ? 'baseline' : b.label === 'accuracy' ? 'accuracy' : 'other'}>
            <span className="gl-cm-bar-label">{b.label}</span>
            <span className="gl-cm-bar-track">
              <span className="gl-cm-bar" style={{ width: `${Number.isFinite(b.value) ? 100 * b.value : 0}%` }} />
            </span>
            <span className="gl-cm-bar-value">{pct(b.value)}</span>
          </div>
        ))}
      </div>
      {state.source === 'table3' && <Mismatches names={names} />}
    </div>
  );
}

/** Table 3's printed percentages that its counts do not give back. */
function Mismatches({ names }: { names: readonly string[] }) {
  const list = table3Mismatches();
  return (
    <div className="gl-cm-mismatch" data-testid="mismatches" data-count={list.length}>
      <p>
        The slide’s “Accuracy” row is each class’s <strong>recall</strong> (TP over the column’s true events). Recomputed from the counts, {list.length} printed values
        differ:
      </p>
      <ul>
        {list.map((d) => (
          <li key={`${d.kind}${d.k}`}>
            {names[d.k]} {d.kind}: {d.recomputed.toFixed(1)} %, printed {d.printed.toFixed(1)} %
          </li>
        ))}
      </ul>
    </div>
  );
}
