/**
 * Speed of the seismic entry point: Table 1 features over many events, min/max decimation of
 * a 1-hour trace for the Seismogram viewer, the FFT behind both, and the generators.
 *
 * Features: one iteration over 1,000 events of 30 s at 100 Hz (3,000 samples, 102 features);
 * multiply by 10 for the 10,000 events (the work is linear in the number of events).
 */
import { bench, describe } from 'vitest';
import {
  fft,
  makeVolcanicDataset,
  minMaxDecimate,
  rfft,
  syntheticSeismogram,
  volcanicEvent,
  waveformFeatureVector,
  VOLCANIC_CLASSES,
} from '@geolearn/algorithms/seismic';
import { RandomState } from '../src';

// 200 distinct events (all six classes), cycled five times: 1,000 feature computations.
const dataset = makeVolcanicDataset({ nSamples: 200, duration: 30, sampleRate: 100, randomState: 0 });
const EVENTS = 1000;

describe('Table 1 features, 1,000 events of 30 s at 100 Hz (×10 for 10,000)', () => {
  bench(
    'waveformFeatureVector, 3 domains (102 features)',
    () => {
      for (let i = 0; i < EVENTS; i++) waveformFeatureVector(dataset.signals[i % 200], { sampleRate: 100 });
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
  bench(
    'waveformFeatureVector, temporal only (34 features)',
    () => {
      for (let i = 0; i < EVENTS; i++) waveformFeatureVector(dataset.signals[i % 200], { sampleRate: 100, domains: ['temporal'] });
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
});

// A 1-hour, 100 Hz trace: 360,000 samples.
const rng = new RandomState(1);
const hour = new Float64Array(360000);
for (let i = 1; i < hour.length; i++) hour[i] = 0.99 * hour[i - 1] + rng.normal();
const hour32 = Float32Array.from(hour);

/** The obvious way: slice each column and spread it into Math.min / Math.max. */
function naiveMinMax(trace: Float64Array, columns: number) {
  const min: number[] = [];
  const max: number[] = [];
  const w = trace.length / columns;
  for (let c = 0; c < columns; c++) {
    const part = Array.from(trace.slice(Math.floor(c * w), Math.floor((c + 1) * w)));
    min.push(Math.min(...part));
    max.push(Math.max(...part));
  }
  return { min, max };
}

describe('decimation of a 1-hour 100 Hz trace (360,000 samples) to 1,000 columns', () => {
  bench('minMaxDecimate (Float64Array)', () => {
    minMaxDecimate(hour, 0, hour.length, 1000);
  });
  bench('minMaxDecimate (Float32Array)', () => {
    minMaxDecimate(hour32, 0, hour32.length, 1000);
  });
  bench('naive slice + Math.min/Math.max', () => {
    naiveMinMax(hour, 1000);
  });
});

/** A textbook iterative radix-2 FFT (bit reversal, then butterflies), as the peer of fft.js. */
function radix2(re: Float64Array, im: Float64Array) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const a = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(a * k);
        const wi = Math.sin(a * k);
        const xr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
        const xi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
        re[i + k + len / 2] = re[i + k] - xr;
        im[i + k + len / 2] = im[i + k] - xi;
        re[i + k] += xr;
        im[i + k] += xi;
      }
    }
  }
}

const x4096 = Float64Array.from({ length: 4096 }, () => rng.normal());
const x3000 = x4096.slice(0, 3000);

describe('FFT of one 30 s event (4,096 points, or 3,000 exactly)', () => {
  bench('rfft, 4096 (fft.js realTransform)', () => {
    rfft(x4096);
  });
  bench('fft, 4096 complex (fft.js)', () => {
    fft(x4096);
  });
  bench('textbook radix-2, 4096 complex', () => {
    radix2(x4096.slice(), new Float64Array(4096));
  });
  bench('rfft, 3000 (Bluestein over fft.js)', () => {
    rfft(x3000);
  });
});

describe('generators', () => {
  bench('syntheticSeismogram, 3 components, 60 s at 100 Hz', () => {
    syntheticSeismogram({ randomState: 1 });
  });
  for (const type of VOLCANIC_CLASSES) {
    bench(`volcanicEvent ${type}, 30 s at 100 Hz`, () => {
      volcanicEvent(type, { randomState: 2 });
    });
  }
  bench(
    'makeVolcanicDataset, 100 events (per event: ÷100)',
    () => {
      makeVolcanicDataset({ nSamples: 100, randomState: 3 });
    },
    { iterations: 5, time: 0 },
  );
});
