import { scaleLinear } from 'd3-scale';
import { Axis } from '../common/Axis';
import { Button } from '../kit/buttons';
import { FitProgress } from '../worker/FitProgress';
import { fmtRes, fmtS, histogram, meanStd } from './model';
import type { PhasePickerModel } from './usePhasePicker';

const BINS = 20;
const LO = -0.5;
const HI = 0.5;

/** The comparison of picks in the shown window: the model's, STA/LTA's and yours, with residuals once the truth is shown. */
export function PickTable({ model }: { model: PhasePickerModel }) {
  const { rows, state, w } = model;
  const reveal = state.showTruth && w?.pTrue !== null;
  return (
    <table className="gl-pp-table" data-testid="pick-table">
      <caption className="gl-pp-heading">Picks in this window</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          <th scope="col">Phase</th>
          <th scope="col">Pick</th>
          <th scope="col">{reveal ? 'Pick − truth' : 'Residual (hidden)'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.who}${r.phase}`} data-who={r.who} data-phase={r.phase}>
            <th scope="row">{r.who}</th>
            <td className="gl-pp-phase" data-phase={r.phase}>{r.phase}</td>
            <td>{fmtS(r.time)}</td>
            <td data-testid={`residual-${r.who}-${r.phase}`} data-good={reveal && r.residual !== null && Math.abs(r.residual) <= 0.1 ? '' : undefined}>
              {reveal ? fmtRes(r.residual) : '·'}
            </td>
          </tr>
        ))}
        {reveal && (
          <tr>
            <th scope="row">Truth</th>
            <td>P / S</td>
            <td colSpan={2}>
              {fmtS(w!.pTrue)} / {fmtS(w!.sTrue)}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** Residual histogram of the model's P and S picks and STA/LTA's P picks over a batch of held-out windows. */
export function ResidualHistogram({ model, width }: { model: PhasePickerModel; width: number }) {
  const { batch, actions } = model;
  const r = batch.result;
  const h = 150;
  const m = { top: 8, right: 8, bottom: 34, left: 36 };
  const pw = Math.max(60, width - m.left - m.right);
  const ph = h - m.top - m.bottom;
  const series = r
    ? [
        { key: 'P', values: r.residualsP, label: 'model P' },
        { key: 'S', values: r.residualsS, label: 'model S' },
        { key: 'STA', values: r.residualsStaLta, label: 'STA/LTA P' },
      ]
    : [];
  const counts = series.map((s) => histogram(s.values, LO, HI, BINS));
  const top = Math.max(1, ...counts.flat());
  const xs = scaleLinear().domain([LO, HI]).range([0, pw]);
  const ys = scaleLinear().domain([0, top]).range([ph, 0]);
  const bw = pw / BINS / 3;
  const score = r?.report;
  return (
    <div className="gl-pp-hist" data-testid="histogram" data-state={r ? 'ready' : batch.busy ? 'running' : 'empty'}>
      <p className="gl-pp-heading">Residuals over held-out windows</p>
      <div className="gl-pp-run">
        <Button onClick={actions.runBatch} disabled={batch.busy} data-testid="run-batch">
          {r ? 'Run again' : 'Run on held-out windows'}
        </Button>
        <FitProgress value={batch.progress} running={batch.busy} label="Held-out batch" onCancel={actions.cancelBatch} error={batch.error} data-testid="batch-progress" />
      </div>
      {r && (
        <svg width={width} height={h} role="img" aria-label={`Histogram of pick residuals over ${r.n} held-out windows, from −0.5 to 0.5 s`}>
          <g transform={`translate(${m.left},${m.top})`}>
            {counts.map((c, k) =>
              c.map((v, i) => (v > 0 ? <rect key={`${k}-${i}`} x={xs(LO + ((HI - LO) * i) / BINS) + k * bw} y={ys(v)} width={Math.max(1, bw - 0.5)} height={ph - ys(v)} className="gl-pp-bar" data-series={series[k].key} /> : null)),
            )}
            <line className="gl-pp-zero" x1={xs(0)} x2={xs(0)} y1={0} y2={ph} />
            <Axis scale={xs} orient="bottom" offset={ph} ticks={5} label="pick − truth (s)" />
            <Axis scale={ys} orient="left" offset={0} ticks={3} label="count" />
          </g>
        </svg>
      )}
      {r && score && (
        <ul className="gl-pp-scores" data-testid="batch-scores">
          {series.map((s, k) => {
            const e = k === 0 ? score.P : k === 1 ? score.S : score.staLtaP;
            const ms = meanStd(s.values);
            return (
              <li key={s.key} data-series={s.key}>
                <span className="gl-pp-swatch" aria-hidden="true" /> {s.label}: precision {e.scores[0].precision.toFixed(2)}, recall {e.scores[0].recall.toFixed(2)} within 0.1 s; residual {fmtRes(ms.mean)} ± {ms.std.toFixed(2)} s
              </li>
            );
          })}
          <li className="gl-pp-small">
            {r.n} windows (SNR −5 … 20 dB) at threshold {r.threshold.toFixed(2)}
          </li>
        </ul>
      )}
    </div>
  );
}
