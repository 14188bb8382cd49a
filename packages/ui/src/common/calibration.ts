/**
 * Temperature scaling of a classifier's probabilities and its expected calibration error.
 * Pure, no TF.js: used by the MNIST explainers at run time, by `pnpm calibrate:mnist` and by
 * the tests.
 *
 * The shipped MNIST models end in a softmax, so their logits are recovered from the
 * probabilities as z_c = log p_c (equal to the true logits up to a per-row constant, which a
 * softmax ignores). Temperature scaling then gives q = softmax(z / T): T > 1 softens
 * over-confident answers, T < 1 sharpens, and the ranking of the classes never changes.
 */

/** Floor of a probability before its log: a saturated float32 softmax gives exact zeros. */
export const PROB_FLOOR = 1e-30;

/** What a model's calibration.json says (written by `pnpm calibrate:mnist`). */
export interface MnistCalibration {
  /** The temperature T of softmax(z / T). 1 = uncalibrated. */
  temperature: number;
  /** One line on the data T was fitted on. */
  fittedOn?: string;
  /** Expected calibration errors (15 bins) before and after, on the clean and the drawn-like held-out digits. */
  ece?: { clean: { before: number; after: number }; drawnLike: { before: number; after: number } };
  /** Accuracies on the same evaluation digits. */
  accuracy?: { clean: number; drawnLike: number };
  /** Digits in the evaluation split. */
  evaluated?: number;
}

/** A temperature is usable when finite and positive; anything else means T = 1. */
export function cleanTemperature(t: unknown): number {
  return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : 1;
}

/**
 * q = softmax(log p / T), row by row (rows of `nClasses` probabilities). T = 1 returns the
 * probabilities unchanged (up to the floor). Computed with the row's maximum subtracted, so
 * it never overflows.
 */
export function temperatureScale(probs: ArrayLike<number>, temperature: number, nClasses = 10): Float32Array {
  const t = cleanTemperature(temperature);
  const out = new Float32Array(probs.length);
  const z = new Float64Array(nClasses);
  for (let r = 0; r + nClasses <= probs.length; r += nClasses) {
    let max = -Infinity;
    for (let c = 0; c < nClasses; c++) {
      z[c] = Math.log(Math.max(probs[r + c], PROB_FLOOR)) / t;
      if (z[c] > max) max = z[c];
    }
    let sum = 0;
    for (let c = 0; c < nClasses; c++) sum += (z[c] = Math.exp(z[c] - max));
    for (let c = 0; c < nClasses; c++) out[r + c] = z[c] / sum;
  }
  return out;
}

/** Mean negative log-likelihood −(1/n) Σ log q_{yᵢ} of rows of probabilities. */
export function meanNll(probs: ArrayLike<number>, labels: ArrayLike<number>, nClasses = 10): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) s -= Math.log(Math.max(probs[i * nClasses + labels[i]], PROB_FLOOR));
  return s / labels.length;
}

/**
 * Expected calibration error with `bins` equal-width confidence bins:
 * ECE = Σ_b (|B_b| / n) · |acc(B_b) − conf(B_b)|, where conf is the top probability and acc
 * the fraction of the bin whose top class is the label.
 */
export function expectedCalibrationError(probs: ArrayLike<number>, labels: ArrayLike<number>, nClasses = 10, bins = 15): number {
  const n = labels.length;
  const count = new Float64Array(bins);
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < nClasses; c++) if (probs[i * nClasses + c] > probs[i * nClasses + best]) best = c;
    const p = probs[i * nClasses + best];
    // Bin b holds confidences in (b/B, (b+1)/B]; a confidence of exactly 0 joins the first.
    const b = Math.min(bins - 1, Math.max(0, Math.ceil(p * bins) - 1));
    count[b]++;
    conf[b] += p;
    if (best === labels[i]) hits[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b] > 0) ece += Math.abs(hits[b] - conf[b]) / n;
  return ece;
}

/** Top-1 accuracy of rows of probabilities. */
export function accuracyOf(probs: ArrayLike<number>, labels: ArrayLike<number>, nClasses = 10): number {
  let ok = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < nClasses; c++) if (probs[i * nClasses + c] > probs[i * nClasses + best]) best = c;
    if (best === labels[i]) ok++;
  }
  return ok / labels.length;
}

/**
 * The temperature that minimises the mean NLL of softmax(log p / T) on labelled rows: a
 * golden-section search over log T in [log 0.05, log 20] (the NLL is convex in 1/T, so it
 * has one minimum there). Returns T rounded to 3 decimals.
 */
export function fitTemperature(probs: ArrayLike<number>, labels: ArrayLike<number>, nClasses = 10): number {
  const f = (u: number) => meanNll(temperatureScale(probs, Math.exp(u), nClasses), labels, nClasses);
  let a = Math.log(0.05);
  let b = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let k = 0; k < 60 && b - a > 1e-5; k++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return Math.round(Math.exp((a + b) / 2) * 1000) / 1000;
}

/**
 * The caption line on calibration: the probabilities shown are softmax(log p / T), with the
 * temperature fitted on held-out digits distorted like drawings (`pnpm calibrate:mnist`).
 */
export function calibrationLine(t: number): string {
  return t === 1
    ? 'Probabilities as the network outputs them (no temperature scaling).'
    : `Probabilities calibrated by temperature scaling, softmax(z / T) with T = ${t.toFixed(2)}, fitted on digits distorted like drawings.`;
}
