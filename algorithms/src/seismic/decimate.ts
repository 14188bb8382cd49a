/**
 * Min/max decimation for drawing: a trace of hundreds of thousands of samples on a canvas a
 * thousand pixels wide is drawn as one vertical segment per pixel column, from the column's
 * minimum to its maximum. Unlike plain subsampling, no peak is ever lost, so the picture is
 * exactly what full resolution would rasterise to; and it costs one pass over the visible
 * samples, fast enough to redraw a 1-hour, 100 Hz trace at every frame of a pan.
 */
import { ValidationError } from '../core/errors';
import { checkScalar, checkSize } from '../core/validation';
import { MAX_DECIMATE_COLUMNS } from './_checks';

/** Per-column extremes from {@link minMaxDecimate}. */
export interface MinMaxColumns {
  /** Smallest sample in each column. */
  min: Float64Array;
  /** Largest sample in each column. */
  max: Float64Array;
}

/**
 * Splits samples [start, end) of a trace into `columns` equal spans and returns each span's
 * min and max. Column c covers samples [start + ⌊c·w⌋, start + ⌊(c+1)·w⌋), w = (end − start)/columns;
 * when a column is narrower than one sample (zoomed in past the sampling), it takes the sample
 * under its left edge, so min = max there. `start` and `end` are clamped to the trace and may
 * be fractional (a smooth pan): they are floored and ceiled.
 *
 * Every sample in [start, end) is checked while it is scanned (the check costs little next to
 * the comparisons): NaN, ±∞, null or a string there is a ValidationError naming its index, so a
 * gap in a trace is never drawn as a made-up line. `columns` is at most
 * {@link MAX_DECIMATE_COLUMNS}.
 */
export function minMaxDecimate(trace: ArrayLike<number>, start: number, end: number, columns: number): MinMaxColumns {
  if (trace == null || typeof trace !== 'object' || typeof trace.length !== 'number') throw new ValidationError('trace', 'bad-option', 'expected an array of numbers');
  const n = trace.length;
  if (n === 0) throw new ValidationError('trace', 'empty', 'no samples (an empty array)');
  const cols = checkScalar(columns, 'columns', { min: 1, integer: true });
  checkSize('columns', cols, MAX_DECIMATE_COLUMNS, 'columns');
  checkScalar(start, 'start');
  checkScalar(end, 'end');
  const a = Math.max(0, Math.min(n, Math.floor(start)));
  const b = Math.max(0, Math.min(n, Math.ceil(end)));
  if (b <= a) throw new ValidationError('end', 'out-of-range', `the range [${start}, ${end}) holds no sample of a ${n}-sample trace`);
  const min = new Float64Array(cols);
  const max = new Float64Array(cols);
  const w = (b - a) / cols;
  for (let c = 0; c < cols; c++) {
    const i0 = a + Math.floor(c * w);
    let i1 = a + Math.floor((c + 1) * w);
    if (i1 <= i0) i1 = i0 + 1;
    if (i1 > b) i1 = b;
    let lo = trace[i0];
    if (typeof lo !== 'number' || lo - lo !== 0) badSample(trace, i0);
    let hi = lo;
    for (let i = i0 + 1; i < i1; i++) {
      const v = trace[i];
      // v − v is 0 for finite numbers, NaN for NaN and ±∞; typeof catches null and strings.
      if (typeof v !== 'number' || v - v !== 0) badSample(trace, i);
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    min[c] = lo;
    max[c] = hi;
  }
  return { min, max };
}

function badSample(trace: ArrayLike<unknown>, i: number): never {
  const v = trace[i];
  const missing = v === null || v === undefined;
  throw new ValidationError('trace', missing ? 'missing-value' : typeof v === 'number' ? 'not-finite' : 'not-a-number', `sample ${i} is ${typeof v === 'string' ? JSON.stringify(v) : String(v)}; samples must be finite numbers`);
}
