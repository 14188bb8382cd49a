import type { TreeNode } from '@geolearn/algorithms';
import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { isAbortError, runFitInWorker } from '../worker/runFit';
import {
  classField,
  columnMedian,
  DEFAULT_STATE,
  forestData,
  forestProba,
  forestStatus,
  frameState,
  growTree,
  loadData,
  nodeBoxes,
  plotDomain,
  plotFeatures,
  STATE_CHECKS,
  treeStatus,
  treeVotes,
  voteCounts,
  visibleNodes,
  type ForestTree,
  type TreeAndForestState,
} from './model';

/** What the hook needs from the props. */
export interface TreeInputs {
  seed: number;
  value?: TreeAndForestState;
  defaultValue?: Partial<TreeAndForestState>;
  onValueChange?: (s: TreeAndForestState) => void;
  /** Run the forest fit in a Web Worker (default true; false: main thread in slices). */
  worker?: boolean;
}

const NO_NODES: readonly TreeNode[] = [];

/** Cells per side of the forest's decision field. */
const FIELD = 64;

/** The fitted forest as the view needs it: trees (JSON) and how long the refit took. */
interface Forest {
  /** The data it was fitted on (a forest of other data is not shown while the new one fits). */
  dataKey: string;
  trees: ForestTree[];
  K: number;
  /** Refit time, ms: from the worker's first report (it has started and read the data) to the trees on this thread. */
  ms: number;
  /** The same from the request, ms (adds the worker's start). */
  totalMs: number;
}

/** The progress of the forest's fit, for FitProgress. */
interface FitState {
  progress: number | null;
  running: boolean;
  error: Error | null;
}

/**
 * The forest, fitted off the main thread (`runFitInWorker`; a new run cancels the last, and
 * unmounting cancels it) whenever the forest mode is on and its inputs change. The refit time
 * is measured from the worker's first progress report, so that the worker's own start-up
 * (loading its script) is reported apart.
 */
function useForest(state: TreeAndForestState, X2: number[][], y: number[], seed: number, worker: boolean, enabled: boolean) {
  const [fit, setFit] = useState<FitState>({ progress: null, running: false, error: null });
  const [forest, setForest] = useState<Forest | null>(null);
  const dataKey = JSON.stringify([state.dataset, plotFeatures(state), state.dataset === 'iris' ? 0 : state.nSamples, seed]);
  const key = JSON.stringify([dataKey, state.nTrees, state.maxDepth, state.minSamplesLeaf, state.criterion]);
  const latest = useRef({ X2, y, state });
  latest.current = { X2, y, state };
  useEffect(() => {
    if (!enabled) return;
    const { X2: X, y: labels, state: s } = latest.current;
    const controller = new AbortController();
    const t0 = performance.now();
    let started: number | null = null;
    setFit({ progress: 0, running: true, error: null });
    const params = { nEstimators: Math.max(1, s.nTrees), maxDepth: s.maxDepth, minSamplesLeaf: s.minSamplesLeaf, criterion: s.criterion, randomState: seed };
    runFitInWorker(
      { estimator: 'RandomForestClassifier', params, X, y: labels },
      {
        worker,
        signal: controller.signal,
        onProgress: (p) => {
          started ??= performance.now();
          setFit((f) => ({ ...f, progress: p }));
        },
      },
    ).then(
      (json) => {
        const t1 = performance.now();
        setForest({ dataKey, trees: json.estimators, K: json.classes.length, ms: t1 - (started ?? t0), totalMs: t1 - t0 });
        setFit({ progress: 1, running: false, error: null });
      },
      (e: unknown) => {
        if (!isAbortError(e)) setFit({ progress: null, running: false, error: e instanceof Error ? e : new Error(String(e)) });
      },
    );
    return () => controller.abort();
  }, [enabled, key, dataKey, seed, worker]);
  return { forest: forest && forest.dataKey === dataKey ? forest : null, fit };
}

/**
 * The tree-and-forest explainer's state and what derives from it: the data, the tree grown in
 * full by `fitSteps` (sub-millisecond on iris) and revealed node by node, the partition's held
 * values, playback, the forest (worker) and its votes at the dragged point.
 */
export function useTreeAndForest({ seed, value, defaultValue, onValueChange, worker = true }: TreeInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<TreeAndForestState>('TreeAndForest', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<TreeAndForestState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const [focus, setFocus] = useState<number | null>(null);
  const data = useMemo(() => loadData(state.dataset, state.nSamples, seed), [state.dataset, state.nSamples, seed]);
  const f = plotFeatures(state);
  const [f0, f1] = f;
  const domain = useMemo(() => plotDomain(data.X, [f0, f1]), [data, f0, f1]);
  const held = useMemo(() => data.X[0].map((_, j) => columnMedian(data.X, j)), [data]);
  const { maxDepth, minSamplesLeaf, criterion } = state;
  const tree = useMemo(() => growTree(data, { maxDepth, minSamplesLeaf, criterion }, seed), [data, maxDepth, minSamplesLeaf, criterion, seed]);
  const problem = typeof tree === 'string' ? tree : null;
  const nodes = typeof tree === 'string' ? NO_NODES : tree.nodes;
  const total = nodes.length;
  const grown = Math.min(state.grown, total);
  const vis = useMemo(() => visibleNodes(nodes, grown), [nodes, grown]);
  const boxes = useMemo(() => nodeBoxes(nodes, data.X[0].length), [nodes, data]);

  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done: grown >= total || state.mode !== 'tree',
    target: rootRef,
    interval: 450,
    reducedInterval: 900,
    onFrame: () => setState((s) => ({ ...s, grown: Math.min(total, Math.min(s.grown, total) + 1) })),
  });

  const X2 = useMemo(() => forestData(data, [f0, f1]), [data, f0, f1]);
  const { forest: fitted, fit } = useForest(state, X2, data.y, seed, worker, state.mode === 'forest' && !problem);
  const forest = state.mode === 'forest' && !problem ? fitted : null;
  const K = data.classNames.length;
  const votes = useMemo(() => (forest && forest.trees.length ? treeVotes(forest.trees, state.query, forest.K) : null), [forest, state.query]);
  const counts = votes ? voteCounts(votes, forest!.K) : null;
  const field = useMemo(() => (forest ? classField((x) => forestProba(forest.trees, x, forest.K), domain, FIELD, forest.K) : null), [forest, domain]);

  const edit = (g: (s: TreeAndForestState) => TreeAndForestState) => setState((s) => g(s));
  const actions = {
    set: <K extends keyof TreeAndForestState>(k: K, v: TreeAndForestState[K]) => {
      if (k !== 'grown' && k !== 'query' && k !== 'mode' && k !== 'nTrees') setFocus(null);
      edit((s) => ({ ...s, [k]: v }));
    },
    setDataset: (dataset: TreeAndForestState['dataset']) => {
      setPlaying(false);
      setFocus(null);
      const d = loadData(dataset, state.nSamples, seed);
      const fp = dataset === 'iris' ? state.features : ([0, 1] as [number, number]);
      const dom = plotDomain(d.X, fp);
      edit((s) => ({ ...s, dataset, query: [(dom[0] + dom[1]) / 2, (dom[2] + dom[3]) / 2] }));
    },
    setFeature: (axis: 0 | 1, feat: number) =>
      edit((s) => {
        const other = s.features[1 - axis];
        if (feat === other) return s;
        const features: [number, number] = axis === 0 ? [feat, other] : [other, feat];
        const dom = plotDomain(data.X, features);
        return { ...s, features, query: [(dom[0] + dom[1]) / 2, (dom[2] + dom[3]) / 2] };
      }),
    moveQuery: (p: readonly number[]) => edit((s) => ({ ...s, query: [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100] })),
    step: () => edit((s) => ({ ...s, grown: Math.min(total, Math.min(s.grown, total) + 1) })),
    togglePlay: () => {
      if (!playing && grown >= total) edit((s) => ({ ...s, grown: 0 }));
      setPlaying((p) => !p);
    },
    reset: () => {
      setPlaying(false);
      edit((s) => ({ ...s, grown: 0 }));
    },
    setFocus,
  };
  const status = problem ?? (state.mode === 'tree' && typeof tree !== 'string' ? treeStatus(tree, grown, data, state.criterion) : forestStatus(state.nTrees, counts, data.classNames, fit.running));
  return {
    state,
    data,
    features: f,
    domain,
    held,
    tree: typeof tree === 'string' ? null : tree,
    problem,
    grown,
    total,
    vis,
    boxes,
    focus,
    playing,
    stats,
    rootRef,
    forest,
    fit,
    votes,
    counts,
    field,
    K,
    actions,
    status,
    frameState: frameState(problem, playing, grown, total, state.mode),
  };
}

/** Everything {@link useTreeAndForest} returns. */
export type TreeModel = ReturnType<typeof useTreeAndForest>;
