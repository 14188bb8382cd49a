import { useMemo, useRef } from 'react';
import { sampleField } from '../common/field';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import {
  BOX,
  bowl,
  DEFAULT_STATE,
  diagnoseCurve,
  frameState,
  parabola,
  presetEta,
  PRESETS,
  runOf,
  START_1D,
  START_2D,
  STATE_CHECKS,
  statusText,
  type LearningRateExplorerState,
} from './model';

/** What the hook needs from the props. */
export interface LearningRateInputs {
  L: number;
  maxIterations: number;
  value?: LearningRateExplorerState;
  defaultValue?: Partial<LearningRateExplorerState>;
  onValueChange?: (state: LearningRateExplorerState) => void;
}

/** The explorer's state, runs, playback, status and actions. */
export function useLearningRate({ L, maxIterations, value, defaultValue, onValueChange }: LearningRateInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<LearningRateExplorerState>('LearningRateExplorer', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<LearningRateExplorerState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const etaMax = 2 / L;
  const objective = useMemo(() => (state.problem === 'parabola' ? parabola(L) : bowl(L)), [state.problem, L]);
  const start = state.problem === 'parabola' ? START_1D : START_2D;
  const field = useMemo(() => sampleField((t) => objective.loss(t), BOX, 60, 60), [objective]);
  const n = Math.min(state.iteration, maxIterations);
  const mine = useMemo(() => runOf(objective, start, state.learningRate, n), [objective, start, state.learningRate, n]);
  const presets = useMemo(() => PRESETS.map((p) => runOf(objective, start, presetEta(p, L), n)), [objective, start, L, n]);
  const done = n >= maxIterations;
  const last = mine[mine.length - 1];

  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 120,
    onFrame: () => setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + 1) })),
  });
  const actions = {
    step: () => setState((s) => ({ ...s, iteration: Math.min(maxIterations, s.iteration + 1) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => {
      setPlaying(false);
      setState((s) => ({ ...s, iteration: 0 }));
    },
    setProblem: (problem: 'parabola' | 'bowl') => setState((s) => ({ ...s, problem })),
    setLearningRate: (learningRate: number) => setState((s) => ({ ...s, learningRate })),
  };
  return {
    state,
    L,
    etaMax,
    field,
    n,
    mine,
    presets,
    last,
    done,
    playing,
    stats,
    rootRef,
    actions,
    diagnosis: diagnoseCurve(mine),
    status: statusText(state, n, maxIterations, L, last),
    frameState: frameState(last, playing, done, n),
  };
}

/** Everything {@link useLearningRate} returns. */
export type LearningRateModel = ReturnType<typeof useLearningRate>;
