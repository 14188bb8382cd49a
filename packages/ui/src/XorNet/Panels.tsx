import { classColor, conceptColor } from '../common/colors';
import { LineChart } from '../common/LineChart';
import { Heatmap } from '../kit/Heatmap';
import { DOMAIN, GRID, lossText, signed, verdict, X, Y } from './model';
import type { XorModel } from './useXorNet';

/**
 * The decision regions over the unit square (diverging map: output 0 orange, ½ paper,
 * 1 blue) and the four points in their class colours with a two-tone outline (paper halo
 * and ink ring), so they stay visible on the region of their own colour.
 */
export function BoundaryPlot({ model, side }: { model: XorModel; side: number }) {
  const { state, view, right, trained } = model;
  const px = (x: number) => ((x - DOMAIN.xMin) / (DOMAIN.xMax - DOMAIN.xMin)) * side;
  const py = (y: number) => ((DOMAIN.yMax - y) / (DOMAIN.yMax - DOMAIN.yMin)) * side;
  return (
    <div className="gl-panel" data-gl-panel="">
      <div data-testid="xor-points" data-correct={right}>
        <Heatmap
          values={view.field}
          rows={GRID}
          cols={GRID}
          width={side}
          height={side}
          kind="diverging"
          domain={[0, 1]}
          smooth={trained}
          testId="xor-boundary"
          label={`Decision regions over the unit square: blue means output 1, orange output 0; ${right} of the 4 points are on the right side.`}
        >
          {X.map((x, i) => {
            const cx = px(x[0]);
            const cy = py(x[1]);
            const selected = i === state.row;
            return (
              <g key={i} className="gl-xor-point" data-selected={selected || undefined}>
                <circle cx={cx} cy={cy} r={selected ? 14 : 12} className="gl-xor-point-ring" />
                <circle cx={cx} cy={cy} r={9} fill={classColor(Y[i])} className="gl-xor-point-dot" />
                <text x={cx} y={cy + 26} textAnchor="middle" className="gl-xor-point-label">
                  ({x[0]},{x[1]})
                </text>
              </g>
            );
          })}
        </Heatmap>
      </div>
    </div>
  );
}

const MARK = { right: '✓', wrong: '✗', undecided: '?' } as const;
const MARK_TEXT = { right: 'right', wrong: 'wrong', undecided: 'undecided (output ½)' } as const;

/** The truth table: inputs, target, output and a verdict per row (an output of 0.50 is undecided, not right). */
export function TruthTable({ model }: { model: XorModel }) {
  const { state, view, trained } = model;
  return (
    <table className="gl-xor-table" data-testid="truth-table">
      <caption>Truth table (XOR)</caption>
      <thead>
        <tr>
          {['x₁', 'x₂', 'target', 'output'].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
          <th scope="col">
            <span className="gl-xor-sr">right?</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {X.map((x, i) => {
          const v = verdict(view.outputs[i], Y[i]);
          const o = view.outputs[i];
          return (
            <tr key={i} data-correct={v === 'right'} data-verdict={v} data-selected={i === state.row || undefined}>
              <td>{x[0]}</td>
              <td>{x[1]}</td>
              <td>{Y[i]}</td>
              <td>{!Number.isFinite(o) ? '–' : trained ? signed(o) : o}</td>
              <td aria-label={MARK_TEXT[v]}>{MARK[v]}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The training loss against the step (log axis), with the table. */
export function TablePanel({ model, chartWidth, chartHeight }: { model: XorModel; chartWidth: number; chartHeight: number }) {
  const { snap, trained } = model;
  const losses = snap?.losses ?? [];
  return (
    <div className="gl-panel" data-gl-panel="">
      <TruthTable model={model} />
      {trained && (
        <LineChart
          width={chartWidth}
          height={chartHeight}
          series={[{ label: 'train loss', color: conceptColor('train'), points: losses }]}
          xLabel="step"
          yLabel="loss 𝓛"
          logY
          emptyText="press Play or Step ×10"
          label={`Loss curve: ${losses.length} steps${losses.length ? `, last loss ${lossText(losses[losses.length - 1][1])}` : ''}`}
          testId="xor-loss"
        />
      )}
    </div>
  );
}
