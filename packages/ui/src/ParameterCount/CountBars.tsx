import { scaleLog } from 'd3-scale';
import { Axis } from '../common/Axis';
import { conceptColor } from '../common/colors';
import { grouped, memory, megabytes, short, type LayerCount } from './model';

/** One bar of the chart. */
export interface Bar {
  /** What it counts. */
  name: string;
  /** A short name for the table. */
  short: string;
  /** The count. */
  count: LayerCount;
  /** The formula with the numbers, in words for the screen reader. */
  detail: string;
}

/**
 * The counts as horizontal bars on a log axis (the two differ by orders of magnitude: on a
 * linear axis the convolution's bar would be invisible).
 */
export function CountBars({ bars, width, showMemory }: { bars: readonly Bar[]; width: number; showMemory: boolean }) {
  const margin = { left: 12, right: 16, top: 8, bottom: 44 };
  const rowH = 52;
  const plotW = Math.max(120, width - margin.left - margin.right);
  const plotH = rowH * bars.length;
  const max = Math.max(10, ...bars.map((b) => Number(b.count.total)));
  const x = scaleLog()
    .domain([1, 10 ** Math.ceil(Math.log10(max))])
    .range([0, plotW]);
  const decades = Math.ceil(Math.log10(max));
  return (
    <div className="gl-panel" data-gl-panel="">
      <svg width={plotW + margin.left + margin.right} height={plotH + margin.top + margin.bottom} className="gl-pc-bars" role="img" aria-label={bars.map((b) => `${b.name}: ${b.detail}`).join('; ')} data-testid="bars">
        <g transform={`translate(${margin.left},${margin.top})`}>
          {bars.map((b, i) => {
            const v = Number(b.count.total);
            const w = Math.max(2, x(Math.max(1, v)));
            const y = i * rowH;
            const label = `${short(b.count.total)}${showMemory ? ` · ${memory(megabytes(b.count.total))}` : ''}`;
            const inside = w > plotW - 110;
            return (
              <g key={b.name} data-testid={`bar-${i}`} data-count={String(b.count.total)}>
                <text x={0} y={y + 14} className="gl-pc-bar-name">
                  {b.name}
                </text>
                <rect x={0} y={y + 20} width={w} height={22} fill={conceptColor('weightPos')} className="gl-pc-bar" />
                <text x={inside ? w - 6 : w + 6} y={y + 35} textAnchor={inside ? 'end' : 'start'} className={inside ? 'gl-pc-bar-value gl-pc-on-bar' : 'gl-pc-bar-value'}>
                  {label}
                </text>
              </g>
            );
          })}
          <Axis scale={x} orient="bottom" offset={plotH} label="parameters (log scale)" ticks={decades > 6 && plotW < 400 ? 4 : 8} />
        </g>
      </svg>
    </div>
  );
}

/**
 * The counts as a table: weights, biases, total and memory of each layer. On a narrow screen
 * the table scrolls sideways inside its panel; the panel is then a named, focusable region so
 * that it scrolls from the keyboard too (arrow keys once focused).
 */
export function CountTable({ bars, showMemory }: { bars: readonly Bar[]; showMemory: boolean }) {
  return (
    <div className="gl-panel gl-pc-scroll" data-gl-panel="" role="region" aria-label="Parameters of each layer (table; scrolls sideways on a narrow screen)" tabIndex={0}>
      <table className="gl-pc-table" data-testid="count-table">
        <caption>Parameters of each layer</caption>
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">weights</th>
            <th scope="col">biases</th>
            <th scope="col">total</th>
            {showMemory && <th scope="col">float32</th>}
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.name}>
              <th scope="row">{b.short}</th>
              <td>{grouped(b.count.weights)}</td>
              <td>{grouped(b.count.biases)}</td>
              <td>{grouped(b.count.total)}</td>
              {showMemory && <td>{memory(megabytes(b.count.total))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
