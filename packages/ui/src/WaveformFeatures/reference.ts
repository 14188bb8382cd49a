/**
 * The reference set of {@link WaveformFeatures}: a few seeded events per volcano-seismic class,
 * their Table 1 feature vectors, the pooled mean and standard deviation of each feature (for
 * z-scores) and each class's mean z-score (the class averages the chart compares against).
 */
import { RandomState } from '@geolearn/algorithms';
import { VOLCANIC_CLASSES, volcanicEvent, waveformFeatureVector, type VolcanicClass } from '@geolearn/algorithms/seismic';

/** Pooled statistics of the reference set. */
export interface FeatureReference {
  /** Events per class. */
  perClass: number;
  /** Pooled mean of each feature (102 = 34 features × 3 domains). */
  mean: Float64Array;
  /** Pooled standard deviation of each feature (0 for a constant one). */
  std: Float64Array;
  /** Mean z-score of each feature within each class. */
  classMeanZ: Record<VolcanicClass, Float64Array>;
}

/** z = (x − μ)/σ, or 0 where σ = 0 (a feature that never varies tells nothing apart). */
export function zScores(x: ArrayLike<number>, ref: FeatureReference): Float64Array {
  const z = new Float64Array(ref.mean.length);
  for (let j = 0; j < z.length; j++) z[j] = ref.std[j] > 0 ? (x[j] - ref.mean[j]) / ref.std[j] : 0;
  return z;
}

const cache = new Map<string, FeatureReference>();

/**
 * The reference statistics for `perClass` events of each class drawn from `seed` (cached: the
 * same seed and size give the same object). Events are 30 s at 100 Hz, as in the slides' data.
 */
export function featureReference(seed: number, perClass: number, duration = 30): FeatureReference {
  const key = `${seed}|${perClass}|${duration}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rng = new RandomState(seed * 7919 + 101);
  const rows: { cls: VolcanicClass; x: Float64Array }[] = [];
  for (const cls of VOLCANIC_CLASSES) {
    for (let i = 0; i < perClass; i++) {
      const e = volcanicEvent(cls, { duration, snr: [5, 20], randomState: rng.nextSeed() });
      rows.push({ cls, x: waveformFeatureVector(e.signal, { sampleRate: e.sampleRate }) });
    }
  }
  const d = rows[0].x.length;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r.x[j] / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) std[j] += (r.x[j] - mean[j]) ** 2 / Math.max(1, rows.length - 1);
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(std[j]);
    std[j] = s > 1e-12 * Math.max(1, Math.abs(mean[j])) ? s : 0;
  }
  const ref: FeatureReference = { perClass, mean, std, classMeanZ: {} as Record<VolcanicClass, Float64Array> };
  for (const cls of VOLCANIC_CLASSES) {
    const acc = new Float64Array(d);
    const mine = rows.filter((r) => r.cls === cls);
    for (const r of mine) {
      const z = zScores(r.x, ref);
      for (let j = 0; j < d; j++) acc[j] += z[j] / mine.length;
    }
    ref.classMeanZ[cls] = acc;
  }
  if (cache.size > 8) cache.delete(cache.keys().next().value as string);
  cache.set(key, ref);
  return ref;
}
