/**
 * Held-out accuracy of the SeismicClassifier explainer's two representations, at two SNRs:
 * Table 1's hand-made features (random forest, SVC, logistic regression on the standardised
 * 102 features) against the 1-D CNN on the raw traces (the same task the explainer runs in
 * its worker), on the same seeded events and the same stratified 70/30 split.
 *
 *   nice node_modules/.bin/tsx scripts/seismic-classifier-accuracy.ts [nSamples=300] [epochs=30] [seeds=0]
 */
import { initBackend } from '../algorithms/src/nn/index';
import { seismicCnnTask, type SeismicCnnResult } from '../packages/ui/src/SeismicClassifier/cnnTask';
import { accuracyOf, buildData, cnnPayload, confusionOf, featureSplit, fitPredict, macroRecall, type ClassifierKind } from '../packages/ui/src/SeismicClassifier/model';

const nSamples = Number(process.argv[2] ?? 300);
const epochs = Number(process.argv[3] ?? 30);
const seeds = (process.argv[4] ?? '0').split(',').map(Number);
await initBackend({ order: ['wasm', 'cpu'] });

const fmt = (v: number) => `${(100 * v).toFixed(1)} %`;
console.log(`${nSamples} balanced events (6 classes, 20 s at 50 Hz), 30 % held out, CNN ${epochs} epochs; seeds ${seeds.join(', ')}`);
console.log('SNR | seed | forest | SVC | logistic | CNN | (macro recall: forest / CNN)');
for (const snr of [10, 2]) {
  for (const seed of seeds) {
    const data = buildData({ nSamples, balance: 'balanced', snr, seed });
    const s = featureSplit(data, ['temporal', 'spectral', 'cepstral']);
    const acc: Record<string, number> = {};
    let forestRecall = NaN;
    for (const kind of ['forest', 'svc', 'logistic'] as ClassifierKind[]) {
      const C = confusionOf(s.yTest, fitPredict(kind, s, seed).predicted);
      acc[kind] = accuracyOf(C);
      if (kind === 'forest') forestRecall = macroRecall(C);
    }
    const t0 = performance.now();
    const gen = seismicCnnTask(cnnPayload(data, epochs, seed));
    let r = await gen.next();
    while (!r.done) r = await gen.next();
    const res = r.value as SeismicCnnResult;
    const C = confusionOf(data.testIndex.map((i) => data.labels[i]), res.predicted);
    console.log(`${snr} | ${seed} | ${fmt(acc.forest)} | ${fmt(acc.svc)} | ${fmt(acc.logistic)} | ${fmt(accuracyOf(C))} | ${fmt(forestRecall)} / ${fmt(macroRecall(C))}  (CNN ${((performance.now() - t0) / 1000).toFixed(1)} s, ${res.parameters} weights)`);
  }
}
