import { useEffect, useMemo, useRef, useState } from 'react';
import { HELD_OUT_LABELS, useHeldOutDigits } from '../common/mnistDigits';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { useWorkerTask } from '../worker/useWorkerFit';
import { DEFAULT_STATE, N_RANDOM, randomImages, roughness, shufflePixels, STATE_CHECKS, statusText, type ManifoldState } from './model';
import type { WindowOptions, WindowProjection } from './windows';

/** The fit worker task that draws the windows and projects them (registered in worker/registry.ts). */
export const WINDOWS_TASK = 'manifold.windows';

/** What the hook needs from the props. */
export interface ManifoldInputs {
  seed: number;
  nWindows: number;
  windowLength: number;
  value?: ManifoldState;
  defaultValue?: Partial<ManifoldState>;
  onValueChange?: (state: ManifoldState) => void;
}

/**
 * The waveform windows drawn and projected by PCA in the fit worker (the main thread's
 * fallback runs the same steps in slices) whenever an input changes; the run in progress is
 * cancelled (its worker terminated) when the inputs change again or the explainer unmounts.
 */
function useWindowProjection({ count, length, jitter, seed }: WindowOptions) {
  const task = useWorkerTask<WindowProjection>(WINDOWS_TASK, { minIntervalMs: 50 });
  // The last finished projection stays on screen while the next one is computed (dragging the jitter).
  const [shown, setShown] = useState<WindowProjection | null>(null);
  const { run, cancel } = task;
  useEffect(() => {
    run({ count, length, jitter, seed } satisfies WindowOptions).then((r) => r && setShown(r));
    return cancel;
  }, [run, cancel, count, length, jitter, seed]);
  return {
    p: shown,
    progress: task.progress,
    // Also before the first run starts (the first render): nothing to show yet.
    running: task.running || (task.result === null && task.error === null),
    error: task.error ? `Could not project the windows: ${task.error.message}` : null,
  };
}

/**
 * The manifold explainer's state and what it derives: the random images, the chosen digit
 * (shuffled or not) with the smoothness of each, and the waveform windows projected by PCA
 * (in the worker).
 */
export function useManifold({ seed, nWindows, windowLength, value, defaultValue, onValueChange }: ManifoldInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<ManifoldState>('Manifold', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<ManifoldState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const rootRef = useRef<HTMLElement>(null);
  const digitOf = useHeldOutDigits();
  const random = useMemo(() => randomImages(N_RANDOM, seed * 7919 + state.draw), [seed, state.draw]);
  const original = useMemo(() => digitOf(state.digit), [digitOf, state.digit]);
  const loaded = useMemo(() => original.some((v) => v > 0), [original]);
  const shown = useMemo(() => (state.shuffled ? shufflePixels(original, seed * 7919 + state.draw) : original), [original, state.shuffled, seed, state.draw]);
  const smooth = useMemo(() => ({ digit: roughness(original), shown: roughness(shown), random: roughness(random[0]) }), [original, shown, random]);
  const projection = useWindowProjection({ count: nWindows, length: windowLength, jitter: state.jitter, seed });
  const set = (patch: Partial<ManifoldState>) => setState((s) => ({ ...s, ...patch }));
  const actions = {
    setDigit: (digit: number) => set({ digit, shuffled: false }),
    resample: () => setState((s) => ({ ...s, draw: s.draw + 1 })),
    toggleShuffle: () => setState((s) => ({ ...s, shuffled: !s.shuffled })),
    setJitter: (jitter: number) => set({ jitter }),
    setView: (view: ManifoldState['view']) => set({ view }),
    rotate: (dAz: number, dEl: number) => setState((s) => ({ ...s, azimuth: (((s.azimuth + dAz) % 360) + 360) % 360, elevation: Math.max(-90, Math.min(90, s.elevation + dEl)) })),
  };
  const label = loaded ? HELD_OUT_LABELS[state.digit] : null;
  const error = projection.error;
  return {
    state,
    actions,
    rootRef,
    random,
    shown,
    loaded,
    label,
    smooth,
    projection: projection.p,
    /** The windows' projection in progress: its fraction done, and whether it runs (the root is then `aria-busy`). */
    projecting: { progress: projection.progress, running: projection.running },
    error,
    status: error ?? statusText(state, label, projection.p, projection.running),
    frameState: error ? ('error' as const) : ('idle' as const),
  };
}

/** Everything {@link useManifold} returns. */
export type ManifoldModel = ReturnType<typeof useManifold>;
