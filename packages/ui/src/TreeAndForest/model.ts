import { DecisionTreeClassifier, loadIris, makeBlobs, makeMoons, type RandomForestClassifierJSON, type TreeNode } from '@geolearn/algorithms';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { ExplainerState } from '../kit/Explainer';

/**
 * The tree-and-forest explainer's model: pure functions of plain JSON, no React.
 *
 * A CART tree (scikit-learn's, via `DecisionTreeClassifier.fitSteps`) splits a node t on
 * x_f ≤ s to lower the weighted impurity of its children; the node impurity is
 *   Gini   i(t) = 1 − Σₖ pₖ²        or   entropy   i(t) = −Σₖ pₖ log₂ pₖ,
 * with pₖ the class fractions of the node, and each split's impurity decrease is
 *   Δ = (N_t/N)·(i(t) − (N_L/N_t)·i(L) − (N_R/N_t)·i(R)).
 * A random forest grows many such trees on bootstrap samples and lets them vote.
 */

/** The data sets. Iris is fitted on its four features; moons and blobs are 2-D. */
export type TreeDataset = 'iris' | 'moons' | 'blobs';
/** Impurity measure. */
export type TreeCriterion = 'gini' | 'entropy';
/** One tree grown step by step, or a random forest voting. */
export type TreeMode = 'tree' | 'forest';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface TreeAndForestState {
  /** The data set. */
  dataset: TreeDataset;
  /** The two features of the plotted plane (iris: any two of 0–3; 2-D sets: always [0, 1]). */
  features: [number, number];
  /** Deepest a leaf may be (root 0). */
  maxDepth: number;
  /** Each child of a split keeps at least this many samples. */
  minSamplesLeaf: number;
  /** Impurity measure. */
  criterion: TreeCriterion;
  /** Nodes grown so far (clamped to the tree's size; 0 = the root only, not yet split). */
  grown: number;
  /** One tree or the forest. */
  mode: TreeMode;
  /** Trees in the forest, 1–50 (never 0: an empty forest cannot vote). */
  nTrees: number;
  /** Points of the 2-D sets (iris has 150). */
  nSamples: number;
  /** The point the forest votes on, in the plotted features. */
  query: [number, number];
}

/** Limits of the controls. */
export const LIMITS = { maxDepth: [1, 8], minSamplesLeaf: [1, 20], nTrees: [1, 50], nSamples: [50, 500] } as const;
/** Upper bound of `grown` (a depth-8 tree has at most 511 nodes). */
export const MAX_GROWN = 511;

const isFeatures = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((f) => Number.isInteger(f) && f >= 0 && f <= 3) && v[0] !== v[1];

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<TreeAndForestState> = {
  dataset: fieldCheck.oneOf<TreeDataset>('iris', 'moons', 'blobs'),
  features: isFeatures,
  maxDepth: fieldCheck.integer(...LIMITS.maxDepth),
  minSamplesLeaf: fieldCheck.integer(...LIMITS.minSamplesLeaf),
  criterion: fieldCheck.oneOf<TreeCriterion>('gini', 'entropy'),
  grown: fieldCheck.integer(0, MAX_GROWN),
  mode: fieldCheck.oneOf<TreeMode>('tree', 'forest'),
  nTrees: fieldCheck.integer(...LIMITS.nTrees),
  nSamples: fieldCheck.integer(...LIMITS.nSamples),
  query: fieldCheck.tuple<[number, number]>(2),
};

/** The default state: iris, petal length against petal width, depth 3, grown in full. */
export const DEFAULT_STATE: TreeAndForestState = {
  dataset: 'iris',
  features: [2, 3],
  maxDepth: 3,
  minSamplesLeaf: 1,
  criterion: 'gini',
  grown: MAX_GROWN,
  mode: 'tree',
  nTrees: 10,
  nSamples: 200,
  query: [4.9, 1.6],
};

/** A labelled data set with its names. */
export interface TreeData {
  X: number[][];
  y: number[];
  /** Short feature names, x₁… (1-based, as the slides). */
  featureNames: string[];
  /** Long feature names (iris: "petal length (cm)"). */
  featureTitles: string[];
  classNames: string[];
}

const SUB = ['₁', '₂', '₃', '₄'];
/** x₁, x₂… for feature index 0, 1… */
export const featureSymbol = (f: number): string => `x${SUB[f] ?? `_${f + 1}`}`;

/** The data set (deterministic given the seed; iris ignores it). */
export function loadData(dataset: TreeDataset, nSamples: number, seed: number): TreeData {
  if (dataset === 'iris') {
    const iris = loadIris();
    return { X: iris.data, y: iris.target, featureNames: [0, 1, 2, 3].map(featureSymbol), featureTitles: iris.featureNames, classNames: iris.targetNames };
  }
  const d =
    dataset === 'moons'
      ? makeMoons({ nSamples, noise: 0.25, randomState: seed })
      : makeBlobs({ nSamples, centers: [[-2, -1.5], [2, -1], [0, 2]], clusterStd: 1.1, randomState: seed });
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const names = d.y.some((c) => c === 2) ? ['class 0', 'class 1', 'class 2'] : ['class 0', 'class 1'];
  return { X: d.X.map((p) => p.map(r2)), y: d.y, featureNames: ['x₁', 'x₂'], featureTitles: ['x₁', 'x₂'], classNames: names };
}

/** The plotted features of a state (2-D sets have only [0, 1]). */
export const plotFeatures = (s: Pick<TreeAndForestState, 'dataset' | 'features'>): [number, number] => (s.dataset === 'iris' ? s.features : [0, 1]);

/** A box [x0, x1, y0, y1] around the plotted features of X, padded by 8 % and rounded to 0.5. */
export function plotDomain(X: readonly number[][], f: readonly [number, number]): [number, number, number, number] {
  const out: number[] = [];
  for (const j of f) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of X) {
      lo = Math.min(lo, row[j]);
      hi = Math.max(hi, row[j]);
    }
    const pad = Math.max(0.1, (hi - lo) * 0.08);
    out.push(Math.floor((lo - pad) * 2) / 2, Math.ceil((hi + pad) * 2) / 2);
  }
  return out as [number, number, number, number];
}

/** Gini impurity 1 − Σ pₖ² of class counts (0 for no samples). */
export function gini(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  if (!(n > 0)) return 0;
  return 1 - counts.reduce((s, c) => s + (c / n) ** 2, 0);
}

/** Entropy −Σ pₖ log₂ pₖ of class counts, in bits (0 log 0 = 0). */
export function entropy(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  if (!(n > 0)) return 0;
  const h = -counts.reduce((s, c) => (c > 0 ? s + (c / n) * Math.log2(c / n) : s), 0);
  return h > 0 ? h : 0;
}

/** A fully grown tree, with the impurity decrease of each node's split (0 at leaves). */
export interface GrownTree {
  nodes: readonly TreeNode[];
  decrease: number[];
  /** Training samples (rows) of the fit. */
  n: number;
}

/**
 * Grows the tree on (X, y) with `fitSteps`, node by node, keeping each step's impurity
 * decrease; the nodes of the last step are final. Returns an error message for bad input
 * (one class only, too few points) instead of throwing.
 */
export function growTree(data: TreeData, s: Pick<TreeAndForestState, 'maxDepth' | 'minSamplesLeaf' | 'criterion'>, seed: number): GrownTree | string {
  const problem = dataProblem(data.y);
  if (problem) return problem;
  try {
    const tree = new DecisionTreeClassifier({ maxDepth: s.maxDepth, minSamplesLeaf: s.minSamplesLeaf, criterion: s.criterion, randomState: seed });
    const decrease: number[] = [];
    for (const step of tree.fitSteps(data.X, data.y)) decrease[step.node] = step.impurityDecrease;
    return { nodes: tree.tree, decrease, n: data.X.length };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Why there is nothing to classify, or null. */
export function dataProblem(y: readonly number[]): string | null {
  if (y.length < 2) return 'Too few points: a tree needs at least two.';
  if (y.every((c) => c === y[0])) return 'One class only: nothing to split.';
  return null;
}

/**
 * Which nodes show after `grown` steps: node i < grown has its split decided, so its
 * children show too (as pending nodes whose counts the split fixes). Returns per node:
 * 'grown', 'pending' or undefined (hidden).
 */
export function visibleNodes(nodes: readonly TreeNode[], grown: number): ('grown' | 'pending' | undefined)[] {
  const out: ('grown' | 'pending' | undefined)[] = new Array(nodes.length);
  const g = Math.min(grown, nodes.length);
  if (nodes.length) out[0] = g > 0 ? 'grown' : 'pending';
  for (let i = 0; i < g; i++) {
    out[i] = 'grown';
    const n = nodes[i];
    if (n.left >= 0) {
      out[n.left] = n.left < g ? 'grown' : 'pending';
      out[n.right] = n.right < g ? 'grown' : 'pending';
    }
  }
  return out;
}

/** Whether a visible node is a region of the current partition (not a split whose children show). */
export const isFrontier = (node: TreeNode, vis: 'grown' | 'pending' | undefined): boolean => vis !== undefined && !(vis === 'grown' && node.left >= 0);

/** The index of the largest count (first on ties, as scikit-learn's argmax). */
export function argmax(v: readonly number[]): number {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[k]) k = i;
  return k;
}

/** Per node, the box [lo, hi] on every feature that its ancestors' splits leave (±Infinity when open). */
export function nodeBoxes(nodes: readonly TreeNode[], nFeatures: number): [number, number][][] {
  const boxes: [number, number][][] = new Array(nodes.length);
  if (!nodes.length) return boxes;
  boxes[0] = Array.from({ length: nFeatures }, () => [-Infinity, Infinity] as [number, number]);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.left < 0 || !boxes[i]) continue;
    const l = boxes[i].map((b) => [...b] as [number, number]);
    const r = boxes[i].map((b) => [...b] as [number, number]);
    l[n.feature][1] = Math.min(l[n.feature][1], n.threshold);
    r[n.feature][0] = Math.max(r[n.feature][0], n.threshold);
    boxes[n.left] = l;
    boxes[n.right] = r;
  }
  return boxes;
}

/** The median of column j of X (the value at which the unplotted features are held). */
export function columnMedian(X: readonly number[][], j: number): number {
  const v = X.map((r) => r[j]).sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** A region of the drawn partition: a frontier node's box in the plotted plane. */
export interface Region {
  node: number;
  box: [number, number, number, number];
  cls: number;
  /** Majority fraction of the node (its purity), in (0, 1]. */
  purity: number;
}

/**
 * The partition drawn in the plane of features f: the frontier nodes that a point reaches
 * when the unplotted features are held at `held` (their medians). For held values fixed, a
 * tree cuts the plane into boxes, so these regions tile it exactly. A 2-D tree has no
 * unplotted features: every frontier node is drawn.
 */
export function partition(
  nodes: readonly TreeNode[],
  vis: readonly ('grown' | 'pending' | undefined)[],
  boxes: readonly [number, number][][],
  f: readonly [number, number],
  held: readonly number[],
): Region[] {
  const out: Region[] = [];
  nodes.forEach((n, i) => {
    if (!isFrontier(n, vis[i]) || !boxes[i]) return;
    const b = boxes[i];
    // Reachable at the held values: every unplotted feature's interval (lo, hi] contains it.
    for (let j = 0; j < b.length; j++) if (j !== f[0] && j !== f[1] && !(held[j] > b[j][0] && held[j] <= b[j][1])) return;
    const total = n.value.reduce((a, c) => a + c, 0);
    const cls = argmax(n.value);
    out.push({ node: i, box: [b[f[0]][0], b[f[0]][1], b[f[1]][0], b[f[1]][1]], cls, purity: total > 0 ? n.value[cls] / total : 0 });
  });
  return out;
}

/** A split drawn as a segment: node i's threshold on a plotted feature, within its box. */
export interface SplitLine {
  node: number;
  /** 'v' for a split on the horizontal feature (a vertical line), 'h' for the vertical one. */
  dir: 'v' | 'h';
  at: number;
  /** The segment's extent along the other feature. */
  from: number;
  to: number;
}

/**
 * The grown splits: those on a plotted feature as segments within their boxes (when the box
 * is reachable at the held values), the others listed (they are not drawn).
 */
export function splitsOf(
  nodes: readonly TreeNode[],
  grown: number,
  boxes: readonly [number, number][][],
  f: readonly [number, number],
  held: readonly number[],
): { lines: SplitLine[]; hidden: number[] } {
  const lines: SplitLine[] = [];
  const hidden: number[] = [];
  for (let i = 0; i < Math.min(grown, nodes.length); i++) {
    const n = nodes[i];
    if (n.left < 0) continue;
    if (n.feature !== f[0] && n.feature !== f[1]) {
      hidden.push(i);
      continue;
    }
    const b = boxes[i];
    let reach = true;
    for (let j = 0; j < b.length; j++) if (j !== f[0] && j !== f[1] && !(held[j] > b[j][0] && held[j] <= b[j][1])) reach = false;
    if (!reach) continue;
    const other = n.feature === f[0] ? f[1] : f[0];
    lines.push({ node: i, dir: n.feature === f[0] ? 'v' : 'h', at: n.threshold, from: b[other][0], to: b[other][1] });
  }
  return { lines, hidden };
}

/** Whether row x reaches node `target` (it follows the splits from the root). */
export function reaches(nodes: readonly TreeNode[], x: readonly number[], target: number): boolean {
  let i = 0;
  for (;;) {
    if (i === target) return true;
    const n = nodes[i];
    if (n.left < 0 || i > target) return false;
    i = x[n.feature] <= n.threshold ? n.left : n.right;
  }
}

/** Where each visible node sits in the diagram: centre x in [0, 1] and depth. */
export interface DiagramNode {
  id: number;
  x: number;
  depth: number;
}

/**
 * A tidy layout of the visible tree: the visible leaves take equal slots left to right (in
 * depth-first order), a parent sits midway between its children.
 */
export function diagramLayout(nodes: readonly TreeNode[], vis: readonly ('grown' | 'pending' | undefined)[]): { items: DiagramNode[]; slots: number; depth: number } {
  const items: DiagramNode[] = [];
  let slot = 0;
  let depth = 0;
  const place = (i: number): number => {
    const n = nodes[i];
    depth = Math.max(depth, n.depth);
    const open = vis[i] === 'grown' && n.left >= 0;
    const x = open ? (place(n.left) + place(n.right)) / 2 : slot++ + 0.5;
    items.push({ id: i, x, depth: n.depth });
    return x;
  };
  if (nodes.length && vis[0]) place(0);
  return { items: items.map((it) => ({ ...it, x: it.x / Math.max(1, slot) })).sort((a, b) => a.id - b.id), slots: slot, depth };
}

/** "x₃ ≤ 2.45" for a split node. */
export const splitText = (n: TreeNode, names: readonly string[]): string => `${names[n.feature] ?? featureSymbol(n.feature)} ≤ ${fmt(n.threshold)}`;

/** A node in words (its accessible name and the readout under the diagram). */
export function describeNode(n: TreeNode, pending: boolean, names: readonly string[], classNames: readonly string[], criterion: string, decrease: number): string {
  const leaf = !pending && n.left < 0;
  const what = pending ? ' (not grown yet)' : '';
  const kind = !pending && !leaf ? `split ${splitText(n, names)}, impurity decrease ${fmt(decrease)}, ` : leaf ? `leaf, predicts ${classNames[argmax(n.value)]}, ` : '';
  return `Node ${n.id}${what}: ${kind}${criterion} ${fmt(n.impurity)}, ${n.samples} samples, class counts ${n.value.join(', ')}`;
}

/** Up to 3 significant decimals, trailing zeros dropped, a true minus. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  const s = String(Number(v.toFixed(digits)));
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/* ------------------------------------------------------------------ the forest */

/** One tree of a fitted forest's JSON: its node arrays. */
export type ForestTree = RandomForestClassifierJSON['estimators'][number];

/** The leaf a 2-D point lands in (the tree's nodes as arrays). */
export function leafOf(t: ForestTree, x: readonly number[]): number {
  const { feature, threshold, left, right } = t.nodes;
  let i = 0;
  while (left[i] >= 0) i = x[feature[i]] <= threshold[i] ? left[i] : right[i];
  return i;
}

/** Class counts of node i of a forest tree. */
const valueOf = (t: ForestTree, i: number, K: number): number[] => t.nodes.value.slice(i * K, (i + 1) * K);

/** The class (index) each tree votes for x: the majority of its leaf. Never empty for a fitted forest (≥ 1 tree). */
export function treeVotes(trees: readonly ForestTree[], x: readonly number[], K: number): number[] {
  return trees.map((t) => argmax(valueOf(t, leafOf(t, x), K)));
}

/** Votes per class (length K). Their sum is the number of trees. */
export function voteCounts(votes: readonly number[], K: number): number[] {
  const c = new Array<number>(K).fill(0);
  for (const v of votes) c[v]++;
  return c;
}

/** The forest's probabilities at x: the mean of the trees' leaf class fractions (scikit-learn's predict_proba). */
export function forestProba(trees: readonly ForestTree[], x: readonly number[], K: number): number[] {
  const p = new Array<number>(K).fill(0);
  for (const t of trees) {
    const v = valueOf(t, leafOf(t, x), K);
    const w = v.reduce((a, b) => a + b, 0);
    for (let k = 0; k < K; k++) p[k] += v[k] / w / trees.length;
  }
  return p;
}

/**
 * A class field over the domain for FieldCanvas ('classes': class + confidence in [0, 1)),
 * size × size cells, row 0 at the top; confidence rescales the winning probability from
 * 1/K (a tie) to 1.
 */
export function classField(proba: (x: number[]) => number[], domain: readonly number[], size: number, K: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let r = 0; r < size; r++) {
    const yv = domain[3] - ((r + 0.5) / size) * (domain[3] - domain[2]);
    for (let c = 0; c < size; c++) {
      const xv = domain[0] + ((c + 0.5) / size) * (domain[1] - domain[0]);
      const p = proba([xv, yv]);
      const k = argmax(p);
      out[r * size + c] = k + Math.min(0.999, Math.max(0, (p[k] - 1 / K) / (1 - 1 / K)));
    }
  }
  return out;
}

/** The leaves of a 2-D forest tree as boxes [x0, x1, y0, y1] clipped to the domain, with their class. */
export function treeLeafBoxes(t: ForestTree, domain: readonly number[], K: number): { box: number[]; cls: number }[] {
  const out: { box: number[]; cls: number }[] = [];
  const walk = (i: number, box: number[]) => {
    const { feature, threshold, left, right } = t.nodes;
    if (left[i] < 0) {
      out.push({ box, cls: argmax(valueOf(t, i, K)) });
      return;
    }
    const f = feature[i];
    const s = threshold[i];
    const l = [...box];
    const r = [...box];
    l[2 * f + 1] = Math.min(box[2 * f + 1], s);
    r[2 * f] = Math.max(box[2 * f], s);
    if (l[2 * f + 1] > l[2 * f]) walk(left[i], l);
    if (r[2 * f + 1] > r[2 * f]) walk(right[i], r);
  };
  walk(0, [...domain]);
  return out;
}

/** The 2-D training set of the forest: the plotted features only. */
export const forestData = (data: TreeData, f: readonly [number, number]): number[][] => data.X.map((r) => [r[f[0]], r[f[1]]]);

/* ------------------------------------------------------------------ status */

/** The status line of the tree mode. */
export function treeStatus(tree: GrownTree, grown: number, data: TreeData, criterion: TreeCriterion): string {
  const g = Math.min(grown, tree.nodes.length);
  const leaves = tree.nodes.filter((n) => n.left < 0).length;
  if (g === 0) return `Root: ${tree.n} samples, ${criterion} ${fmt(tree.nodes[0].impurity)}. Press Step to choose its split.`;
  const n = tree.nodes[g - 1];
  const what =
    n.left >= 0
      ? `node ${n.id} splits on ${splitText(n, data.featureNames)} (${criterion} ${fmt(n.impurity)}, impurity decrease ${fmt(tree.decrease[n.id])})`
      : `node ${n.id} is a leaf: ${data.classNames[argmax(n.value)]} (${n.samples} samples)`;
  const done = g >= tree.nodes.length ? ` Tree complete: ${tree.nodes.length} nodes, ${leaves} leaves.` : '';
  return `Step ${g} of ${tree.nodes.length}: ${what}.${done}`;
}

/** The status line of the forest mode. */
export function forestStatus(nTrees: number, counts: readonly number[] | null, names: readonly string[], fitting: boolean): string {
  if (!counts) return fitting ? `Fitting ${nTrees} trees…` : 'No forest yet.';
  const total = counts.reduce((a, b) => a + b, 0);
  const k = argmax(counts);
  return `${total === 1 ? '1 tree votes' : `${total} trees vote`}: ${counts.map((c, i) => `${names[i]} ${c}`).join(', ')}. Majority: ${names[k]} (${c100(counts[k] / total)}).${fitting ? ' Refitting…' : ''}`;
}

const c100 = (v: number) => `${Math.round(v * 100)} %`;

/** The frame's data-state. */
export function frameState(problem: string | null, playing: boolean, grown: number, total: number, mode: TreeMode): ExplainerState {
  if (problem) return 'error';
  if (mode === 'forest') return 'done';
  if (playing) return 'playing';
  if (grown >= total) return 'done';
  return grown > 0 ? 'paused' : 'idle';
}

/** Sizes of the panels: the diagram and the plane side by side (one column when compact). */
export function treeSizes(width: number, height: number, plotWidth: number, compact: boolean) {
  const w = Math.max(200, plotWidth);
  if (compact) return { diagram: { width: w, height: Math.round(Math.min(height, w * 0.9)) }, plane: Math.min(w, 420) };
  const plane = Math.round(Math.min(height, w * 0.42));
  return { diagram: { width: w - plane - 24, height }, plane };
}
