import { makeLine, mseLineObjective, type Objective, type OptimizerName } from '@geolearn/algorithms';
import { useMemo, useRef } from 'react';
import { sampleField } from '../common/field';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import {
  activeOptimizers,
  DEFAULT_MOMENTUM,
  effectiveMaxIterations,
  frameState,
  lastOf,
  presetRate,
  presetStart,
  replayRuns,
  rotated,
  STATE_CHECKS,
  statusText,
  toggledOptimizer,
  type LandscapeObjectiveName,
  type LossLandscapeState,
  LANDSCAPE_OBJECTIVES,
} from './model';

/** What the hook needs from the props. */
export interface LandscapeInputs {
  data?: { x: number[]; y: number[] };
  objective?: Objective;
  seed: number;
  value?: LossLandscapeState;
  defaultValue?: Partial<LossLandscapeState>;
  onValueChange?: (state: LossLandscapeState) => void;
  /** The `maxIterations` prop, if given (else the objective's preset: 5,000 on Rosenbrock, or 100). */
  maxIterations: number | undefined;
  gridSize: number;
}

/**
 * The loss landscape's state and everything derived from it: the objective, the replayed
 * runs, the sampled fields, playback, the status, and the actions the view parts call.
 */
export function useLossLandscape({ data, objective: objectiveProp, seed, value, defaultValue, onValueChange, maxIterations: maxProp, gridSize }: LandscapeInputs) {
  const dataset = useMemo(() => data ?? makeLine({ nSamples: 30, slope: 2, intercept: 1, noise: 1.5, randomState: seed }), [data, seed]);
  const mse = useMemo(() => mseLineObjective(dataset.x, dataset.y), [dataset]);
  const clean = useMemo(() => sanitizeDefaultValue<LossLandscapeState>('LossLandscape', defaultValue, STATE_CHECKS), [defaultValue]);
  const custom = Boolean(objectiveProp);
  // The MSE (or the given objective) sets the default θ₀ from its domain; the presets have their own.
  const base = objectiveProp ?? mse;
  const initialName = custom ? undefined : (value ?? clean).objective;
  const initial: LossLandscapeState = {
    start: presetStart(initialName, base),
    learningRate: presetRate(initialName, custom),
    optimizer: 'gd',
    iteration: 0,
    ...clean,
  };
  const [state, setState] = useControllableState<LossLandscapeState>({ value, defaultValue: initial, onChange: onValueChange });
  const objectiveName: LandscapeObjectiveName = custom ? 'mse' : state.objective ?? 'mse';
  const objective = useMemo(
    () => objectiveProp ?? (objectiveName === 'mse' ? mse : LANDSCAPE_OBJECTIVES[objectiveName].make()),
    [objectiveProp, objectiveName, mse],
  );
  const domain = useMemo(() => objective.domain ?? ([-3, 3, -3, 3] as const), [objective]);
  const isMse = !custom && objectiveName === 'mse';
  const maxIterations = effectiveMaxIterations(maxProp, custom ? undefined : objectiveName);
  const momentum = state.momentum ?? DEFAULT_MOMENTUM;
  const speed = state.speed ?? 1;
  const active = activeOptimizers(state);
  const activeKey = active.join(',');
  const runs = useMemo(
    () => replayRuns(objective, state.start, state.learningRate, Math.min(state.iteration, maxIterations), activeKey.split(',') as OptimizerName[], momentum),
    [objective, state.start, activeKey, state.learningRate, state.iteration, maxIterations, momentum],
  );
  const current = lastOf(runs[0]);
  const done = runs.every((r) => lastOf(r).diverged) || state.iteration >= maxIterations;
  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, gridSize, gridSize), [objective, domain, gridSize]);
  const coarse = useMemo(() => sampleField((t) => objective.loss(t), domain, 44, 44), [objective, domain]);

  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 40,
    // `speed` steps per frame: Rosenbrock's slow crawl takes thousands of steps.
    onFrame: () => setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + (s.speed ?? 1)) })),
  });

  const clamp = (p: readonly number[]): [number, number] => [
    Math.min(domain[1], Math.max(domain[0], p[0])),
    Math.min(domain[3], Math.max(domain[2], p[1])),
  ];
  const stopThen = (f: (s: LossLandscapeState) => LossLandscapeState) => {
    setPlaying(false);
    setState(f);
  };
  const actions = {
    step: () => setState((s) => (done ? s : { ...s, iteration: s.iteration + 1 })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => stopThen((s) => ({ ...s, iteration: 0 })),
    moveStart: (p: readonly number[]) => stopThen((s) => ({ ...s, start: clamp(p), iteration: 0 })),
    rotate: (dAz: number, dEl: number) => setState((s) => rotated(s, dAz, dEl)),
    setView: (surface: boolean) => setState((s) => ({ ...s, view: surface ? 'surface' : 'contours' })),
    setLearningRate: (learningRate: number) => setState((s) => ({ ...s, learningRate, iteration: 0 })),
    chooseObjective: (name: LandscapeObjectiveName) =>
      stopThen((s) => ({ ...s, objective: name, start: presetStart(name, base), learningRate: presetRate(name, custom), iteration: 0 })),
    toggleOptimizer: (name: OptimizerName, on: boolean) => stopThen((s) => toggledOptimizer(s, name, on)),
    setMomentum: (m: number) => setState((s) => ({ ...s, momentum: m, iteration: 0 })),
    setSpeed: (v: number) => setState((s) => ({ ...s, speed: v })),
    stop: () => setPlaying(false),
  };
  return {
    state,
    dataset,
    objective,
    objectiveName,
    isMse,
    domain,
    active,
    maxIterations,
    momentum,
    speed,
    runs,
    current,
    done,
    field,
    coarse,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(runs, state, maxIterations),
    frameState: frameState(runs, state, playing, done),
  };
}

/** Everything {@link useLossLandscape} returns. */
export type LandscapeModel = ReturnType<typeof useLossLandscape>;
