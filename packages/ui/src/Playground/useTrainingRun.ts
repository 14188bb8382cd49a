import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { PlaygroundState } from './state';
import { PlaygroundTrainer } from './trainer';

/** Mini-batch steps a change may train synchronously, before the frame is painted (one Play frame of a big network is about 50). */
export const SYNC_STEPS = 2_000;
/** Time a replay slice may train per animation frame, ms. */
export const SLICE_MS = 12;
/** Least time between redraws during a long replay, ms. */
export const REDRAW_MS = 200;

/** What {@link useTrainingRun} gives the view. */
export interface TrainingRun {
  /** The run, at `trainer.epoch` (behind the state's epoch while replaying). */
  trainer: PlaygroundTrainer;
  /** The epoch being replayed to, while a long replay runs between frames; null otherwise. */
  replayingTo: number | null;
}

// Layout effects warn on a server; there, nothing trains anyway.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * The training run of a state, kept outside render. Render only builds a fresh (untrained)
 * network when the configuration changes, which is cheap. Training happens in a layout
 * effect: a small gap (a Step, a Play frame, an edit) synchronously before paint, a long one
 * (a permalink's `epoch=100000`) in slices of {@link SLICE_MS} between animation frames,
 * so the page never freezes. The target is capped at `maxEpochs`.
 */
export function useTrainingRun(state: PlaygroundState, maxEpochs: number): TrainingRun {
  const ref = useRef<PlaygroundTrainer | null>(null);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const target = Math.max(0, Math.min(state.epoch, maxEpochs));
  let t = ref.current;
  if (!t || !t.canReach(state, target)) {
    t = new PlaygroundTrainer(state);
    ref.current = t;
  }
  const pending = pendingWork(t, state, target);

  useIsoLayoutEffect(() => {
    const run = ref.current;
    if (!run || !pendingWork(run, state, target)) return;
    if ((target - run.epoch) * run.stepsPerEpoch <= SYNC_STEPS) {
      run.syncTo(state, target);
      bump();
      return;
    }
    let id = 0;
    let shown = performance.now();
    const slice = () => {
      const done = run.syncTo(state, target, { deadline: performance.now() + SLICE_MS });
      // Redraw (progress, pictures) at most every REDRAW_MS: the frames stay free for training and the page.
      if (done || performance.now() - shown >= REDRAW_MS) {
        shown = performance.now();
        bump();
      }
      if (!done) id = requestAnimationFrame(slice);
    };
    id = requestAnimationFrame(slice);
    return () => cancelAnimationFrame(id);
  }, [state, target]);

  // No disposal on unmount: the plain engine holds no tensors (nothing outlives the
  // component but this garbage-collected object), and the slices' frame is cancelled above.
  const long = pending && (target - t.epoch) * t.stepsPerEpoch > SYNC_STEPS;
  return { trainer: t, replayingTo: long ? target : null };
}

/** Whether the run is behind the state (epochs or edits due). */
function pendingWork(t: PlaygroundTrainer, s: PlaygroundState, target: number): boolean {
  if (t.epoch < target) return true;
  const applied = t.appliedCount;
  return applied < s.edits.length && s.edits[applied].at <= Math.max(target, t.epoch);
}
