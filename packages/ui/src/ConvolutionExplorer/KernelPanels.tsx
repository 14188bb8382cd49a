import { conceptColor } from '../common/colors';
import { Heatmap } from '../kit/Heatmap';
import { flipKernel, kernelText, padding } from './convolve';
import { signed } from './model';
import type { ConvolutionModel } from './useConvolution';

/** One grid of numbers, each box tinted by its sign and size and showing its value. */
function NumberGrid({ rows, cell, label, testId, marks }: { rows: number[][]; cell: number; label: string; testId?: string; marks?: boolean[][] }) {
  const max = Math.max(1e-12, ...rows.flat().map(Math.abs));
  const w = (rows[0]?.length ?? 0) * cell;
  const h = rows.length * cell;
  return (
    <svg width={w} height={h} role="img" aria-label={label} data-testid={testId} className="gl-conv-grid">
      {rows.map((row, r) =>
        row.map((v, c) => (
          <g key={`${r}-${c}`} data-padded={marks?.[r]?.[c] || undefined}>
            <rect x={c * cell} y={r * cell} width={cell} height={cell} className="gl-conv-cell-bg" />
            <rect x={c * cell} y={r * cell} width={cell} height={cell} fill={conceptColor(v >= 0 ? 'weightPos' : 'weightNeg')} fillOpacity={(0.75 * Math.abs(v)) / max} className="gl-conv-cell" />
            <text x={(c + 0.5) * cell} y={(r + 0.5) * cell} dy="0.35em" textAnchor="middle" className="gl-conv-cell-text">
              {kernelText(v)}
            </text>
          </g>
        )),
      )}
    </svg>
  );
}

/** The kernel B as typed, and B rotated by 180°: what the sum of the convolution actually multiplies the window by. */
export function KernelPanel({ model, width }: { model: ConvolutionModel; width: number }) {
  const { state, kernel } = model;
  const cell = Math.max(36, Math.min(44, Math.floor(width / Math.max(kernel.cols, 3))));
  const text = (rows: number[][]) => rows.map((r) => r.map(kernelText).join(' ')).join('; ');
  const flipped = flipKernel(state.kernel);
  return (
    <div className="gl-panel gl-conv-kernels" data-gl-panel="">
      <div className="gl-conv-title">Kernel B</div>
      <NumberGrid rows={state.kernel} cell={cell} label={`Kernel B, ${kernel.rows} × ${kernel.cols}: ${text(state.kernel)}`} testId="kernel" />
      <div className="gl-conv-title">B flipped (rotated 180°): on the window</div>
      <NumberGrid rows={flipped} cell={cell} label={`Kernel B flipped by 180°, as the convolution lays it on the window: ${text(flipped)}`} testId="kernel-flipped" />
    </div>
  );
}

/** The element-wise products under the window (A times flipped B, cell by cell) and their sum: the current output pixel. */
export function ProductsPanel({ model, width }: { model: ConvolutionModel; width: number }) {
  const { products, here, pi, pj, kernel } = model;
  const cell = Math.max(36, Math.min(48, Math.floor(width / Math.max(kernel.cols, 3))));
  const values = products.map((r) => r.map((p) => p.product));
  const padded = products.map((r) => r.map((p) => p.padded));
  const nPad = padded.flat().filter(Boolean).length;
  return (
    <div className="gl-panel" data-gl-panel="">
      <div className="gl-conv-title">
        The {values.flat().length} products A·B̃ under the window{nPad ? ` (${nPad} in the padding: 0)` : ''}
      </div>
      <NumberGrid rows={values} cell={cell} marks={padded} label={`The ${values.flat().length} element-wise products of the window at (${pi}, ${pj}); they sum to ${signed(here.value)}.`} testId="products" />
      <div className="gl-conv-sum" data-testid="products-sum">
        sum = (A ∗ B)<sub>{pi},{pj}</sub> = {signed(here.value)}
      </div>
    </div>
  );
}

/** The output A ∗ B, revealed up to the window's position (the rest is still paper). */
export function OutputPanel({ model, side }: { model: ConvolutionModel; side: number }) {
  const { output, pos, done, pi, pj, total, image, kernel } = model;
  const pad = padding(kernel);
  const cell = side / Math.max(image.cols + pad.left + pad.right, image.rows + pad.top + pad.bottom);
  const w = image.cols * cell;
  const h = image.rows * cell;
  const shown = Float64Array.from(output.data, (v, k) => (k < pos ? v : NaN));
  const { lo, hi } = outputRange(output.data);
  const signedOut = lo < -1e-9;
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  return (
    <div className="gl-panel" data-gl-panel="">
      <div className="gl-conv-title">Output A ∗ B</div>
      <div className="gl-conv-output" data-testid="output" data-revealed={pos}>
        <Heatmap values={shown} rows={output.rows} cols={output.cols} width={w} height={h} kind={signedOut ? 'diverging' : 'sequential'} domain={signedOut ? [-m, m] : [0, Math.max(1, hi)]} testId="output-image" label={`Output image A ∗ B: ${pos} of ${total} pixels computed`}>
          <rect width={w} height={h} className="gl-conv-image-edge" />
          {!done && <rect x={pj * cell} y={pi * cell} width={cell} height={cell} className="gl-conv-cursor" />}
        </Heatmap>
      </div>
    </div>
  );
}

/** The output's value range (for its colour map and key). */
export function outputRange(data: ArrayLike<number>): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < data.length; k++) {
    if (data[k] < lo) lo = data[k];
    if (data[k] > hi) hi = data[k];
  }
  return Number.isFinite(lo) ? { lo, hi } : { lo: 0, hi: 1 };
}
