/**
 * The estimators a worker can fit, by name. Each entry says how to drive the fit: by draining
 * `fitSteps` (one snapshot per step, with a progress estimate), or by one `fit()` call
 * (progress 0 → 1) where the estimator has no steps or its steps are too heavy to stream.
 * Both the worker and the main-thread fallback read this table, so they fit identically.
 */
import {
  AgglomerativeClustering,
  DBSCAN,
  DecisionTreeClassifier,
  GaussianMixture,
  KernelPCA,
  KMeans,
  LogisticRegression,
  MiniBatchKMeans,
  PCA,
  RandomForestClassifier,
  SpectralClustering,
  SVC,
  ValidationError,
  type MatrixLike,
  type VectorLike,
} from '@geolearn/algorithms';
import { lidarClassifyTask } from '../LidarClassification/task';
import { manifoldWindowsTask } from '../Manifold/windows';
import { seismicDataTask } from '../SeismicClassifier/data';

/** The estimator classes the runner knows, by their scikit-learn name. */
export interface WorkerEstimators {
  KMeans: KMeans;
  MiniBatchKMeans: MiniBatchKMeans;
  GaussianMixture: GaussianMixture;
  DecisionTreeClassifier: DecisionTreeClassifier;
  RandomForestClassifier: RandomForestClassifier;
  SVC: SVC;
  SpectralClustering: SpectralClustering;
  DBSCAN: DBSCAN;
  AgglomerativeClustering: AgglomerativeClustering;
  PCA: PCA;
  KernelPCA: KernelPCA;
  LogisticRegression: LogisticRegression;
}

/** A name of {@link WorkerEstimators}. */
export type WorkerEstimatorName = keyof WorkerEstimators;

/** What one fit is asked to do: which estimator, its options, and the data. */
export interface FitRequest<N extends WorkerEstimatorName = WorkerEstimatorName> {
  /** The estimator's class name (`'KMeans'`, `'RandomForestClassifier'`, …). */
  estimator: N;
  /**
   * Its options, as for the constructor. They are copied to the worker (structured clone),
   * so `randomState` must be a seed number, not a `RandomState` instance.
   */
  params?: WorkerEstimatorOptions<N>;
  /** The samples, rows = samples (`number[][]` or a typed `{ rows, cols, data }` matrix). */
  X: MatrixLike;
  /** The targets, for classifiers. */
  y?: VectorLike;
  /** Send every n-th step's snapshot (the last one is always sent). Default: every step, at most one per frame. */
  every?: number;
  /**
   * Stream `fitSteps` snapshots even where they are heavy (SpectralClustering's are dense n×n
   * matrices, so it runs `fit()` by default). Default false.
   */
  steps?: boolean;
  /** Options passed to `fitSteps` as its third argument (SVC: `{ every }` SMO iterations per snapshot, default 50). */
  stepOptions?: Record<string, unknown>;
}

/** The options object of estimator N. */
export type WorkerEstimatorOptions<N extends WorkerEstimatorName> = WorkerEstimators[N] extends { getParams(): infer O } ? Partial<O> : never;

/** The JSON document estimator N's `toJSON()` gives. */
export type WorkerEstimatorJSON<N extends WorkerEstimatorName> = WorkerEstimators[N] extends { toJSON(): infer J } ? J : never;

/** One step of a task: a snapshot to show, a progress in [0, 1] (null: unknown), or both. */
export interface TaskStep {
  /** The state to show now (sent to the main thread when the throttle allows). */
  snapshot?: unknown;
  /** Fraction done in [0, 1]; null when it cannot be estimated. */
  progress?: number | null;
}

/** A task: a generator of steps that returns the result (plain, structured-cloneable data). */
export type WorkerTask = (payload: unknown) => Generator<TaskStep, unknown, undefined>;

type AnyModel = { toJSON(): unknown; fit(X: unknown, y?: unknown): unknown; options: Record<string, unknown> };
type Steps = Iterator<unknown, unknown, undefined>;

interface Entry {
  Cls: { new (options?: never): unknown; fromJSON(json: unknown): unknown };
  /** Starts the steps, or null to call fit() (no steps, or steps too heavy by default). */
  steps: ((m: AnyModel, X: MatrixLike, y: VectorLike | undefined, req: FitRequest) => Steps) | null;
  /** Progress after a step; `memo` is per-fit scratch space. */
  progress?: (step: Record<string, unknown>, options: Record<string, unknown>, n: number, memo: Record<string, number>) => number | null;
}

type StepFn = (X: MatrixLike, y?: VectorLike, o?: Record<string, unknown>) => Steps;
const stepsOf = (m: AnyModel, X: MatrixLike, y: VectorLike | undefined, o?: Record<string, unknown>): Steps =>
  (m as unknown as { fitSteps: StepFn }).fitSteps(X, y, o);
const xy = (m: AnyModel, X: MatrixLike, y: VectorLike | undefined): Steps => stepsOf(m, X, y);
const xOnly = (m: AnyModel, X: MatrixLike): Steps => stepsOf(m, X, undefined);

/**
 * Within one run of an iterative fit whose length is not known ahead: i/(i + 10) rises fast
 * and never reaches 1 before the run says it converged; runs are equal shares of the bar.
 */
function runShare(run: number, iteration: number, converged: boolean, runs: number): number {
  const within = converged ? 1 : iteration / (iteration + 10);
  return (run + within) / Math.max(1, runs);
}

const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

const ENTRIES: { [N in WorkerEstimatorName]: Entry } = {
  KMeans: { Cls: KMeans, steps: xOnly, progress: (s, o) => runShare(num(s.run), num(s.iteration), s.converged === true, num(o.nInit, 1)) },
  GaussianMixture: { Cls: GaussianMixture, steps: xOnly, progress: (s, o) => runShare(num(s.run), num(s.iteration), s.converged === true, num(o.nInit, 1)) },
  MiniBatchKMeans: {
    Cls: MiniBatchKMeans,
    steps: xOnly,
    // At most maxIter passes of ⌈n / batchSize⌉ steps (early stopping usually ends it sooner).
    progress: (s, o, n) => (s.converged === true ? 1 : num(s.step) / Math.max(1, num(o.maxIter, 100) * Math.ceil(n / Math.max(1, num(o.batchSize, 1024))))),
  },
  // A tree's size is not known until it is grown: progress stays indeterminate until the end.
  DecisionTreeClassifier: { Cls: DecisionTreeClassifier, steps: xy, progress: () => null },
  RandomForestClassifier: { Cls: RandomForestClassifier, steps: xy, progress: (s, o) => num(s.nEstimators) / Math.max(1, num(o.nEstimators, 100)) },
  SVC: {
    Cls: SVC,
    steps: (m, X, y, req) => stepsOf(m, X, y, { every: 50, ...req.stepOptions }),
    // Per pair of classes, the KKT gap falls from g₀ to tol: log(g₀/g) / log(g₀/tol) of the way.
    progress: (s, o, _n, memo) => {
      const pairs = Math.max(1, num(s.nPairs, 1));
      const pair = num(s.pairIndex);
      const gap = num(s.gap, Infinity);
      if (memo.pair !== pair || !(memo.g0 > 0)) {
        memo.pair = pair;
        memo.g0 = gap;
      }
      const tol = num(o.tol, 1e-3);
      let within = 0;
      if (s.done === true) within = 1;
      else if (memo.g0 > tol && gap > 0 && Number.isFinite(memo.g0)) within = Math.min(0.99, Math.max(0, Math.log(memo.g0 / gap) / Math.log(memo.g0 / tol)));
      return (pair + within) / pairs;
    },
  },
  SpectralClustering: { Cls: SpectralClustering, steps: null },
  DBSCAN: { Cls: DBSCAN, steps: null },
  AgglomerativeClustering: { Cls: AgglomerativeClustering, steps: null },
  PCA: { Cls: PCA, steps: null },
  KernelPCA: { Cls: KernelPCA, steps: null },
  // L-BFGS: at most maxIter iterations (a multinomial fit; 'ovr' fits one model per class, so indeterminate).
  LogisticRegression: {
    Cls: LogisticRegression,
    steps: xy,
    progress: (s, o) => (s.fittingClass !== null && s.fittingClass !== undefined ? null : s.converged === true ? 1 : num(s.iteration) / Math.max(1, num(o.maxIter, 100))),
  },
};

/** The names the runner can fit. */
export const WORKER_ESTIMATORS: readonly WorkerEstimatorName[] = [
  'KMeans',
  'MiniBatchKMeans',
  'GaussianMixture',
  'DecisionTreeClassifier',
  'RandomForestClassifier',
  'SVC',
  'SpectralClustering',
  'DBSCAN',
  'AgglomerativeClustering',
  'PCA',
  'KernelPCA',
  'LogisticRegression',
];

function entryOf(name: unknown, argument = 'estimator'): Entry {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(ENTRIES, name)) {
    throw new ValidationError(argument, 'bad-option', `${JSON.stringify(name)} is not an estimator the worker runner knows; expected one of ${WORKER_ESTIMATORS.join(', ')}`);
  }
  return ENTRIES[name as WorkerEstimatorName];
}

function rowsOf(X: MatrixLike): number {
  const r = (X as { rows?: unknown }).rows;
  return typeof r === 'number' ? r : Array.isArray(X) ? X.length : 0;
}

/** Constructs the estimator by name (options validated as usual) and drains its steps or calls fit(). */
function* fitModel(payload: unknown): Generator<TaskStep, AnyModel, undefined> {
  if (typeof payload !== 'object' || payload === null) throw new ValidationError('request', 'wrong-type', 'must be an object { estimator, params, X, y? }');
  const req = payload as FitRequest;
  const entry = entryOf(req.estimator);
  const model = new (entry.Cls as new (o?: unknown) => AnyModel)(req.params ?? {});
  yield { progress: 0 };
  const heavy = req.estimator === 'SpectralClustering' && req.steps === true;
  if (entry.steps || heavy) {
    const steps = entry.steps ? entry.steps(model, req.X, req.y, req) : xOnly(model, req.X);
    const n = rowsOf(req.X);
    const memo: Record<string, number> = {};
    for (;;) {
      const r = steps.next();
      if (r.done) break;
      const step = r.value as Record<string, unknown>;
      yield { snapshot: step, progress: entry.progress ? entry.progress(step, model.options, n, memo) : null };
    }
  } else {
    model.fit(req.X, req.y);
  }
  return model;
}

/**
 * The fit as a task: construct the estimator by name, drain its `fitSteps` (a step per
 * snapshot) or call `fit()`, and return its `toJSON()`.
 */
export function* fitTask(payload: unknown): Generator<TaskStep, unknown, undefined> {
  return (yield* fitModel(payload)).toJSON();
}

/** The methods {@link fitEvaluateTask} may call on the fitted model. */
export const EVALUATE_METHODS = ['predict', 'predictProba', 'decisionFunction', 'transform', 'scoreSamples'] as const;

/** A fit, then some of the model's methods on given samples, all in the worker. */
export interface FitEvaluateRequest<N extends WorkerEstimatorName = WorkerEstimatorName> extends FitRequest<N> {
  /** Samples per method: `{ predict: grid }` gives the predictions on `grid` (a decision surface). */
  evaluate: Partial<Record<(typeof EVALUATE_METHODS)[number], MatrixLike>>;
}

/** The result of {@link fitEvaluateTask}. */
export interface FitEvaluateResult<N extends WorkerEstimatorName = WorkerEstimatorName> {
  /** The fitted model's `toJSON()`. */
  json: WorkerEstimatorJSON<N>;
  /** Each requested method's output. */
  outputs: Partial<Record<(typeof EVALUATE_METHODS)[number], unknown>>;
}

/**
 * Fit, then evaluate (`predict` on a grid, `transform`…) in the worker too, so that neither the
 * evaluation nor rebuilding a large model (`fromJSON` of a 100-tree forest is ~50 ms) lands on
 * the main thread. Run it with `runTaskInWorker('fitEvaluate', request)`.
 */
export function* fitEvaluateTask(payload: unknown): Generator<TaskStep, FitEvaluateResult, undefined> {
  const model = yield* fitModel(payload);
  const evaluate = (payload as Partial<FitEvaluateRequest>).evaluate ?? {};
  if (typeof evaluate !== 'object' || evaluate === null) throw new ValidationError('evaluate', 'wrong-type', 'must be an object { method: X }');
  const outputs: Record<string, unknown> = {};
  for (const method of Object.keys(evaluate)) {
    const fn = (model as unknown as Record<string, unknown>)[method];
    if (!(EVALUATE_METHODS as readonly string[]).includes(method) || typeof fn !== 'function') {
      throw new ValidationError('evaluate', 'bad-option', `${JSON.stringify(method)} is not a method this ${(payload as FitRequest).estimator} can evaluate; expected one of ${EVALUATE_METHODS.filter((m) => typeof (model as unknown as Record<string, unknown>)[m] === 'function').join(', ')}`);
    }
    outputs[method] = (fn as (X: unknown) => unknown).call(model, (evaluate as Record<string, unknown>)[method]);
  }
  return { json: model.toJSON() as never, outputs };
}

/** One job of {@link fitManyTask}. */
export interface FitManyJob<N extends WorkerEstimatorName = WorkerEstimatorName> extends Omit<FitRequest<N>, 'every' | 'steps' | 'stepOptions'> {
  /** What to return: the model's JSON (default), its `labels` (clusterers), or both. */
  output?: 'json' | 'labels' | 'both';
}

/** The result of one job of {@link fitManyTask}. */
export interface FitManyResult {
  /** The fitted model's `toJSON()` (output 'json' or 'both'). */
  json?: unknown;
  /** The fitted labels (output 'labels' or 'both'). */
  labels?: number[];
  /** Wall time of the fit in ms. */
  ms: number;
}

/**
 * Many independent fits in one worker (the clustering grid: each method on each data set):
 * progress after each, a snapshot `{ index, result }` per finished job, the list as result.
 */
export function* fitManyTask(payload: unknown): Generator<TaskStep, FitManyResult[], undefined> {
  const jobs = (payload as { jobs?: unknown } | null)?.jobs;
  if (!Array.isArray(jobs)) throw new ValidationError('jobs', 'wrong-type', 'must be an array of { estimator, params, X, y?, output? }');
  const out: FitManyResult[] = [];
  yield { progress: 0 };
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i] as FitManyJob;
    const entry = entryOf(job?.estimator, `jobs[${i}].estimator`);
    const t0 = performance.now();
    const model = new (entry.Cls as new (o?: unknown) => AnyModel)(job.params ?? {});
    model.fit(job.X, job.y);
    const res: FitManyResult = { ms: performance.now() - t0 };
    const output = job.output ?? 'json';
    if (output !== 'labels') res.json = model.toJSON();
    if (output !== 'json') {
      // A mixture has no `labels`: its labels are predict(X), as scikit-learn's fit_predict.
      const m = model as unknown as { labels?: ArrayLike<number>; predict?: (X: MatrixLike) => ArrayLike<number> };
      res.labels = Array.from(m.labels ?? m.predict?.(job.X) ?? []);
    }
    out.push(res);
    yield { snapshot: { index: i, result: res }, progress: (i + 1) / jobs.length };
  }
  return out;
}

/**
 * The tasks a worker runs, by name. To add heavy work that is not an estimator fit, add a
 * generator here (this module is bundled into the worker): it yields {@link TaskStep}s and
 * returns plain data.
 */
export const WORKER_TASKS: Record<string, WorkerTask> = {
  fit: fitTask,
  fitEvaluate: fitEvaluateTask,
  fitMany: fitManyTask,
  lidarClassify: lidarClassifyTask,
  'seismicClassifier.data': seismicDataTask,
  'manifold.windows': manifoldWindowsTask,
};

/** The task named `name`, or a ValidationError naming `task`. */
export function taskOf(name: unknown): WorkerTask {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(WORKER_TASKS, name)) {
    throw new ValidationError('task', 'bad-option', `${JSON.stringify(name)} is not a worker task; expected one of ${Object.keys(WORKER_TASKS).join(', ')}`);
  }
  return WORKER_TASKS[name];
}

/**
 * Rebuilds the fitted estimator from the JSON {@link runFitInWorker} resolves with (on the
 * main thread), through the class's validating `fromJSON`.
 * @throws ValidationError('json', …) for a document of an unknown estimator or a corrupt field.
 */
export function modelFromJSON<N extends WorkerEstimatorName>(json: { estimator: N } & object): WorkerEstimators[N];
export function modelFromJSON(json: unknown): WorkerEstimators[WorkerEstimatorName];
export function modelFromJSON(json: unknown): unknown {
  const name = (json as { estimator?: unknown } | null)?.estimator;
  return entryOf(name, 'json.estimator').Cls.fromJSON(json);
}
