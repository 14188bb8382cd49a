/**
 * Supervised fits side by side with the JS peers a user would otherwise pick, on the same
 * data (the scikit-learn 1.2.1 reference splits, train part), so vitest prints the ratios.
 * scikit-learn 1.2.1 on this machine kind (median fit, from the reference README): tree on
 * digits 9.6 ms, forest of 100 trees on digits 142 ms and on moons 47 ms, SVC rbf on moons 0.63 ms.
 *
 * The test accuracy of each peer and of ours on the same split is printed once at the start.
 */
import { createRequire } from 'node:module';
import { bench, describe } from 'vitest';
import { DecisionTreeClassifier, RandomForestClassifier, SVC } from '../src';
import { split } from '../test/fixtures/sklearn';

// The peers ship CommonJS without types; load them with require and type what we use.
interface Classifier {
  train(X: number[][], y: number[]): void;
  predict(X: number[][]): number[];
}
interface LibSVM extends Classifier {
  free(): void;
}
interface LibSVMClass {
  new (options: Record<string, unknown>): LibSVM;
  KERNEL_TYPES: Record<string, number>;
  SVM_TYPES: Record<string, number>;
}
const require = createRequire(import.meta.url);
const { DecisionTreeClassifier: CartTree } = require('ml-cart') as { DecisionTreeClassifier: new (o?: object) => Classifier };
const { RandomForestClassifier: MlForest } = require('ml-random-forest') as { RandomForestClassifier: new (o?: object) => Classifier };
// libsvm-js's main entry is the WebAssembly build, whose module is a promise of the class.
const LibSVMPeer = (await (require('libsvm-js') as Promise<LibSVMClass>)) as LibSVMClass;

const digits = split('digits');
const moons = split('moons');
// A digits subset small enough for ml-random-forest (which takes ~600 s for 100 trees on all of digits):
// 5 trees on the first 200 training samples.
const digitsSmall = { X: digits.Xtrain.slice(0, 200), y: digits.ytrain.slice(0, 200) };

const accuracy = (p: number[], y: number[]) => p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;
const gamma = new SVC({ kernel: 'rbf', gamma: 'scale' }).fit(moons.Xtrain, moons.ytrain).gamma;
const cartOptions = {}; // ml-cart defaults: gini, minNumSamples 3, maxDepth ∞
const mlForestMoons = { nEstimators: 100, maxFeatures: 1.0, seed: 0, noOOB: true };
const mlForestSmall = { nEstimators: 5, maxFeatures: 1.0, seed: 0, noOOB: true };
// ml-random-forest's maxFeatures 1.0 gives every tree all features (no per-split draw): match it.
const oursSmall = { nEstimators: 5, maxFeatures: null };
const libsvmOptions = { kernel: LibSVMPeer.KERNEL_TYPES.RBF, type: LibSVMPeer.SVM_TYPES.C_SVC, gamma, cost: 1, quiet: true };

// Test accuracy on the same split, printed once (not timed).
{
  const rows: Record<string, string | number>[] = [];
  const add = (fit: string, data: string, name: string, p: number[], y: number[]) => rows.push({ fit, data, by: name, testAccuracy: Number(accuracy(p, y).toFixed(4)) });
  add('tree', 'digits', 'GeoLearn', new DecisionTreeClassifier().fit(digits.Xtrain, digits.ytrain).predict(digits.Xtest), digits.ytest);
  const cart = new CartTree(cartOptions);
  cart.train(digits.Xtrain, digits.ytrain);
  add('tree', 'digits', 'ml-cart', cart.predict(digits.Xtest), digits.ytest);
  add('forest 100', 'moons', 'GeoLearn', new RandomForestClassifier().fit(moons.Xtrain, moons.ytrain).predict(moons.Xtest), moons.ytest);
  const rf = new MlForest(mlForestMoons);
  rf.train(moons.Xtrain, moons.ytrain);
  add('forest 100', 'moons', 'ml-random-forest', rf.predict(moons.Xtest), moons.ytest);
  add('forest 100', 'digits', 'GeoLearn', new RandomForestClassifier().fit(digits.Xtrain, digits.ytrain).predict(digits.Xtest), digits.ytest);
  add('forest 5', 'digits[:200]', 'GeoLearn', new RandomForestClassifier(oursSmall).fit(digitsSmall.X, digitsSmall.y).predict(digits.Xtest), digits.ytest);
  const rfs = new MlForest(mlForestSmall);
  rfs.train(digitsSmall.X, digitsSmall.y);
  add('forest 5', 'digits[:200]', 'ml-random-forest', rfs.predict(digits.Xtest), digits.ytest);
  add('SVC rbf', 'moons', 'GeoLearn', new SVC({ gamma }).fit(moons.Xtrain, moons.ytrain).predict(moons.Xtest), moons.ytest);
  const svm = new LibSVMPeer(libsvmOptions);
  svm.train(moons.Xtrain, moons.ytrain);
  add('SVC rbf', 'moons', 'libsvm-js', svm.predict(moons.Xtest), moons.ytest);
  svm.free();
  console.table(rows);
}

const slow = { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 };

describe('DecisionTreeClassifier, digits (1257 × 64), fully grown', () => {
  bench('GeoLearn DecisionTreeClassifier', () => {
    new DecisionTreeClassifier().fit(digits.Xtrain, digits.ytrain);
  });
  bench(
    'ml-cart DecisionTreeClassifier',
    () => {
      new CartTree(cartOptions).train(digits.Xtrain, digits.ytrain);
    },
    slow,
  );
});

describe('RandomForestClassifier, 100 trees, moons (350 × 2)', () => {
  bench('GeoLearn RandomForestClassifier', () => {
    new RandomForestClassifier({ nEstimators: 100 }).fit(moons.Xtrain, moons.ytrain);
  });
  bench(
    'ml-random-forest',
    () => {
      new MlForest(mlForestMoons).train(moons.Xtrain, moons.ytrain);
    },
    { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
});

describe('RandomForestClassifier, 100 trees, digits (1257 × 64): GeoLearn only (ml-random-forest takes ~600 s)', () => {
  bench('GeoLearn RandomForestClassifier', () => {
    new RandomForestClassifier({ nEstimators: 100 }).fit(digits.Xtrain, digits.ytrain);
  }, { iterations: 10, time: 0 });
});

describe('RandomForestClassifier, 5 trees, all features, digits subset (200 × 64)', () => {
  bench('GeoLearn RandomForestClassifier', () => {
    new RandomForestClassifier(oursSmall).fit(digitsSmall.X, digitsSmall.y);
  });
  bench(
    'ml-random-forest',
    () => {
      new MlForest(mlForestSmall).train(digitsSmall.X, digitsSmall.y);
    },
    slow,
  );
});

describe('SVC rbf (C = 1, gamma scale), moons (350 × 2)', () => {
  const many = { time: 3000, warmupTime: 500 };
  bench('GeoLearn SVC', () => {
    new SVC({ kernel: 'rbf', C: 1, gamma }).fit(moons.Xtrain, moons.ytrain);
  }, many);
  bench('libsvm-js (WebAssembly)', () => {
    const svm = new LibSVMPeer(libsvmOptions);
    svm.train(moons.Xtrain, moons.ytrain);
    svm.free();
  }, many);
});
