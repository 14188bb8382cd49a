import { useMemo, useRef } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { countRight, DEFAULT_STATE, frameState, GRID, isStuck, staticView, STATE_CHECKS, statusText, trainedView, type XorMode, type XorNetState, type XorView } from './model';
import { useXorTraining } from './useXorTraining';

/** What the hook needs from the props. */
export interface XorInputs {
  seed: number;
  value?: XorNetState;
  defaultValue?: Partial<XorNetState>;
  onValueChange?: (state: XorNetState) => void;
  maxSteps: number;
  stepsPerFrame: number;
}

/** The view before the trained network's first snapshot (server render): nothing decided yet. */
function pendingView(hidden: number): XorView {
  return { outputs: [NaN, NaN, NaN, NaN], hidden: Array(hidden).fill(NaN), field: new Float64Array(GRID * GRID).fill(NaN), weights: null };
}

/**
 * XOR's state and everything derived from it: the view of the chosen network, the trained
 * MLP's snapshot (trained in an effect, not in render), playback, the status and the actions.
 */
export function useXorNet({ seed, value, defaultValue, onValueChange, maxSteps, stepsPerFrame }: XorInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<XorNetState>('XorNet', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<XorNetState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const trained = state.mode === 'trained';
  const target = trained ? Math.min(maxSteps, state.step) : 0;
  const snap = useXorTraining(trained ? { hidden: state.hidden, learningRate: state.learningRate, seed: seed + (state.init ?? 0) } : null, target);
  const view = useMemo(
    () => (!trained ? staticView(state) : snap ? trainedView(snap.weights, state.row) : pendingView(state.hidden)),
    // staticView reads mode, row and single only.
    [trained, state.mode, state.row, state.single, state.hidden, snap], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const diverged = snap?.divergedAt != null;
  const done = !trained || diverged || target >= maxSteps;
  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    onFrame: (_now, reducedMotion) => setState((s) => ({ ...s, step: Math.min(maxSteps, s.step + (reducedMotion ? stepsPerFrame * 10 : stepsPerFrame)) })),
  });
  const right = countRight(view.outputs);
  const set = (patch: Partial<XorNetState>) => setState((s) => ({ ...s, ...patch }));
  const restart = (patch: Partial<XorNetState>) => {
    setPlaying(false);
    set({ ...patch, step: 0 });
  };
  const actions = {
    setMode: (mode: XorMode) => {
      setPlaying(false);
      set({ mode });
    },
    setRow: (row: number) => set({ row }),
    nextRow: () => setState((s) => ({ ...s, row: (s.row + 1) % 4 })),
    setSingle: (k: 0 | 1 | 2, v: number) => setState((s) => ({ ...s, single: s.single.map((old, i) => (i === k ? v : old)) as [number, number, number] })),
    step10: () => setState((s) => ({ ...s, step: Math.min(maxSteps, s.step + 10) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => restart({}),
    setHidden: (hidden: 2 | 3) => restart({ hidden }),
    setLearningRate: (learningRate: number) => restart({ learningRate }),
    newWeights: () => restart({ init: (state.init ?? 0) + 1 }),
  };
  return {
    state,
    trained,
    target,
    snap,
    view,
    right,
    done,
    diverged,
    stuck: trained && isStuck(snap, right, done),
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(state, view, snap, maxSteps, done),
    frameState: frameState(state, snap, playing, done),
    weightSeed: seed + (state.init ?? 0),
  };
}

/** Everything {@link useXorNet} returns. */
export type XorModel = ReturnType<typeof useXorNet>;
