/**
 * Pure model of the model chooser: scikit-learn's "choosing the right estimator" cheat sheet as a
 * tree of questions (yes/no), model suggestions ("not working?" leads on) and dead ends, the walk
 * given the answers so far, and a left-to-right tree layout for the SVG.
 */
import { classColor } from '../common/colors';
import type { FieldChecks } from '../hooks/useControllableState';

/** One answer: yes/no to a question, or "not working" after a suggestion. */
export type Answer = 'yes' | 'no' | 'next';
/** The four areas of the cheat sheet. */
export type Area = 'classification' | 'clustering' | 'regression' | 'dimensionality reduction';

/** A suggested estimator, with the gallery story that explains it (if any). */
export interface ModelRef {
  name: string;
  /** Storybook id of our explainer, linked as `?path=/story/<id>`. */
  story?: string;
}

export type ChartNode =
  | { kind: 'question'; id: string; text: string; short: string; yes: string; no: string; area?: Area }
  | { kind: 'models'; id: string; models: ModelRef[]; short: string; next?: string; area: Area }
  | { kind: 'end'; id: string; text: string; short: string; area?: Area };

const REG = '3-regression-regularization-paths--default';
const SVM = '4-classification-svm-margin--default';
const KERNEL = '4-classification-kernel-trick--default';
const KMEANS = '8-unsupervised-learning-k-means-step-by-step--default';
const PCA = '8-unsupervised-learning-pca-explorer--default';
const SGD = '3-regression-batch-size--default';

/** The cheat sheet (scikit-learn's "Choosing the right estimator"), node by node. */
export const NODES: Record<string, ChartNode> = {
  start: { kind: 'question', id: 'start', text: 'More than 50 samples?', short: '> 50 samples?', yes: 'category', no: 'moreData' },
  moreData: { kind: 'end', id: 'moreData', text: 'Get more data: with 50 samples or fewer no model can be checked on held-out data.', short: 'get more data' },
  category: { kind: 'question', id: 'category', text: 'Are you predicting a category?', short: 'category?', yes: 'labelled', no: 'quantity' },
  labelled: { kind: 'question', id: 'labelled', text: 'Do you have labelled data?', short: 'labelled?', yes: 'clsSize', no: 'nCatKnown' },
  clsSize: { kind: 'question', id: 'clsSize', text: 'Fewer than 100k samples?', short: '< 100k?', yes: 'linearSvc', no: 'sgdCls', area: 'classification' },
  linearSvc: { kind: 'models', id: 'linearSvc', models: [{ name: 'Linear SVC', story: SVM }], short: 'Linear SVC', next: 'text', area: 'classification' },
  text: { kind: 'question', id: 'text', text: 'Is it text data?', short: 'text?', yes: 'bayes', no: 'knn', area: 'classification' },
  bayes: { kind: 'models', id: 'bayes', models: [{ name: 'Naive Bayes' }], short: 'Naive Bayes', area: 'classification' },
  knn: { kind: 'models', id: 'knn', models: [{ name: 'k-nearest neighbours classifier' }], short: 'KNeighbors', next: 'svcEnsemble', area: 'classification' },
  svcEnsemble: { kind: 'models', id: 'svcEnsemble', models: [{ name: 'SVC (kernel)', story: KERNEL }, { name: 'Ensemble classifiers' }], short: 'SVC, ensembles', area: 'classification' },
  sgdCls: { kind: 'models', id: 'sgdCls', models: [{ name: 'SGD classifier', story: SGD }], short: 'SGD classifier', next: 'kernelApproxCls', area: 'classification' },
  kernelApproxCls: { kind: 'models', id: 'kernelApproxCls', models: [{ name: 'Kernel approximation', story: KERNEL }], short: 'kernel approx.', area: 'classification' },
  nCatKnown: { kind: 'question', id: 'nCatKnown', text: 'Do you know the number of categories?', short: 'k known?', yes: 'clusterSize', no: 'clusterSize2', area: 'clustering' },
  clusterSize: { kind: 'question', id: 'clusterSize', text: 'Fewer than 10k samples?', short: '< 10k?', yes: 'kmeans', no: 'miniBatch', area: 'clustering' },
  kmeans: { kind: 'models', id: 'kmeans', models: [{ name: 'KMeans', story: KMEANS }], short: 'KMeans', next: 'spectral', area: 'clustering' },
  spectral: { kind: 'models', id: 'spectral', models: [{ name: 'Spectral clustering' }, { name: 'Gaussian mixture' }], short: 'spectral, GMM', area: 'clustering' },
  miniBatch: { kind: 'models', id: 'miniBatch', models: [{ name: 'MiniBatch KMeans', story: KMEANS }], short: 'MiniBatchKMeans', area: 'clustering' },
  clusterSize2: { kind: 'question', id: 'clusterSize2', text: 'Fewer than 10k samples?', short: '< 10k?', yes: 'meanShift', no: 'toughLuck', area: 'clustering' },
  meanShift: { kind: 'models', id: 'meanShift', models: [{ name: 'MeanShift' }, { name: 'Variational Bayesian GMM' }], short: 'MeanShift, VBGMM', area: 'clustering' },
  toughLuck: { kind: 'end', id: 'toughLuck', text: 'Tough luck: no method on the sheet fits. Sample the data down, or think again about the question.', short: 'tough luck', area: 'clustering' },
  quantity: { kind: 'question', id: 'quantity', text: 'Are you predicting a quantity?', short: 'quantity?', yes: 'regSize', no: 'looking' },
  regSize: { kind: 'question', id: 'regSize', text: 'Fewer than 100k samples?', short: '< 100k?', yes: 'fewFeatures', no: 'sgdReg', area: 'regression' },
  fewFeatures: { kind: 'question', id: 'fewFeatures', text: 'Should only a few features be important?', short: 'few features?', yes: 'lasso', no: 'ridge', area: 'regression' },
  lasso: { kind: 'models', id: 'lasso', models: [{ name: 'Lasso', story: REG }, { name: 'ElasticNet', story: REG }], short: 'Lasso, ElasticNet', area: 'regression' },
  ridge: { kind: 'models', id: 'ridge', models: [{ name: 'Ridge regression', story: REG }, { name: 'SVR (linear kernel)', story: SVM }], short: 'Ridge, lin. SVR', next: 'svrRbf', area: 'regression' },
  svrRbf: { kind: 'models', id: 'svrRbf', models: [{ name: 'SVR (RBF kernel)', story: KERNEL }, { name: 'Ensemble regressors' }], short: 'RBF SVR, ensemble', area: 'regression' },
  sgdReg: { kind: 'models', id: 'sgdReg', models: [{ name: 'SGD regressor', story: SGD }], short: 'SGD regressor', area: 'regression' },
  looking: { kind: 'question', id: 'looking', text: 'Are you just looking (exploring the data)?', short: 'just looking?', yes: 'pca', no: 'structure' },
  structure: { kind: 'end', id: 'structure', text: 'Predicting structure: no estimator on the sheet does that. Tough luck.', short: 'tough luck' },
  pca: { kind: 'models', id: 'pca', models: [{ name: 'Randomized PCA', story: PCA }], short: 'PCA', next: 'dimSize', area: 'dimensionality reduction' },
  dimSize: { kind: 'question', id: 'dimSize', text: 'Fewer than 10k samples?', short: '< 10k?', yes: 'isomap', no: 'kernelApproxDim', area: 'dimensionality reduction' },
  isomap: { kind: 'models', id: 'isomap', models: [{ name: 'Isomap' }, { name: 'Spectral embedding' }], short: 'Isomap, spectral', next: 'lle', area: 'dimensionality reduction' },
  lle: { kind: 'models', id: 'lle', models: [{ name: 'Locally linear embedding' }], short: 'LLE', area: 'dimensionality reduction' },
  kernelApproxDim: { kind: 'models', id: 'kernelApproxDim', models: [{ name: 'Kernel approximation', story: KERNEL }], short: 'kernel approx.', area: 'dimensionality reduction' },
};

export const AREAS: readonly Area[] = ['classification', 'clustering', 'regression', 'dimensionality reduction'];

/** An area's colour (class colours 0, 4, 2, 3: class 1's blue is too close to the path's accent). */
export const areaColor = (k: number) => classColor([0, 4, 2, 3][k] ?? 0);

/** The explainer's state: the answers given from the start (plain JSON). */
export interface ModelChooserState {
  answers: Answer[];
}
export const DEFAULT_STATE: ModelChooserState = { answers: [] };
export const STATE_CHECKS: FieldChecks<ModelChooserState> = {
  answers: (v: unknown): v is Answer[] => Array.isArray(v) && v.length <= 20 && v.every((a) => a === 'yes' || a === 'no' || a === 'next'),
};

/** The nodes after `id`, with the answer that leads to each. */
export function children(node: ChartNode): { answer: Answer; id: string }[] {
  if (node.kind === 'question') return [{ answer: 'yes', id: node.yes }, { answer: 'no', id: node.no }];
  if (node.kind === 'models' && node.next) return [{ answer: 'next', id: node.next }];
  return [];
}

/** One step of a walk: the node, and the answer given there (null at the current node). */
export interface WalkStep {
  node: ChartNode;
  answer: Answer | null;
}

/** Follows the answers from the start; answers that do not fit the node (a "yes" at a model) end the walk there. */
export function walk(answers: readonly Answer[]): { steps: WalkStep[]; valid: number } {
  let node = NODES.start;
  const steps: WalkStep[] = [];
  let valid = 0;
  for (const a of answers) {
    const next = children(node).find((c) => c.answer === a);
    if (!next) break;
    steps.push({ node, answer: a });
    node = NODES[next.id];
    valid++;
  }
  steps.push({ node, answer: null });
  return { steps, valid };
}

/** The answer text of a step ("yes", "no", "not working"). */
export const answerText = (a: Answer) => (a === 'next' ? 'not working' : a);

/** The status line: where the walk is, and what to do. */
export function statusText(steps: readonly WalkStep[]): string {
  const here = steps[steps.length - 1].node;
  const n = steps.length;
  if (here.kind === 'question') return `Question ${n}: ${here.text}`;
  if (here.kind === 'models') return `Try: ${here.models.map((m) => m.name).join(' or ')}${here.next ? '. Not working? Go on.' : '.'}`;
  return here.text;
}

/** A laid-out node: its centre in tree units (x = depth, y = leaf row). */
export interface PlacedNode {
  id: string;
  depth: number;
  row: number;
}

/**
 * A tidy left-to-right tree layout: each leaf takes the next row, an inner node sits at the
 * mean row of its children, its column is its depth. Returns the nodes and the edges.
 */
export function layoutTree(): { nodes: PlacedNode[]; edges: { from: string; to: string; answer: Answer }[]; rows: number; depth: number } {
  const nodes: PlacedNode[] = [];
  const edges: { from: string; to: string; answer: Answer }[] = [];
  let row = 0;
  let depth = 0;
  const place = (id: string, d: number): number => {
    depth = Math.max(depth, d);
    const kids = children(NODES[id]);
    let r: number;
    if (kids.length === 0) r = row++;
    else {
      const rs = kids.map((k) => {
        edges.push({ from: id, to: k.id, answer: k.answer });
        return place(k.id, d + 1);
      });
      r = rs.reduce((s, v) => s + v, 0) / rs.length;
    }
    nodes.push({ id, depth: d, row: r });
    return r;
  };
  place('start', 0);
  return { nodes, edges, rows: row, depth: depth + 1 };
}
