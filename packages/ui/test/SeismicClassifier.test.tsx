import { ValidationError } from '@geolearn/algorithms';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SeismicClassifier } from '../src/SeismicClassifier';
import { makeVolcanicDataset } from '@geolearn/algorithms/seismic';
import { checkSeismicCnnPayload, seismicCnnTask } from '../src/SeismicClassifier/cnnTask';
import { seismicDataTask } from '../src/SeismicClassifier/data';
import { runFitEvaluateInWorker, runTaskInWorker } from '../src/worker/runFit';
import { accuracyOf, buildData, classCounts, cnnInputs, cnnPayload, featureColumns, featureSplit, fitPredict, confusionOf, importanceByDomain, macroRecall, statusText, workerRequest, DEFAULT_STATE } from '../src/SeismicClassifier/model';

afterEach(cleanup);

describe('SeismicClassifier model', () => {
  it('shares events between classes: equal, or as Table 3 with at least 4 of each', () => {
    expect(classCounts(60, 'balanced')).toEqual([10, 10, 10, 10, 10, 10]);
    // 24 kept (4 each), 36 shared by 62,030 : 5,245 : 516 : 48 : 143 : 32 → LP 32.83, TR 2.78, the rest < 1;
    // floors 32 + 2, the two left go to the largest remainders (LP .83, TR .78).
    expect(classCounts(60, 'slides')).toEqual([37, 7, 4, 4, 4, 4]);
  });

  it('works the metrics by hand', () => {
    const C = [
      [2, 1],
      [0, 3],
    ];
    expect(accuracyOf(C)).toBeCloseTo(5 / 6, 12);
    expect(macroRecall(C)).toBeCloseTo((2 / 3 + 1) / 2, 12);
    expect(confusionOf([0, 0, 1, 5], [0, 1, 1, 5])[5][5]).toBe(1);
    expect(featureColumns(['spectral'])).toEqual(Array.from({ length: 34 }, (_, j) => 34 + j));
    expect(featureColumns(['cepstral', 'temporal'])).toHaveLength(68);
    const imp = new Array(68).fill(0).map((_, j) => (j < 34 ? 1 : 3));
    expect(importanceByDomain(imp, ['temporal', 'cepstral']).map((g) => g.share)).toEqual([0.25, 0.75]);
  });

  it('builds a stratified split, standardises on the training set only, and the features classify far above chance', async () => {
    const data = buildData({ nSamples: 60, balance: 'balanced', snr: 10, seed: 0 });
    expect(data.features.cols).toBe(102);
    expect(data.testIndex).toHaveLength(18);
    expect(new Set(data.testIndex.map((i) => data.labels[i])).size).toBe(6);
    const s = featureSplit(data, ['temporal', 'spectral', 'cepstral']);
    const mean0 = s.XTrain.reduce((a, r) => a + r[5], 0) / s.XTrain.length;
    expect(Math.abs(mean0)).toBeLessThan(1e-9);
    const { predicted } = fitPredict('logistic', s, 0);
    expect(accuracyOf(confusionOf(s.yTest, predicted))).toBeGreaterThan(0.6);
    // The explainer fits in the worker runner (here its fallback): the same predictions.
    const req = workerRequest('logistic', 0);
    const r = await runFitEvaluateInWorker({ estimator: req.estimator, params: req.params as never, X: s.XTrain, y: s.yTrain, evaluate: { predict: s.XTest } });
    expect(Array.from(r.outputs.predict as ArrayLike<number>)).toEqual(predicted);
    // The CNN's inputs: each trace scaled to max |s| = 1.
    const x = cnnInputs(data.signals, [0]);
    expect(Math.max(...Array.from(x, Math.abs))).toBeCloseTo(1, 6);
    expect(cnnPayload(data, 3, 0).train.length).toBe(data.trainIndex.length * data.signals[0].length);
  });

  it('generates, step by step, the same events as makeVolcanicDataset, and checks the worker payload', async () => {
    const data = buildData({ nSamples: 36, balance: 'slides', snr: 5, seed: 3 });
    const ref = makeVolcanicDataset({ classCounts: classCounts(36, 'slides'), snr: 5, sampleRate: 50, duration: 20, randomState: 3 });
    expect(data.labels).toEqual(ref.labels);
    expect(data.signals.map((x) => Array.from(x))).toEqual(ref.signals.map((x) => Array.from(x)));
    // The task (here the main-thread fallback, in slices) gives the same data, with its progress.
    const progress: (number | null)[] = [];
    const viaTask = await runTaskInWorker<typeof data>('seismicClassifier.data', { nSamples: 36, balance: 'slides', snr: 5, seed: 3 }, { onProgress: (p) => progress.push(p), minIntervalMs: 0, sliceMs: 1 });
    expect(Array.from(viaTask.features.data)).toEqual(Array.from(data.features.data));
    expect(viaTask.testIndex).toEqual(data.testIndex);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(1);
    expect(() => seismicDataTask({ nSamples: 10, balance: 'balanced', snr: 10, seed: 0 }).next()).toThrow(/nSamples/);
    expect(() => seismicDataTask({ nSamples: 60, balance: 'x', snr: 10, seed: 0 }).next()).toThrow(ValidationError);
    expect(() => seismicDataTask({ nSamples: 60, balance: 'balanced', snr: NaN, seed: 0 }).next()).toThrow(/snr/);
  });

  it('says what it does in the status', () => {
    expect(statusText({ state: DEFAULT_STATE, nTest: 72, features: { accuracy: 0.9 }, featuresBusy: false, cnn: null, cnnBusy: false, error: null })).toMatch(/Random forest on temporal \+ spectral \+ cepstral features: 90.0 % of 72 held-out events at SNR 10/);
  });
});

describe('the CNN task', () => {
  it('rejects bad payloads with a typed error naming the field', () => {
    expect(() => checkSeismicCnnPayload(null)).toThrow(ValidationError);
    const ok = { train: new Float32Array(64 * 2), trainLabels: [0, 1], test: new Float32Array(64), testLabels: [1], length: 64, nClasses: 2, epochs: 1, seed: 0 };
    expect(() => checkSeismicCnnPayload({ ...ok, trainLabels: [0, 2] })).toThrow(/trainLabels\[1\]/);
    expect(() => checkSeismicCnnPayload({ ...ok, length: 65 })).toThrow(/train/);
    expect(() => checkSeismicCnnPayload({ ...ok, epochs: 0 })).toThrow(/epochs/);
  });

  it('trains on a tiny set, reports each epoch and predicts every held-out trace', async () => {
    const { ensureNnBackend } = await import('../src/worker/nnServe');
    await ensureNnBackend();
    const L = 64;
    const make = (n: number) => {
      const x = new Float32Array(n * L);
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const k = i % 2;
        y.push(k);
        for (let j = 0; j < L; j++) x[i * L + j] = Math.sin((2 * Math.PI * (k ? 8 : 2) * j) / L);
      }
      return { x, y };
    };
    const tr = make(8);
    const te = make(4);
    const gen = seismicCnnTask({ train: tr.x, trainLabels: tr.y, test: te.x, testLabels: te.y, length: L, nClasses: 2, epochs: 2, seed: 0, batchSize: 4 });
    const snaps: unknown[] = [];
    let r = await gen.next();
    while (!r.done) {
      if (r.value.snapshot) snaps.push(r.value.snapshot);
      r = await gen.next();
    }
    expect(snaps).toHaveLength(2);
    expect(r.value.predicted).toHaveLength(4);
    expect(r.value.history.map((h) => h.epoch)).toEqual([1, 2]);
    expect(r.value.parameters).toBeGreaterThan(1000);
  }, 30000);
});

describe('SeismicClassifier component', () => {
  it('fits the features, fills the ablation, and refits when the student changes the groups and the classifier', async () => {
    const { container } = render(<SeismicClassifier nSamples={60} />);
    const status = screen.getByTestId('status');
    const root = container.querySelector('.gl-explainer')!;
    // The automatic feature fit is not "playing" (embeds must not play on load); only the CNN's training is.
    expect(root.getAttribute('data-state')).toBe('idle');
    // The events are generated off the render (in the worker; here the fallback), with a progress bar, the root busy.
    expect(root.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toMatch(/Generating the events/);
    expect(screen.getByTestId('data-progress').getAttribute('data-state')).toBe('running');
    await waitFor(() => expect(screen.getByTestId('ablation').getAttribute('data-state')).toBe('done'), { timeout: 20000 });
    expect(root.hasAttribute('aria-busy')).toBe(false);
    expect(screen.queryByTestId('data-progress')).toBeNull();
    expect(Number(status.getAttribute('data-features-accuracy'))).toBeGreaterThan(0.5);
    expect(container.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('done');
    expect(screen.getByTestId('features-side').querySelector('[data-testid="matrix"]')).not.toBeNull();
    expect(screen.getByTestId('ablation-spectral').getAttribute('data-accuracy')).not.toBeNull();
    // Drop two groups: the last one cannot be dropped.
    await act(async () => {
      fireEvent.click(screen.getByRole('checkbox', { name: 'temporal' }));
      fireEvent.click(screen.getByRole('checkbox', { name: 'cepstral' }));
    });
    expect((screen.getByRole('checkbox', { name: 'spectral' }) as HTMLInputElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Classifier' }), { target: { value: 'logistic' } });
    });
    await waitFor(() => expect(status.textContent).toMatch(/Logistic regression on spectral features: \d+\.\d % of 18/), { timeout: 20000 });
    // Rows as Table 3 prints them.
    fireEvent.click(screen.getByTestId('transpose'));
    expect(screen.getByTestId('features-side').querySelector('[data-testid="matrix"]')!.getAttribute('data-rows')).toBe('predicted');
  }, 40000);

  it('cleans a bad defaultValue and shows a message for a bad width', () => {
    const { container } = render(<SeismicClassifier nSamples={30} width={0} defaultValue={{ snr: -3, classifier: 'knn' as never }} />);
    expect(container.textContent).toMatch(/width must be a positive number/);
  });
});
