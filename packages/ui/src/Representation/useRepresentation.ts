import { useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { accuracyCurve, DEFAULT_STATE, fitLinear, frameState, makeRings, morphAll, nextT, STATE_CHECKS, statusText, type LinearFit, type RepresentationState } from './model';

/** What the hook needs from the props. */
export interface RepresentationInputs {
  nSamples: number;
  seed: number;
  value?: RepresentationState;
  defaultValue?: Partial<RepresentationState>;
  onValueChange?: (state: RepresentationState) => void;
}

/** Runs `f`, turning a thrown error into a message. */
function attempt<T>(f: () => T): { value: T | null; error: string | null } {
  try {
    return { value: f(), error: null };
  } catch (e) {
    return { value: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The morph's state and what follows from it: the rings, the points at t, the linear model
 * refitted on them (one L-BFGS fit, well under a millisecond for 200 points), the fits at
 * both ends, the accuracy curve over t (21 fits, once per data set), Play and the actions.
 */
export function useRepresentation({ nSamples, seed, value, defaultValue, onValueChange }: RepresentationInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<RepresentationState>('Representation', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<RepresentationState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rings = useMemo(() => makeRings(nSamples, state.noise, seed), [nSamples, state.noise, seed]);
  const ends = useMemo(() => attempt(() => ({ cart: fitLinear(morphAll(rings, 0), rings.y), polar: fitLinear(morphAll(rings, 1), rings.y), curve: accuracyCurve(rings) })), [rings]);
  const Z = useMemo(() => morphAll(rings, state.t), [rings, state.t]);
  const now = useMemo(() => attempt<LinearFit>(() => fitLinear(Z, rings.y)), [Z, rings.y]);
  const problem = ends.error ?? now.error;
  const [dir, setDir] = useState<1 | -1>(1);
  const rootRef = useRef<HTMLElement | null>(null);
  const done = dir > 0 ? state.t >= 1 : state.t <= 0;
  const { playing, setPlaying, stats, reducedMotion } = usePlayback({
    done,
    target: rootRef,
    onFrame: (_now, reduced) => setState((s) => ({ ...s, t: nextT(s.t, dir, reduced) })),
  });
  const actions = {
    togglePlay: () => {
      if (!playing) {
        if (state.t >= 1) setDir(-1);
        else if (state.t <= 0) setDir(1);
      }
      setPlaying((p) => !p);
    },
    step: () => {
      const d = state.t >= 1 ? -1 : state.t <= 0 ? 1 : dir;
      setDir(d);
      setState((s) => ({ ...s, t: nextT(s.t, d, false, 0.1) }));
    },
    reset: () => {
      setPlaying(false);
      setDir(1);
      setState((s) => ({ ...s, t: 0 }));
    },
    setT: (t: number) => {
      setPlaying(false);
      setState((s) => ({ ...s, t }));
    },
    setNoise: (noise: number) => setState((s) => ({ ...s, noise })),
  };
  return {
    state,
    rings,
    Z,
    now: now.value,
    cart: ends.value?.cart ?? null,
    polar: ends.value?.polar ?? null,
    curve: ends.value?.curve ?? [],
    problem,
    playing,
    done,
    reducedMotion,
    stats,
    rootRef,
    actions,
    status: statusText(state.t, now.value, ends.value?.cart ?? null, ends.value?.polar ?? null, problem),
    frameState: frameState(problem, playing, state.t),
  };
}

/** Everything {@link useRepresentation} returns. */
export type RepresentationModel = ReturnType<typeof useRepresentation>;
