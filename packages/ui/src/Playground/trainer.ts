/**
 * The playground's training loop outside React: builds the MLP (plain engine, no TF.js)
 * for a state, replays it to the state's epoch (applying the edits made on the way), in
 * slices when asked (a step or time budget, so a long replay never blocks a frame),
 * records the loss curves, and gives every neuron's output over the 100 × 100 grid in one
 * batched pass.
 */
import { MLP, type NeuronOutputs } from '@geolearn/algorithms/mlp';
import {
  EXTENT,
  featurize,
  layerSizesOf,
  makePlaygroundData,
  type PlaygroundData,
  type PlaygroundEdit,
  type PlaygroundSettings,
  type PlaygroundState,
} from './state';

export { EXTENT };

/** Grid cells per side of the decision-boundary heatmap. */
export const GRID_SIZE = 100;
/** ε of the input standardisation x̂ = (x − μ)/√(σ² + ε): keeps a constant feature finite. */
export const NORMALIZE_EPSILON = 1e-8;

/** A matrix the MLP reads without copying rows. */
interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** The fields whose change means a fresh network (not the epoch, the edits, or the view toggles). */
export function configKey(s: PlaygroundState): string {
  return JSON.stringify([s.dataset, s.problem, s.classes, s.noise, s.trainRatio, s.features, s.hidden, s.activation, s.learningRate, s.regularization, s.regularizationRate, s.batchSize, s.dropout, s.normalize, s.seed, s.points]);
}

/** Settings in force after the edits up to `epoch` (inclusive), as a new object (fields copied one by one). */
export function effectiveSettings(s: PlaygroundState, epoch = s.epoch): PlaygroundSettings {
  const out: PlaygroundSettings = { learningRate: s.learningRate, regularization: s.regularization, regularizationRate: s.regularizationRate, batchSize: s.batchSize, dropout: s.dropout };
  for (const e of s.edits) {
    if (!e.set || e.at > epoch) continue;
    if (e.set.learningRate !== undefined) out.learningRate = e.set.learningRate;
    if (e.set.regularization !== undefined) out.regularization = e.set.regularization;
    if (e.set.regularizationRate !== undefined) out.regularizationRate = e.set.regularizationRate;
    if (e.set.batchSize !== undefined) out.batchSize = e.set.batchSize;
    if (e.set.dropout !== undefined) out.dropout = e.set.dropout;
  }
  return out;
}

/** A budget for {@link PlaygroundTrainer.syncTo}: stop after this many mini-batch steps or at this time (performance.now()). */
export interface SyncBudget {
  maxSteps?: number;
  deadline?: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The training run of one configuration. */
export class PlaygroundTrainer {
  readonly key: string;
  readonly mlp: MLP;
  /** The points, the user's added ones appended as they come (they train, they are not tested). */
  readonly data: PlaygroundData;
  readonly nOut: number;
  /** Mean and standard deviation √(σ² + ε) of each input over the initial training set (0 and 1 when not normalising). */
  readonly mean: Float64Array;
  readonly std: Float64Array;
  /** Train and test loss after each epoch: [epoch, loss]. */
  readonly trainLoss: [number, number][] = [];
  readonly testLoss: [number, number][] = [];
  epoch = 0;
  /** Steps and time of the last {@link syncTo}, for the steps/s readout. */
  lastSteps = 0;
  lastMs = 0;
  /** Time of the last grid pass (every neuron over 100 × 100 points), ms. */
  gridMs = 0;
  divergedAt: number | null = null;
  /** Bumped on every change (epoch, edit), so views know when to redraw. */
  version = 0;
  private applied: PlaygroundEdit[] = [];
  private Xtrain: Matrix;
  private ytrain: number[];
  private readonly Xtest: Matrix;
  private readonly ytest: number[];
  private readonly grid: Matrix;
  private gridCache: { version: number; time: number; out: NeuronOutputs } | null = null;

  constructor(readonly state: PlaygroundState) {
    this.key = configKey(state);
    this.data = makePlaygroundData(state);
    const d = state.features.length;
    const classification = state.problem === 'classification';
    const sizes = layerSizesOf(state);
    const k = this.data.nClasses;
    this.nOut = sizes[sizes.length - 1];
    this.mlp = new MLP({
      layerSizes: sizes,
      activation: state.activation,
      loss: !classification ? 'mse' : k > 2 ? 'categoricalCrossentropy' : 'binaryCrossentropy',
      optimizer: 'sgd',
      learningRate: state.learningRate,
      regularization: state.regularization,
      regularizationRate: state.regularizationRate,
      dropout: state.dropout,
      batchSize: Math.max(1, Math.min(state.batchSize, this.data.train.length)),
      evalEvery: 0,
      engine: 'plain',
      gridEngine: 'plain',
      randomState: state.seed,
    });
    // Standardisation statistics of the raw features over the training points.
    this.mean = new Float64Array(d);
    this.std = new Float64Array(d).fill(1);
    if (state.normalize && this.data.train.length > 0) {
      const row = new Float64Array(d);
      const sum = new Float64Array(d);
      const sq = new Float64Array(d);
      for (const i of this.data.train) {
        featurize(this.data.X[i][0], this.data.X[i][1], state.features, row);
        for (let c = 0; c < d; c++) {
          sum[c] += row[c];
          sq[c] += row[c] * row[c];
        }
      }
      const n = this.data.train.length;
      for (let c = 0; c < d; c++) {
        this.mean[c] = sum[c] / n;
        this.std[c] = Math.sqrt(Math.max(0, sq[c] / n - this.mean[c] ** 2) + NORMALIZE_EPSILON);
      }
    }
    [this.Xtrain, this.ytrain] = this.pick(this.data.train);
    [this.Xtest, this.ytest] = this.pick(this.data.test);
    if (this.Xtrain.rows > 0) {
      this.mlp.setData(this.Xtrain, this.ytrain);
      this.record(0);
    }
    this.grid = { rows: GRID_SIZE * GRID_SIZE, cols: d, data: new Float64Array(GRID_SIZE * GRID_SIZE * d) };
    for (let j = 0; j < GRID_SIZE; j++) {
      const x2 = EXTENT - ((j + 0.5) * 2 * EXTENT) / GRID_SIZE;
      for (let i = 0; i < GRID_SIZE; i++) this.input(-EXTENT + ((i + 0.5) * 2 * EXTENT) / GRID_SIZE, x2, this.grid.data, (j * GRID_SIZE + i) * d);
    }
  }

  /** The network's input for a point: the features, standardised when asked. */
  input(x1: number, x2: number, out: Float64Array, offset = 0): void {
    featurize(x1, x2, this.state.features, out, offset);
    for (let c = 0; c < this.state.features.length; c++) out[offset + c] = (out[offset + c] - this.mean[c]) / this.std[c];
  }

  private pick(idx: number[]): [Matrix, number[]] {
    const d = this.state.features.length;
    const m = { rows: idx.length, cols: d, data: new Float64Array(idx.length * d) };
    idx.forEach((i, r) => this.input(this.data.X[i][0], this.data.X[i][1], m.data, r * d));
    return [m, idx.map((i) => this.data.y[i])];
  }

  /** Whether this run can reach `s` by training on (same configuration, edits extending ours, not behind). */
  canReach(s: PlaygroundState, target = s.epoch): boolean {
    if (configKey(s) !== this.key || target < this.epoch || s.edits.length < this.applied.length) return false;
    for (let i = 0; i < this.applied.length; i++) if (!sameEdit(this.applied[i], s.edits[i])) return false;
    // An edit not yet applied but due before our epoch cannot be applied any more.
    const next = s.edits[this.applied.length];
    return !next || next.at >= this.epoch;
  }

  /** Steps per epoch at the current batch size. */
  get stepsPerEpoch(): number {
    return Math.max(1, Math.ceil(this.Xtrain.rows / this.mlp.settings.batchSize));
  }

  /** Edits applied so far. */
  get appliedCount(): number {
    return this.applied.length;
  }

  /** Training rows (added points included). */
  get trainRows(): number {
    return this.Xtrain.rows;
  }

  private applyEdit(e: PlaygroundEdit): void {
    if (e.set) {
      const o: Partial<PlaygroundSettings> = {};
      if (e.set.learningRate !== undefined) o.learningRate = e.set.learningRate;
      if (e.set.regularization !== undefined) o.regularization = e.set.regularization;
      if (e.set.regularizationRate !== undefined) o.regularizationRate = e.set.regularizationRate;
      if (e.set.batchSize !== undefined) o.batchSize = Math.max(1, Math.min(e.set.batchSize, Math.max(1, this.Xtrain.rows)));
      if (e.set.dropout !== undefined) o.dropout = e.set.dropout;
      this.mlp.setOptions(o);
    }
    if (e.weight) {
      const [layer, from, to, v] = e.weight;
      const sizes = this.mlp.layerSizes;
      if (layer < sizes.length - 1 && from < sizes[layer] && to < sizes[layer + 1]) {
        const w = this.mlp.getWeights(layer);
        w.weights[from][to] = v;
        this.mlp.setWeights(layer, w);
        this.divergedAt = null;
      }
    }
    if (e.point) {
      const [a, b, label] = e.point;
      const valid = this.state.problem === 'regression' || (Number.isInteger(label) && label >= 0 && label < Math.max(2, this.nOut));
      if (valid) {
        // A new training point: the weights stay; the mini-batches draw from the grown set.
        this.data.X.push([a, b]);
        this.data.y.push(label);
        this.data.train.push(this.data.X.length - 1);
        [this.Xtrain, this.ytrain] = this.pick(this.data.train);
        this.mlp.setData(this.Xtrain, this.ytrain);
      }
    }
  }

  /**
   * Trains up to `target` (default the state's epoch), applying edits as their epochs come.
   * With a budget it stops early, between epochs or inside one, and returns false: call it
   * again (next frame) to go on. Returns true once at `target`.
   */
  syncTo(s: PlaygroundState, target = s.epoch, budget: SyncBudget = {}): boolean {
    const t0 = now();
    let steps = 0;
    const maxSteps = budget.maxSteps ?? Infinity;
    const deadline = budget.deadline ?? Infinity;
    const apply = (upTo: number) => {
      while (this.applied.length < s.edits.length && s.edits[this.applied.length].at <= upTo) {
        const e = s.edits[this.applied.length];
        this.applyEdit(e);
        this.applied.push(e);
        this.version++;
      }
    };
    apply(this.epoch);
    let finished = true;
    while (this.epoch < target && this.Xtrain.rows > 0) {
      if (steps >= maxSteps || (steps > 0 && now() >= deadline)) {
        finished = false;
        break;
      }
      if (this.divergedAt === null) {
        const n = this.stepsPerEpoch;
        for (let k = 0; k < n; k++) {
          const r = this.mlp.step();
          steps++;
          if (r.diverged) {
            this.divergedAt = this.epoch + 1;
            break;
          }
        }
      }
      this.epoch++;
      this.version++;
      if (this.divergedAt === null) this.record();
      apply(this.epoch);
    }
    if (this.Xtrain.rows === 0 && this.epoch < target) {
      // Nothing to train on: the epochs pass with nothing to learn.
      this.epoch = target;
      this.version++;
      apply(this.epoch);
    }
    if (this.trainLoss.length === 0 && this.Xtrain.rows > 0) this.record(0);
    this.lastSteps = steps;
    this.lastMs = now() - t0;
    return finished && this.epoch >= target;
  }

  private record(at = this.epoch): void {
    const tr = this.mlp.evaluate(this.Xtrain, this.ytrain);
    if (!Number.isFinite(tr.loss)) {
      this.divergedAt = at;
      return;
    }
    if (this.trainLoss.length && this.trainLoss[this.trainLoss.length - 1][0] === at) return;
    this.trainLoss.push([at, tr.loss]);
    if (this.Xtest.rows > 0) this.testLoss.push([at, this.mlp.evaluate(this.Xtest, this.ytest).loss]);
  }

  /** Accuracy on the test set (classification), or null. */
  testAccuracy(): number | null {
    if (this.state.problem !== 'classification' || this.Xtest.rows === 0) return null;
    return this.mlp.evaluate(this.Xtest, this.ytest).accuracy;
  }

  /**
   * Every neuron's output over the grid: one batched forward pass, cached per version. With
   * `maxAgeMs` > 0 an older pass is reused while younger than that (during a long replay).
   */
  gridOutputs(maxAgeMs = 0): NeuronOutputs {
    const c = this.gridCache;
    if (c && (c.version === this.version || (maxAgeMs > 0 && now() - c.time < maxAgeMs))) return c.out;
    const t0 = now();
    const out = this.mlp.neuronOutputs(this.grid);
    this.gridMs = now() - t0;
    this.gridCache = { version: this.version, time: t0, out };
    return out;
  }

  dispose(): void {
    this.mlp.dispose();
  }
}

function sameEdit(a: PlaygroundEdit, b: PlaygroundEdit | undefined): boolean {
  return !!b && JSON.stringify(a) === JSON.stringify(b);
}
