import { ClassifierBase, readEstimatorJSON } from '../core/base';
import { readArray, readClasses, readInt } from '../core/json';
import type { MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import type { RandomStateLike } from '../core/random';
import { checkArray, checkClassLabels, checkFeatureCount } from '../core/validation';
import { applyTree, GrowWorkspace, majorityClass, rankFeatures } from '../tree/builder';
import {
  DecisionTreeClassifier,
  TREE_GROWTH_PARAMS,
  growParams,
  seedOf,
  type DecisionTreeClassifierJSON,
  type MaxFeatures,
} from '../tree/DecisionTreeClassifier';
import { NumpyMT19937, RAND_R_MAX } from '../tree/sklearnRandom';
import { runToEnd } from '../core/steps';

/** Options of {@link RandomForestClassifier}, as scikit-learn's. */
export interface RandomForestClassifierOptions {
  /** Number of trees. Default 100. */
  nEstimators?: number;
  /** Impurity measure of the trees: 'gini' or 'entropy'. Default 'gini'. */
  criterion?: 'gini' | 'entropy';
  /** Deepest a leaf may be; null grows each tree until its leaves are pure. Default null. */
  maxDepth?: number | null;
  /** A node needs at least this many samples to be split. Default 2. */
  minSamplesSplit?: number;
  /** Each child of a split keeps at least this many (distinct) samples. Default 1. */
  minSamplesLeaf?: number;
  /**
   * Features drawn at random at each split: a count, a fraction in (0, 1), 'sqrt', 'log2',
   * or null for all. Default 'sqrt' (⌊√d⌋), the decorrelating draw that makes a forest.
   */
  maxFeatures?: MaxFeatures;
  /** Grow each tree on a bootstrap sample (n draws with replacement); else on all samples. Default true. */
  bootstrap?: boolean;
  /**
   * Seed of the bootstrap samples and feature draws. The draws follow scikit-learn's
   * generators, so a seed s grows the forest that scikit-learn's `random_state=s` grows.
   * Default 0.
   */
  randomState?: RandomStateLike;
}

/** One immutable snapshot of {@link RandomForestClassifier.fitSteps}: the forest after one more tree. */
export interface RandomForestStep {
  /** Trees grown so far. */
  readonly nEstimators: number;
  /** The tree just grown. */
  readonly estimator: DecisionTreeClassifier;
  /** How many times each training sample was drawn into this tree's bootstrap sample (all 1 without bootstrap). */
  readonly sampleCounts: readonly number[];
}

/** A fitted {@link RandomForestClassifier} as plain JSON. */
export interface RandomForestClassifierJSON {
  estimator: 'RandomForestClassifier';
  options: RandomForestClassifierOptions;
  classes: number[];
  nFeaturesIn: number;
  estimators: DecisionTreeClassifierJSON[];
}

const SPEC: ParamSpecs = {
  nEstimators: { type: 'integer', default: 100, min: 1, max: 10_000, uiRange: [1, 500], doc: 'Number of trees.' },
  ...TREE_GROWTH_PARAMS,
  maxFeatures: { ...TREE_GROWTH_PARAMS.maxFeatures, default: 'sqrt' } as ParamSpecs[string],
  bootstrap: { type: 'boolean', default: true, doc: 'Grow each tree on a bootstrap sample (n draws with replacement).' },
  randomState: { type: 'randomState', default: 0, doc: "Seed of the bootstrap samples and feature draws (scikit-learn's random_state)." },
};

/**
 * A random forest (Breiman 2001), as scikit-learn's: each tree is grown fully on a
 * bootstrap sample of the training set, trying only a random subset of the features
 * (maxFeatures) at each split. The forest's class probabilities are the mean of its trees'
 * (scikit-learn averages probabilities rather than counting hard votes); `treeVotes`
 * shows the vote of each tree.
 *
 * The features are ranked once for all the trees (see the tree's builder), which is most
 * of why fitting 100 trees costs little more than growing them.
 *
 * @example
 * const forest = new RandomForestClassifier({ nEstimators: 100, randomState: 0 }).fit(X, y);
 * forest.predict(Xtest);
 * forest.treeVotes(Xtest)[0]; // the class each tree gives the first sample
 */
export class RandomForestClassifier extends ClassifierBase<RandomForestClassifierOptions, { classes: number[]; nFeatures: number; trees: DecisionTreeClassifier[] }> {
  static override readonly estimatorName = 'RandomForestClassifier';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = SPEC;

  /**
   * Grows the forest tree by tree, yielding a frozen snapshot after each tree.
   * `fit` runs this generator to the end.
   */
  *fitSteps(X: MatrixLike, y: VectorLike): Generator<RandomForestStep, this, undefined> {
    const A = checkArray(X);
    const { classes, yIndex } = checkClassLabels(y, A.rows);
    const o = this.options;
    const { nEstimators } = o;
    const treeOptions = { criterion: o.criterion, maxDepth: o.maxDepth, minSamplesSplit: o.minSamplesSplit, minSamplesLeaf: o.minSamplesLeaf, maxFeatures: o.maxFeatures };
    const params = growParams(treeOptions, A.cols);
    const n = A.rows;
    const R = rankFeatures(A);
    const ws = new GrowWorkspace(R, classes.length, n);
    // Per-tree seeds drawn first, as scikit-learn's _set_random_states: randint(2³¹ − 1) each.
    const master = new NumpyMT19937(seedOf(o.randomState));
    const seeds = Array.from({ length: nEstimators }, () => master.randint(RAND_R_MAX));
    const trees: DecisionTreeClassifier[] = [];
    const counts = new Int32Array(n);
    this.fitted = null;
    for (let t = 0; t < nEstimators; t++) {
      let samples: Int32Array;
      if (o.bootstrap) {
        // Bootstrap as scikit-learn's _generate_sample_indices: n draws of randint(n) from
        // a generator seeded with the tree's seed; the draw counts become sample weights.
        counts.fill(0);
        const g = new NumpyMT19937(seeds[t]);
        for (let k = 0; k < n; k++) counts[g.randint(n)]++;
        let m = 0;
        for (let i = 0; i < n; i++) if (counts[i] > 0) m++;
        samples = new Int32Array(m);
        m = 0;
        for (let i = 0; i < n; i++) if (counts[i] > 0) samples[m++] = i;
      } else {
        counts.fill(1);
        samples = new Int32Array(n);
        for (let i = 0; i < n; i++) samples[i] = i;
      }
      const tree = DecisionTreeClassifier.grow({ ...treeOptions, randomState: seeds[t] }, R, yIndex, classes, samples, o.bootstrap ? counts : null, params, ws);
      trees.push(tree);
      this.fitted = { classes, nFeatures: A.cols, trees };
      yield Object.freeze({ nEstimators: t + 1, estimator: tree, sampleCounts: Object.freeze(Array.from(counts)) });
    }
    return this;
  }

  /** Grows all the trees and returns this estimator. */
  fit(X: MatrixLike, y: VectorLike): this {
    return runToEnd(this.fitSteps(X, y));
  }


  /** The fitted trees. */
  get estimators(): readonly DecisionTreeClassifier[] {
    return this.model.trees;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.nFeatures;
  }

  /** Mean of the trees' impurity-based feature importances (scikit-learn's feature_importances_). */
  get featureImportances(): number[] {
    const { trees, nFeatures } = this.model;
    const out = new Array<number>(nFeatures).fill(0);
    let used = 0;
    for (const t of trees) {
      if (t.nodeCount < 2) continue;
      used++;
      t.featureImportances.forEach((v, f) => (out[f] += v));
    }
    const s = out.reduce((a, b) => a + b, 0);
    return out.map((v) => (used > 0 && s > 0 ? v / s : 0));
  }

  private checkX(X: MatrixLike) {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    return A;
  }

  /** Mean of the trees' class probabilities (each tree's: the class fractions of the leaf). */
  predictProba(X: MatrixLike): number[][] {
    const A = this.checkX(X);
    const { trees, classes } = this.model;
    const K = classes.length;
    const sum = new Float64Array(A.rows * K);
    const leaves = new Int32Array(A.rows);
    for (const tree of trees) {
      const t = tree.arrays;
      applyTree(t, A.data, A.rows, A.cols, leaves);
      for (let i = 0; i < A.rows; i++) {
        const o = leaves[i] * K;
        let w = 0;
        for (let k = 0; k < K; k++) w += t.value[o + k];
        for (let k = 0; k < K; k++) sum[i * K + k] += t.value[o + k] / w;
      }
    }
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) out.push(Array.from(sum.subarray(i * K, (i + 1) * K), (v) => v / trees.length));
    return out;
  }

  /** The class of highest mean probability (the first on ties). */
  predict(X: MatrixLike): number[] {
    const { classes } = this.model;
    return this.predictProba(X).map((p) => {
      let best = 0;
      for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
      return classes[best];
    });
  }

  /**
   * The vote of each tree: `treeVotes(X)[i][t]` is the class tree t predicts for sample i.
   * (The forest's own prediction averages probabilities, which can differ from the
   * majority of these votes when trees are unsure.)
   */
  treeVotes(X: MatrixLike): number[][] {
    const A = this.checkX(X);
    const { trees, classes } = this.model;
    const out: number[][] = Array.from({ length: A.rows }, () => new Array<number>(trees.length));
    const leaves = new Int32Array(A.rows);
    trees.forEach((tree, ti) => {
      const t = tree.arrays;
      applyTree(t, A.data, A.rows, A.cols, leaves);
      for (let i = 0; i < A.rows; i++) out[i][ti] = classes[majorityClass(t, leaves[i])];
    });
    return out;
  }

  /** The fitted forest as plain JSON ({ estimator, options, classes, nFeaturesIn, estimators: tree documents }). */
  toJSON(): RandomForestClassifierJSON {
    const { classes, nFeatures, trees } = this.model;
    return {
      ...this.jsonHeader(),
      estimator: 'RandomForestClassifier',
      classes: [...classes],
      nFeaturesIn: nFeatures,
      estimators: trees.map((t) => t.toJSON()),
    };
  }

  /**
   * Rebuilds a fitted forest from {@link toJSON}'s output, validating every field of every
   * tree (node indices pointing forward and in range, so that predict always ends) against
   * the forest's classes and feature count.
   */
  static fromJSON(json: unknown): RandomForestClassifier {
    const { doc, model } = readEstimatorJSON(json, RandomForestClassifier);
    const classes = readClasses(doc.classes, 'json.classes');
    const nFeatures = readInt(doc.nFeaturesIn, 'json.nFeaturesIn', 1);
    const trees = readArray(doc.estimators, 'json.estimators', (v, path) => DecisionTreeClassifier.readTree(v, path, { classes, nFeatures }), { minLength: 1, maxLength: 10_000 });
    model.fitted = { classes, nFeatures, trees };
    return model;
  }
}
