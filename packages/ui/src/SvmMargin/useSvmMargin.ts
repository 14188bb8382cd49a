import { useMemo, useRef } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import type { Point2 } from '../hooks/useMovable';
import {
  defaultState,
  deriveView,
  descend,
  DESCENT_START,
  DOMAIN,
  frameState,
  MAX_POINTS,
  MAX_STEPS,
  STATE_CHECKS,
  statusText,
  stepsPerFrame,
  type DescentState,
  type SvmMarginState,
  type SvmPoint,
  type SvmSolver,
  type SvmTool,
} from './model';

/** What the hook needs from the props. */
export interface SvmInputs {
  seed: number;
  value?: SvmMarginState;
  defaultValue?: Partial<SvmMarginState>;
  onValueChange?: (s: SvmMarginState) => void;
}

const clampPoint = (p: readonly number[]): [number, number] => [
  Math.round(Math.min(DOMAIN[1], Math.max(DOMAIN[0], p[0])) * 100) / 100,
  Math.round(Math.min(DOMAIN[3], Math.max(DOMAIN[2], p[1])) * 100) / 100,
];

/**
 * The SVM explainer's state and what derives from it: the exact fit (SMO, recomputed on every
 * change, sub-millisecond for ≤ 100 points), the sub-gradient descent (cached and extended
 * step by step, restarted when the data or C change), playback, status and actions.
 */
export function useSvmMargin({ seed, value, defaultValue, onValueChange }: SvmInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<SvmMarginState>('SvmMargin', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<SvmMarginState>({ value, defaultValue: { ...defaultState(seed), ...clean }, onChange: onValueChange });
  // The descent is a pure function of (points, C, iteration); keep the last one and extend it.
  const cache = useRef<{ points: SvmPoint[]; C: number; d: DescentState } | null>(null);
  const descent = useMemo(() => {
    const c = cache.current;
    const from = c && c.points === state.points && c.C === state.C && c.d.t <= state.iteration ? c.d : DESCENT_START;
    const d = state.solver === 'steps' ? descend(state.points, state.C, from, state.iteration) : from;
    cache.current = { points: state.points, C: state.C, d };
    return d;
  }, [state.points, state.C, state.iteration, state.solver]);
  const view = useMemo(() => deriveView(state, descent), [state, descent]);
  const stepping = state.solver === 'steps';
  const done = !stepping || view.problem !== null || state.iteration >= MAX_STEPS;
  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 30,
    onFrame: () => setState((s) => ({ ...s, iteration: Math.min(MAX_STEPS, s.iteration + stepsPerFrame(s.iteration)) })),
  });
  // Editing the data or C restarts the descent from w = 0, b = 0.
  const edit = (f: (s: SvmMarginState) => SvmMarginState) => setState((s) => ({ ...f(s), iteration: 0 }));
  const actions = {
    movePoint: (i: number, p: Point2) => edit((s) => ({ ...s, points: s.points.map((q, k) => (k === i ? ([...clampPoint(p), q[2]] as SvmPoint) : q)) })),
    deletePoint: (i: number) => edit((s) => ({ ...s, points: s.points.filter((_, k) => k !== i) })),
    addPoint: (p: readonly number[]) =>
      edit((s) => (s.points.length >= MAX_POINTS ? s : { ...s, points: [...s.points, [...clampPoint(p), s.addClass] as SvmPoint] })),
    setTool: (tool: SvmTool) => setState((s) => ({ ...s, tool })),
    setAddClass: (addClass: 0 | 1) => setState((s) => ({ ...s, addClass })),
    setC: (C: number) => edit((s) => ({ ...s, C })),
    setSolver: (solver: SvmSolver) => {
      setPlaying(false);
      edit((s) => ({ ...s, solver }));
    },
    step: () => setState((s) => ({ ...s, iteration: Math.min(MAX_STEPS, s.iteration + 1) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => {
      setPlaying(false);
      setState((s) => ({ ...s, iteration: 0 }));
    },
    stop: () => setPlaying(false),
  };
  return {
    state,
    view,
    playing,
    done,
    stats,
    rootRef,
    actions,
    status: statusText(state, view),
    frameState: frameState(state, view, playing),
  };
}

/** Everything {@link useSvmMargin} returns. */
export type SvmModel = ReturnType<typeof useSvmMargin>;
