import { useMemo, useRef } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import {
  backward,
  DEFAULT_STATE,
  finiteDifference,
  forward,
  frameState,
  initialTheta,
  MAX_ITERATIONS,
  PHASES,
  position,
  STATE_CHECKS,
  statusText,
  thetaAfter,
  update,
  type BackpropagationState,
} from './model';

/** What the hook needs from the props. */
export interface BackpropInputs {
  value?: BackpropagationState;
  defaultValue?: Partial<BackpropagationState>;
  onValueChange?: (state: BackpropagationState) => void;
}

/** The state, the forward and backward values at the current θ, the gradient check, playback and actions. */
export function useBackpropagation({ value, defaultValue, onValueChange }: BackpropInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<BackpropagationState>('Backpropagation', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<BackpropagationState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const { iteration, phase } = position(state.step);
  const theta0 = useMemo(() => initialTheta(state.seed), [state.seed]);
  const [x1, x2] = state.x;
  const theta = useMemo(() => thetaAfter(theta0, iteration, [x1, x2], state.y, state.learningRate), [theta0, iteration, x1, x2, state.y, state.learningRate]);
  const f = forward(theta, state.x, state.y);
  const b = backward(theta, state.x, state.y, f);
  const next = update(theta, b.grad, state.learningRate);
  const fd = finiteDifference(theta, state.selected, state.x, state.y, state.h);
  const last = MAX_ITERATIONS * PHASES.length;
  const done = state.step >= last;

  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 700,
    reducedInterval: 1400,
    onFrame: () => setState((s) => ({ ...s, step: Math.min(last, s.step + 1) })),
  });
  const restart = (patch: Partial<BackpropagationState>) => {
    setPlaying(false);
    setState((s) => ({ ...s, ...patch, step: 0 }));
  };
  const actions = {
    step: () => setState((s) => ({ ...s, step: Math.min(last, s.step + 1) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => restart({}),
    select: (selected: number) => setState((s) => ({ ...s, selected })),
    setH: (h: number) => setState((s) => ({ ...s, h })),
    setLearningRate: (learningRate: number) => restart({ learningRate }),
    setInput: (i: 0 | 1, v: number) => restart({ x: (i === 0 ? [v, state.x[1]] : [state.x[0], v]) as [number, number] }),
    setTarget: (y: number) => restart({ y }),
    newWeights: () => restart({ seed: state.seed + 1 }),
  };
  return {
    state,
    iteration,
    phase,
    theta,
    forward: f,
    backward: b,
    next,
    fd,
    done,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(state, f, b, next),
    frameState: frameState(state, playing, done),
  };
}

/** Everything {@link useBackpropagation} returns. */
export type BackpropModel = ReturnType<typeof useBackpropagation>;
