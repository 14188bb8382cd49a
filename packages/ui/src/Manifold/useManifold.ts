import { useMemo, useRef } from 'react';
import { HELD_OUT_LABELS, useHeldOutDigits } from '../common/mnistDigits';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { DEFAULT_STATE, makeWindows, N_RANDOM, projectWindows, randomImages, roughness, shufflePixels, STATE_CHECKS, statusText, type ManifoldState } from './model';

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
 * The manifold explainer's state and what it derives: the random images, the chosen digit
 * (shuffled or not) with the smoothness of each, and the waveform windows projected by PCA.
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
  const projection = useMemo(() => {
    try {
      return { p: projectWindows(makeWindows({ count: nWindows, length: windowLength, jitter: state.jitter, seed })), error: null };
    } catch (e) {
      return { p: null, error: `Could not project the windows: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [nWindows, windowLength, state.jitter, seed]);
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
    error,
    status: error ?? statusText(state, label, projection.p),
    frameState: error ? ('error' as const) : ('idle' as const),
  };
}

/** Everything {@link useManifold} returns. */
export type ManifoldModel = ReturnType<typeof useManifold>;
