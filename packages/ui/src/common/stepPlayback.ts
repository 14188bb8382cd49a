import { useRef, type RefObject } from 'react';
import { usePlayback, type Playback } from '../hooks/usePlayback';
import type { ExplainerStateProps } from '../kit/explainerProps';

/** What a 2-D point stepper's model hook needs from its props (k-means, EM, DBSCAN). */
export interface PointStepperInputs<S> extends ExplainerStateProps<S> {
  /** The user's own points (rows [x₁, x₂]) instead of the generated data sets. */
  data?: readonly (readonly number[])[];
  /** Number of generated samples. */
  nSamples: number;
  /** Seed of the generated data. */
  seed: number;
}

/**
 * The rows of user data that are two finite numbers, as points [x₁, x₂]: a row with fewer
 * coordinates or a NaN / ±∞ is left out (the caller says so in its status if it wants).
 */
export function finitePoints(data: readonly (readonly number[])[]): [number, number][] {
  return data.filter((r) => r.length >= 2 && Number.isFinite(r[0]) && Number.isFinite(r[1])).map((r) => [r[0], r[1]]);
}

/** What {@link useStepPlayback} needs: where the precomputed run ends and how fast to play it. */
export interface StepPlaybackOptions {
  /** Whether the run is over (last step shown, or nothing to run): playing stops then. */
  done: boolean;
  /** The last step index; stepping never goes past it. */
  last: number;
  /** Least time between steps, ms, with full motion. */
  interval: number;
  /** Least time between steps under prefers-reduced-motion, ms. */
  reducedInterval: number;
}

/** What {@link useStepPlayback} returns: the playback, the root ref it watches and the shared actions. */
export interface StepPlayback<S> extends Omit<Playback, 'reducedMotion'> {
  /** The explainer's root: playback pauses while it is off-screen. */
  rootRef: RefObject<HTMLElement | null>;
  /** Stops playing, then applies `f` to the state (every edit that restarts the run). */
  stopThen: (f: (s: S) => S) => void;
  /** One step forward (nothing when done). */
  step: () => void;
  /** Play / pause. */
  togglePlay: () => void;
  /** Stops and goes back to step 0. */
  reset: () => void;
}

/**
 * Playback of a run whose steps are all computed up front (k-means, EM, DBSCAN's growth):
 * the state's `step` goes up by one per frame, up to `last`; an edit stops playing first so
 * that the new run starts from step 0 paused.
 */
export function useStepPlayback<S extends { step: number }>(setState: (f: (s: S) => S) => void, { done, last, interval, reducedInterval }: StepPlaybackOptions): StepPlayback<S> {
  const rootRef = useRef<HTMLElement | null>(null);
  const next = (s: S): S => ({ ...s, step: Math.min(last, s.step + 1) });
  const { playing, setPlaying, stats } = usePlayback({ done, target: rootRef, interval, reducedInterval, onFrame: () => setState(next) });
  const stopThen = (f: (s: S) => S) => {
    setPlaying(false);
    setState(f);
  };
  return {
    playing,
    setPlaying,
    stats,
    rootRef,
    stopThen,
    step: () => setState((s) => (done ? s : next(s))),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => stopThen((s) => ({ ...s, step: 0 })),
  };
}
