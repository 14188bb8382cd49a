import { ClassifierBase, readEstimatorJSON } from '../core/base';
import { ValidationError } from '../core/errors';
import { jsonError, readArray, readClasses, readFiniteArray, readInt, readIntArray, readObject, type JsonObject } from '../core/json';
import type { MatrixLike, VectorLike } from '../core/matrix';
import type { ParamSpecs } from '../core/params';
import { RandomState, type RandomStateLike } from '../core/random';
import { checkArray, checkClassLabels, checkFeatureCount, checkOneOf, checkScalar, LIMITS } from '../core/validation';
import { runToEnd } from '../core/steps';
import { applyTree, growSteps, majorityClass, growTree, rankFeatures, type FeatureRanks, type GrowParams, type GrowProgress, type GrowWorkspace, type TreeArrays } from './builder';
import { SplitterRandom } from './sklearnRandom';

/** How many features each split may look at: a count, a fraction of them, 'sqrt', 'log2', or all (null). */
export type MaxFeatures = number | 'sqrt' | 'log2' | null;

/** Options of {@link DecisionTreeClassifier}, as scikit-learn's. */
export interface DecisionTreeClassifierOptions {
  /** Impurity measure of a node: 'gini' (1 − Σ pₖ²) or 'entropy' (−Σ pₖ log₂ pₖ). Default 'gini'. */
  criterion?: 'gini' | 'entropy';
  /** Deepest a leaf may be (the root is depth 0); null grows until leaves are pure. Default null. */
  maxDepth?: number | null;
  /** A node needs at least this many samples to be split. Default 2. */
  minSamplesSplit?: number;
  /** Each child of a split keeps at least this many samples. Default 1. */
  minSamplesLeaf?: number;
  /**
   * Features drawn at random at each node, the best split among them kept: an integer
   * count, a fraction in (0, 1) of the features, 'sqrt', 'log2', or null for all.
   * Unlike Python, JavaScript cannot tell 1 from 1.0: 1 means one feature; use null for all.
   * Default null (all features, in a random order that only breaks ties).
   */
  maxFeatures?: MaxFeatures;
  /**
   * Seed of the feature draws, which also break ties between equally good splits. The
   * draws follow scikit-learn's generator, so a seed s grows the tree that scikit-learn's
   * `random_state=s` grows on the same data. Default 0.
   */
  randomState?: RandomStateLike;
}

/** One node of a fitted tree, as plain data a UI can draw. */
export interface TreeNode {
  /** The node's position in {@link DecisionTreeClassifier.tree} (depth-first growth order). */
  readonly id: number;
  /** Depth (root 0). */
  readonly depth: number;
  /** Feature index tested, or −1 at a leaf (scikit-learn's convention). */
  readonly feature: number;
  /** Samples with x[feature] ≤ threshold go left; −2 at a leaf (scikit-learn's convention). */
  readonly threshold: number;
  /** Gini or entropy of the node's training samples. */
  readonly impurity: number;
  /** Training samples reaching the node (a bootstrap draw counts each time it was drawn). */
  readonly samples: number;
  /** Class counts of those samples, in the order of `classes`. */
  readonly value: readonly number[];
  /** Left child id, or −1 at a leaf. */
  readonly left: number;
  /** Right child id, or −1 at a leaf. */
  readonly right: number;
}

/** One step of {@link DecisionTreeClassifier.fitSteps}: a node has just been split or made a leaf. */
export interface DecisionTreeStep {
  /** Id of the node just added (its position in growth order). */
  readonly node: number;
  /** Nodes grown so far (= node + 1). */
  readonly nodeCount: number;
  /**
   * Impurity decrease of the node's split, scikit-learn's min_impurity_decrease measure,
   * (N_t/N)·(i(t) − (N_L/N_t)·i(L) − (N_R/N_t)·i(R)); 0 at a leaf.
   */
  readonly impurityDecrease: number;
  /** True when the node was made a leaf. */
  readonly isLeaf: boolean;
  /** The tree so far as plain frozen nodes; a split node's children not yet grown show as −1. */
  readonly nodes: readonly TreeNode[];
  /** The node just added (nodes[node]). */
  readonly added: TreeNode;
}

/** Node i of the builder's arrays as a frozen {@link TreeNode}. */
function nodeOf(t: Pick<GrowProgress, 'feature' | 'threshold' | 'impurity' | 'nSamples' | 'value'>, i: number, depth: number, K: number, left: number, right: number): TreeNode {
  return Object.freeze({
    id: i,
    depth,
    feature: t.feature[i],
    threshold: t.threshold[i],
    impurity: t.impurity[i],
    samples: t.nSamples[i],
    value: Object.freeze(Array.from(t.value.subarray(i * K, (i + 1) * K))),
    left,
    right,
  });
}

/** A fitted {@link DecisionTreeClassifier} as plain JSON. */
export interface DecisionTreeClassifierJSON {
  estimator: 'DecisionTreeClassifier';
  options: DecisionTreeClassifierOptions;
  classes: number[];
  nFeaturesIn: number;
  nodes: { feature: number[]; threshold: number[]; left: number[]; right: number[]; impurity: number[]; samples: number[]; value: number[] };
  importance: number[];
  maxDepthReached: number;
}

/** The growth options a tree and a forest share, declared once. */
export const TREE_GROWTH_PARAMS: ParamSpecs = {
  criterion: { type: 'enum', values: ['gini', 'entropy'], default: 'gini', doc: "Impurity measure of a node: 'gini' or 'entropy'." },
  maxDepth: { type: 'integer', default: null, min: 1, max: 10_000, nullable: true, uiRange: [1, 20], doc: 'Deepest a leaf may be; null grows until leaves are pure.' },
  minSamplesSplit: { type: 'integer', default: 2, min: 2, uiRange: [2, 50], doc: 'A node needs at least this many samples to be split.' },
  minSamplesLeaf: { type: 'integer', default: 1, min: 1, uiRange: [1, 50], doc: 'Each child of a split keeps at least this many samples.' },
  maxFeatures: {
    type: 'number',
    default: null,
    min: 0,
    exclusiveMin: true,
    nullable: true,
    keywords: ['sqrt', 'log2'],
    check: (v, name) => {
      if (typeof v === 'number' && !Number.isInteger(v) && v >= 1) {
        throw new ValidationError(name, 'out-of-range', `must be an integer count, a fraction in (0, 1), 'sqrt', 'log2' or null, got ${v}`);
      }
    },
    doc: "Features drawn at each split: a count, a fraction in (0, 1), 'sqrt', 'log2', or null for all.",
  },
};

/** Most nodes a tree read from JSON may have. */
const MAX_JSON_NODES = LIMITS.maxJsonArray;

/**
 * A 32-bit seed from a randomState option: a number is used as it is (so that a seed means
 * what scikit-learn's random_state means), a generator gives its next seed, nothing gives 0.
 */
export function seedOf(randomState: RandomStateLike): number {
  if (randomState instanceof RandomState) return randomState.nextSeed();
  return Math.floor(Math.abs(randomState ?? 0)) >>> 0;
}

/** Resolves maxFeatures to a count as scikit-learn does. */
export function resolveMaxFeatures(m: MaxFeatures | undefined, d: number): number {
  if (m === null || m === undefined) return d;
  if (m === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(d)));
  if (m === 'log2') return Math.max(1, Math.floor(Math.log2(d)));
  const v = checkScalar(m, 'maxFeatures', { min: 0, exclusiveMin: true });
  if (Number.isInteger(v)) return Math.min(v, d);
  if (v < 1) return Math.max(1, Math.floor(v * d));
  throw new ValidationError('maxFeatures', 'out-of-range', `must be an integer count, a fraction in (0, 1), 'sqrt', 'log2' or null, got ${v}`);
}

/** Validates the growth options and resolves them to numbers. */
export function growParams(o: DecisionTreeClassifierOptions, d: number): GrowParams {
  const criterion = checkOneOf(o.criterion ?? 'gini', 'criterion', ['gini', 'entropy'] as const);
  const maxDepth = o.maxDepth === null || o.maxDepth === undefined ? Infinity : checkScalar(o.maxDepth, 'maxDepth', { min: 1, integer: true });
  const minSamplesSplit = checkScalar(o.minSamplesSplit ?? 2, 'minSamplesSplit', { min: 2, integer: true });
  const minSamplesLeaf = checkScalar(o.minSamplesLeaf ?? 1, 'minSamplesLeaf', { min: 1, integer: true });
  return { criterion: criterion === 'gini' ? 0 : 1, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures: resolveMaxFeatures(o.maxFeatures, d) };
}

/**
 * A classification tree grown by CART, as scikit-learn's: at each node, the split
 * x[f] ≤ t that most lowers the weighted impurity of the children,
 * N_L·i(L) + N_R·i(R), over the candidate features and every threshold t halfway between
 * two consecutive distinct values. Leaves predict the majority class; `predictProba`
 * gives the class fractions of the leaf.
 *
 * The fitted tree is plain data ({@link DecisionTreeClassifier.tree}) in growth order, so
 * that a UI can draw it, or animate its growth by revealing nodes 0, 1, 2, … in turn.
 *
 * @example
 * const tree = new DecisionTreeClassifier({ maxDepth: 3 }).fit(X, y);
 * tree.predict([[5.1, 3.5, 1.4, 0.2]]);
 */
export class DecisionTreeClassifier extends ClassifierBase<DecisionTreeClassifierOptions, { classes: number[]; nFeatures: number; t: TreeArrays }> {
  static override readonly estimatorName = 'DecisionTreeClassifier';
  /** The declared options (read by UIs for controls and by permalink decoders). */
  static override readonly paramSpec: ParamSpecs = {
    ...TREE_GROWTH_PARAMS,
    randomState: { type: 'randomState', default: 0, doc: "Seed of the feature draws (scikit-learn's random_state)." },
  };
  private nodesCache: readonly TreeNode[] | null = null;

  /** Grows the tree on (X, y) and returns this estimator (runs {@link fitSteps} to the end). */
  fit(X: MatrixLike, y: VectorLike): this {
    return runToEnd(this.fitSteps(X, y));
  }

  /**
   * Grows the tree node by node, yielding a frozen snapshot after each node is split or made
   * a leaf, in growth order (depth first, left child first), so that a UI can animate the
   * tree growing. A snapshot's `nodes` are built when first read, so that `fit`, which runs
   * this generator, does not pay for them.
   */
  *fitSteps(X: MatrixLike, y: VectorLike): Generator<DecisionTreeStep, this, undefined> {
    const A = checkArray(X);
    const { classes, yIndex } = checkClassLabels(y, A.rows);
    const params = growParams(this.options, A.cols);
    const R = rankFeatures(A);
    const samples = new Int32Array(A.rows);
    for (let i = 0; i < A.rows; i++) samples[i] = i;
    const K = classes.length;
    const steps = growSteps(R, yIndex, K, samples, null, params, new SplitterRandom(seedOf(this.options.randomState)));
    // Each node's depth, for the snapshots (nodes below a snapshot's count never change it).
    const depths: number[] = [];
    let nodes: TreeNode[] = [];
    for (;;) {
      const r = steps.next();
      if (r.done) {
        this.fitted = { classes, nFeatures: A.cols, t: r.value };
        this.nodesCache = null;
        return this;
      }
      const g = r.value;
      const { node, nodeCount, impurityDecrease } = g;
      depths[node] = g.depth;
      // Nodes as they stood at this step: children not yet added show as −1.
      let cache: readonly TreeNode[] | null = null;
      const view = () => {
        if (cache) return cache;
        // Nodes are final once added, but for their children: rebuild only those that split.
        if (nodes.length > nodeCount) nodes = nodes.slice(0, nodeCount);
        const out: TreeNode[] = [];
        for (let i = 0; i < nodeCount; i++) {
          const l = g.left[i] < nodeCount ? g.left[i] : -1;
          const rr = g.right[i] < nodeCount ? g.right[i] : -1;
          const old = nodes[i];
          out.push(old && old.left === l && old.right === rr ? old : nodeOf(g, i, depths[i], K, l, rr));
        }
        nodes = out;
        cache = Object.freeze(out.slice());
        return cache;
      };
      yield Object.freeze({
        node,
        nodeCount,
        impurityDecrease,
        isLeaf: g.feature[node] < 0,
        get nodes() {
          return view();
        },
        get added() {
          return view()[node];
        },
      });
    }
  }

  /** @internal Grows on pre-ranked data (used by the random forest, which ranks once for all trees). */
  static grow(
    options: DecisionTreeClassifierOptions,
    R: FeatureRanks,
    yIndex: Int32Array,
    classes: number[],
    samples: Int32Array,
    weight: Int32Array | null,
    params: GrowParams,
    ws: GrowWorkspace,
  ): DecisionTreeClassifier {
    const m = new DecisionTreeClassifier(options);
    const t = growTree(R, yIndex, classes.length, samples, weight, params, new SplitterRandom(seedOf(options.randomState)), ws);
    m.fitted = { classes, nFeatures: R.nFeatures, t };
    return m;
  }

  /** Number of features seen in fit. */
  get nFeaturesIn(): number {
    return this.model.nFeatures;
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.model.t.nodeCount;
  }

  /** Number of leaves. */
  get nLeaves(): number {
    const { left, nodeCount } = this.model.t;
    let c = 0;
    for (let i = 0; i < nodeCount; i++) if (left[i] < 0) c++;
    return c;
  }

  /** Depth of the deepest leaf (scikit-learn's get_depth()). */
  get depth(): number {
    return this.model.t.maxDepthReached;
  }

  /** @internal The flat typed arrays of the tree. */
  get arrays(): TreeArrays {
    return this.model.t;
  }

  /** The fitted tree as an array of plain, frozen nodes; node 0 is the root. */
  get tree(): readonly TreeNode[] {
    const t = this.model.t; // (first, so that an unfitted or reset tree throws NotFittedError)
    if (this.nodesCache) return this.nodesCache;
    const K = t.nClasses;
    const depth = new Int32Array(t.nodeCount);
    const nodes: TreeNode[] = [];
    for (let i = 0; i < t.nodeCount; i++) {
      if (t.left[i] >= 0) {
        depth[t.left[i]] = depth[i] + 1;
        depth[t.right[i]] = depth[i] + 1;
      }
      nodes.push(nodeOf(t, i, depth[i], K, t.left[i], t.right[i]));
    }
    this.nodesCache = Object.freeze(nodes);
    return this.nodesCache;
  }

  /**
   * Mean decrease in impurity per feature, normalised to sum to 1 (scikit-learn's
   * feature_importances_): Σ over the nodes split on f of N_t·i(t) − N_L·i(L) − N_R·i(R).
   */
  get featureImportances(): number[] {
    const imp = this.model.t.importance;
    let s = 0;
    for (let f = 0; f < imp.length; f++) s += imp[f];
    return Array.from(imp, (v) => (s > 0 ? v / s : 0));
  }

  private checkX(X: MatrixLike) {
    const A = checkArray(X);
    checkFeatureCount(A, this.nFeaturesIn);
    return A;
  }

  /** The id of the leaf each sample lands in (scikit-learn's apply). */
  apply(X: MatrixLike): number[] {
    const A = this.checkX(X);
    return Array.from(applyTree(this.model.t, A.data, A.rows, A.cols));
  }

  /** Class probabilities: the class fractions of the leaf each sample lands in. */
  predictProba(X: MatrixLike): number[][] {
    const A = this.checkX(X);
    const t = this.model.t;
    const K = t.nClasses;
    const leaves = applyTree(t, A.data, A.rows, A.cols);
    const out: number[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const o = leaves[i] * K;
      const row = new Array<number>(K);
      let w = 0;
      for (let k = 0; k < K; k++) w += t.value[o + k];
      for (let k = 0; k < K; k++) row[k] = t.value[o + k] / w;
      out.push(row);
    }
    return out;
  }

  /** The majority class of each sample's leaf (the first class on ties, as scikit-learn's argmax). */
  predict(X: MatrixLike): number[] {
    const A = this.checkX(X);
    const { t, classes } = this.model;
    const leaves = applyTree(t, A.data, A.rows, A.cols);
    return Array.from(leaves, (leaf) => classes[majorityClass(t, leaf)]);
  }

  toJSON(): DecisionTreeClassifierJSON {
    const { t, classes, nFeatures } = this.model;
    return {
      estimator: 'DecisionTreeClassifier',
      options: this.jsonHeader().options,
      classes: [...classes],
      nFeaturesIn: nFeatures,
      nodes: {
        feature: Array.from(t.feature),
        threshold: Array.from(t.threshold),
        left: Array.from(t.left),
        right: Array.from(t.right),
        impurity: Array.from(t.impurity),
        samples: Array.from(t.nSamples),
        value: Array.from(t.value),
      },
      importance: Array.from(t.importance),
      maxDepthReached: t.maxDepthReached,
    };
  }

  /** Rebuilds a fitted tree from {@link toJSON}'s output, validating every field (see {@link readTreeArrays}). */
  static fromJSON(json: unknown): DecisionTreeClassifier {
    return DecisionTreeClassifier.readTree(json, 'json');
  }

  /**
   * @internal Decodes a tree document at `path`; within a forest, `forest` gives the
   * forest's classes and feature count, which the tree's must match.
   */
  static readTree(json: unknown, path: string, forest?: { classes: number[]; nFeatures: number }): DecisionTreeClassifier {
    const { doc, model } = readEstimatorJSON(json, DecisionTreeClassifier, undefined, path);
    const classes = readClasses(doc.classes, `${path}.classes`);
    const nFeatures = readInt(doc.nFeaturesIn, `${path}.nFeaturesIn`, 1);
    if (forest) {
      if (classes.length !== forest.classes.length || classes.some((c, k) => c !== forest.classes[k])) throw jsonError(`${path}.classes`, 'shape-mismatch', "differ from the forest's classes");
      if (nFeatures !== forest.nFeatures) throw jsonError(`${path}.nFeaturesIn`, 'shape-mismatch', `is ${nFeatures}; the forest has ${forest.nFeatures}`);
    }
    model.fitted = { classes, nFeatures, t: readTreeArrays(doc, path, classes.length, nFeatures) };
    return model;
  }
}

/**
 * Reads and checks the node arrays of a tree document, so that a decoded tree can neither
 * loop nor read out of bounds: every array has one entry per node (value K per node); a
 * node is a leaf (left = right = −1) or a split whose children both point forward
 * (i < child < nodeCount, so a descent always ends) on a feature in [0, nFeatures) with a
 * finite threshold; class counts are finite, ≥ 0, and positive in total at each leaf.
 */
export function readTreeArrays(doc: JsonObject, path: string, K: number, nFeatures: number): TreeArrays {
  const nd = readObject(doc.nodes, `${path}.nodes`);
  const p = `${path}.nodes`;
  const left = readArray(nd.left, `${p}.left`, (v, q) => readInt(v, q, -1, MAX_JSON_NODES), { minLength: 1, maxLength: MAX_JSON_NODES });
  const N = left.length;
  const right = readIntArray(nd.right, `${p}.right`, N, -1, N - 1);
  const feature = readIntArray(nd.feature, `${p}.feature`, N, -2, nFeatures - 1);
  const threshold = readFiniteArray(nd.threshold, `${p}.threshold`, N);
  const impurity = readFiniteArray(nd.impurity, `${p}.impurity`, N, { min: 0 });
  const samples = readIntArray(nd.samples, `${p}.samples`, N, 0, 2 ** 31 - 1);
  if (N * K > LIMITS.maxJsonArray) throw jsonError(`${p}.value`, 'too-large', `would need ${N * K} entries`);
  const value = readFiniteArray(nd.value, `${p}.value`, N * K, { min: 0 });
  for (let i = 0; i < N; i++) {
    const l = left[i];
    const r = right[i];
    if (l === -1 && r === -1) {
      let w = 0;
      for (let k = 0; k < K; k++) w += value[i * K + k];
      if (!(w > 0)) throw jsonError(`${p}.value[${i * K}]`, 'out-of-range', `leaf ${i} has no class counts (they sum to ${w})`);
      continue;
    }
    if (!(l > i && l < N)) throw jsonError(`${p}.left[${i}]`, 'out-of-range', `is ${l}; a split node's children must come after it (${i} < child < ${N})`);
    if (!(r > i && r < N)) throw jsonError(`${p}.right[${i}]`, 'out-of-range', `is ${r}; a split node's children must come after it (${i} < child < ${N})`);
    if (feature[i] < 0) throw jsonError(`${p}.feature[${i}]`, 'out-of-range', `is ${feature[i]}; split node ${i} needs a feature in [0, ${nFeatures})`);
  }
  return {
    nodeCount: N,
    nClasses: K,
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    impurity: Float64Array.from(impurity),
    nSamples: Int32Array.from(samples),
    value: Float64Array.from(value),
    importance: Float64Array.from(readFiniteArray(doc.importance, `${path}.importance`, nFeatures)),
    maxDepthReached: readInt(doc.maxDepthReached, `${path}.maxDepthReached`, 0, N),
  };
}
