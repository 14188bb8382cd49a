import type { KeyboardEvent } from 'react';
import { conceptColor } from '../common/colors';
import { fmtValue, LIMITS } from './model';
import type { PoolingModel } from './usePoolingStride';

/** Fill strength of a value 0–9 (the positive half of the diverging map: magnitudes ≥ 0). */
const tint = (v: number) => 0.08 + 0.6 * Math.min(1, Math.max(0, v / 9));

/** The padded input with the window, the cells it covers and, for max pooling, its maximum ringed. */
export function InputGrid({ model, cell }: { model: PoolingModel; cell: number }) {
  const { state, pad, out, row, col, win } = model;
  const { kernel: k, stride: s, padding: p, size: n, op } = state;
  const span = n + 2 * p;
  const covered = out > 0 ? (out - 1) * s + k : 0;
  const maxAt = op === 'max' && win.length ? win.indexOf(Math.max(...win)) : -1;
  const side = span * cell;
  const label = `Input ${n}×${n} with padding ${p}${out > 0 ? `; the ${k}×${k} window is at rows ${s * row - p + 1} to ${s * row - p + k}, columns ${s * col - p + 1} to ${s * col - p + k} (padding counts as 0)` : ''}`;
  return (
    <div className="gl-panel" data-gl-panel="">
      <p className="gl-pool-panel-title">Input x ({n}×{n}{p ? `, padded to ${span}×${span}` : ''})</p>
      <svg width={side + 2} height={side + 2} className="gl-pool-grid" role="img" aria-label={label} data-testid="input-grid" data-span={span}>
        <g transform="translate(1,1)">
          {pad.map((r, i) =>
            r.map((v, j) => {
              const isPad = i < p || j < p || i >= n + p || j >= n + p;
              const unused = out > 0 && (i >= covered || j >= covered);
              const inWin = out > 0 && i >= s * row && i < s * row + k && j >= s * col && j < s * col + k;
              const isMax = inWin && maxAt === (i - s * row) * k + (j - s * col);
              return (
                <g key={`${i},${j}`}>
                  <rect x={j * cell} y={i * cell} width={cell} height={cell} fill="var(--gl-bg)" />
                  <rect
                    x={j * cell}
                    y={i * cell}
                    width={cell}
                    height={cell}
                    className="gl-pool-cell"
                    data-pad={isPad || undefined}
                    data-unused={(!isPad && unused) || undefined}
                    fill={conceptColor('weightPos')}
                    fillOpacity={isPad || unused ? 0 : tint(v)}
                  />
                  <text x={(j + 0.5) * cell} y={(i + 0.5) * cell} dy="0.35em" textAnchor="middle" className="gl-pool-num" fontSize={Math.round(cell * 0.45)} data-pad={isPad || undefined} data-unused={unused || undefined} data-max={isMax || undefined}>
                    {v}
                  </text>
                  {isMax && <circle cx={(j + 0.5) * cell} cy={(i + 0.5) * cell} r={cell * 0.38} className="gl-pool-maxring" />}
                </g>
              );
            }),
          )}
          {out > 0 && <rect x={s * col * cell} y={s * row * cell} width={k * cell} height={k * cell} className="gl-pool-window" data-testid="window" data-row={row} data-col={col} />}
        </g>
      </svg>
    </div>
  );
}

/** The pooled output: cells filled in as the window visits them; click one (or use the arrow keys) to move the window there. */
export function OutputGrid({ model, cell }: { model: PoolingModel; cell: number }) {
  const { state, out, pooled, row, col, actions, invalid } = model;
  const c = Math.max(cell, 24);
  const side = Math.max(1, out) * c;
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      actions.goTo(Math.min(out - 1, Math.max(0, row + m[0])), Math.min(out - 1, Math.max(0, col + m[1])));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      actions.goTo(e.key === 'Home' ? 0 : out - 1, e.key === 'Home' ? 0 : out - 1);
    }
  };
  if (invalid || out === 0) {
    return (
      <div className="gl-panel" data-gl-panel="">
        <p className="gl-pool-panel-title">Output</p>
        <svg width={160} height={40} className="gl-pool-grid" role="img" aria-label="No output: the window does not fit" data-testid="output-grid" data-size={0}>
          <text x={0} y={24} className="gl-pool-empty">
            no output: k &gt; n + 2p
          </text>
        </svg>
      </div>
    );
  }
  const reached = (i: number, j: number) => i * out + j <= state.position;
  return (
    <div className="gl-panel" data-gl-panel="">
      <p className="gl-pool-panel-title">
        Output y ({out}×{out}, {state.op} pooling)
      </p>
      <svg width={side + 8} height={side + 8} className="gl-pool-grid" data-testid="output-grid" data-size={out}>
        <g
          transform="translate(4,4)"
          className="gl-focusable"
          role="group"
          tabIndex={0}
          aria-label={`Output ${out}×${out}: cell row ${row + 1}, column ${col + 1} = ${fmtValue(pooled[row][col])}. Arrow keys move the window; click a cell to jump there.`}
          onKeyDown={onKeyDown}
        >
          <rect x={-3} y={-3} width={side + 6} height={side + 6} className="gl-focus-box" />
          {pooled.map((r, i) =>
            r.map((v, j) => (
              <g key={`${i},${j}`} className="gl-pool-out-cell" onClick={() => actions.goTo(i, j)} data-testid={`out-${i}-${j}`}>
                <rect x={j * c} y={i * c} width={c} height={c} fill="var(--gl-bg)" />
                <rect x={j * c} y={i * c} width={c} height={c} className="gl-pool-cell" fill={conceptColor('weightPos')} fillOpacity={reached(i, j) ? tint(v) : 0} />
                {reached(i, j) && (
                  <text x={(j + 0.5) * c} y={(i + 0.5) * c} dy="0.35em" textAnchor="middle" className="gl-pool-num" fontSize={Math.round(c * (Number.isInteger(v) ? 0.45 : 0.32))}>
                    {fmtValue(v)}
                  </text>
                )}
              </g>
            )),
          )}
          <rect x={col * c} y={row * c} width={c} height={c} className="gl-pool-current" data-testid="current-cell" />
        </g>
      </svg>
    </div>
  );
}

/** Largest padded side the controls allow (for the layout). */
export const MAX_SPAN = LIMITS.size[1] + 2 * LIMITS.padding[1];
