/**
 * The playground's training loop outside React: builds the MLP (plain engine) for a state,
 * replays it to the state's epoch (applying the edits made on the way), records the loss
 * curves, and gives every neuron's output over the 100 × 100 grid in one batched pass.
 */
import { MLP, type NeuronOutputs } from '@geolearn/algorithms/nn';
import { featurize, makePlaygroundData, type PlaygroundData, type PlaygroundEdit, type PlaygroundState } from './state';

/** Grid cells per side of the decision-boundary heatmap. */
export const GRID_SIZE = 100;
/** The data's box, [−6, 6]². */
export const EXTENT = 6;

/** A matrix the MLP reads without copying rows. */
interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** The fields whose change means a fresh network. */
export function configKey(s: PlaygroundState): string {
  const { epoch: _e, edits: _d, ...rest } = s;
  return JSON.stringify(rest);
}

/** Settings in force after the edits up to `epoch` (exclusive). */
export function effectiveSettings(s: PlaygroundState, epoch = s.epoch): Pick<PlaygroundState, 'learningRate' | 'regularization' | 'regularizationRate' | 'batchSize'> {
  const out = { learningRate: s.learningRate, regularization: s.regularization, regularizationRate: s.regularizationRate, batchSize: s.batchSize };
  for (const e of s.edits) if (e.set && e.at <= epoch) Object.assign(out, e.set);
  return out;
}

/** The training run of one configuration. */
export class PlaygroundTrainer {
  readonly key: string;
  readonly mlp: MLP;
  readonly data: PlaygroundData;
  readonly nOut: number;
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
  private applied: PlaygroundEdit[] = [];
  private readonly Xtrain: Matrix;
  private readonly ytrain: number[];
  private readonly Xtest: Matrix;
  private readonly ytest: number[];
  private readonly grid: Matrix;
  private gridCache: { epoch: number; edits: number; out: NeuronOutputs } | null = null;

  constructor(readonly state: PlaygroundState) {
    this.key = configKey(state);
    this.data = makePlaygroundData(state);
    const d = state.features.length;
    const classification = state.problem === 'classification';
    const k = this.data.nClasses;
    this.nOut = classification && k > 2 ? k : 1;
    this.mlp = new MLP({
      layerSizes: [d, ...state.hidden, this.nOut],
      activation: state.activation,
      loss: !classification ? 'mse' : k > 2 ? 'categoricalCrossentropy' : 'binaryCrossentropy',
      optimizer: 'sgd',
      learningRate: state.learningRate,
      regularization: state.regularization,
      regularizationRate: state.regularizationRate,
      batchSize: state.batchSize,
      evalEvery: 0,
      engine: 'plain',
      randomState: state.seed,
    });
    const pick = (idx: number[]): [Matrix, number[]] => {
      const m = { rows: idx.length, cols: d, data: new Float64Array(idx.length * d) };
      idx.forEach((i, r) => featurize(this.data.X[i][0], this.data.X[i][1], state.features, m.data, r * d));
      return [m, idx.map((i) => this.data.y[i])];
    };
    [this.Xtrain, this.ytrain] = pick(this.data.train);
    [this.Xtest, this.ytest] = pick(this.data.test);
    if (this.Xtrain.rows > 0) this.mlp.setData(this.Xtrain, this.ytrain);
    this.grid = { rows: GRID_SIZE * GRID_SIZE, cols: d, data: new Float64Array(GRID_SIZE * GRID_SIZE * d) };
    for (let j = 0; j < GRID_SIZE; j++) {
      const x2 = EXTENT - ((j + 0.5) * 2 * EXTENT) / GRID_SIZE;
      for (let i = 0; i < GRID_SIZE; i++) featurize(-EXTENT + ((i + 0.5) * 2 * EXTENT) / GRID_SIZE, x2, state.features, this.grid.data, (j * GRID_SIZE + i) * d);
    }
  }

  /** Whether this run can reach `s` by training on (same configuration, edits extending ours, not behind). */
  canReach(s: PlaygroundState): boolean {
    if (configKey(s) !== this.key || s.epoch < this.epoch || s.edits.length < this.applied.length) return false;
    return this.applied.every((e, i) => JSON.stringify(e) === JSON.stringify(s.edits[i]));
  }

  /** Steps per epoch at the current batch size. */
  get stepsPerEpoch(): number {
    return Math.max(1, Math.ceil(this.Xtrain.rows / this.mlp.settings.batchSize));
  }

  /** Trains up to `s.epoch`, applying edits as their epochs come (weights edits at the current epoch at once). */
  syncTo(s: PlaygroundState): void {
    const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
    let steps = 0;
    const apply = (upTo: number) => {
      while (this.applied.length < s.edits.length && s.edits[this.applied.length].at <= upTo) {
        const e = s.edits[this.applied.length];
        if (e.set) this.mlp.setOptions(e.set);
        if (e.weight) {
          const [layer, from, to, v] = e.weight;
          if (layer < this.mlp.layerSizes.length - 1 && from < this.mlp.layerSizes[layer] && to < this.mlp.layerSizes[layer + 1]) {
            const w = this.mlp.getWeights(layer);
            w.weights[from][to] = v;
            this.mlp.setWeights(layer, w);
            this.divergedAt = null;
          }
        }
        this.applied.push(e);
        this.gridCache = null;
      }
    };
    apply(this.epoch);
    while (this.epoch < s.epoch && this.Xtrain.rows > 0) {
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
      if (this.divergedAt === null) this.record();
      apply(this.epoch);
    }
    if (this.trainLoss.length === 0 && this.Xtrain.rows > 0) this.record(0);
    this.lastSteps = steps;
    this.lastMs = (typeof performance !== 'undefined' ? performance.now() : 0) - t0;
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

  /** Every neuron's output over the grid: one batched forward pass, cached per epoch and edit. */
  gridOutputs(): NeuronOutputs {
    if (!this.gridCache || this.gridCache.epoch !== this.epoch || this.gridCache.edits !== this.applied.length) {
      const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
      this.gridCache = { epoch: this.epoch, edits: this.applied.length, out: this.mlp.neuronOutputs(this.grid) };
      this.gridMs = (typeof performance !== 'undefined' ? performance.now() : 0) - t0;
    }
    return this.gridCache.out;
  }

  dispose(): void {
    this.mlp.dispose();
  }
}
