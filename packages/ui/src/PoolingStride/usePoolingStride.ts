import { useMemo, useRef } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import {
  cellOf,
  DEFAULT_STATE,
  frameState,
  inputMap,
  outputSize,
  padded,
  pool,
  poolValue,
  problem,
  STATE_CHECKS,
  statusText,
  windowValues,
  withSetting,
  type PoolingStrideState,
} from './model';

/** What the hook needs from the props. */
export interface PoolingInputs {
  seed: number;
  value?: PoolingStrideState;
  defaultValue?: Partial<PoolingStrideState>;
  onValueChange?: (state: PoolingStrideState) => void;
}

/** The state, the maps derived from it, playback and the actions the view parts call. */
export function usePoolingStride({ seed, value, defaultValue, onValueChange }: PoolingInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<PoolingStrideState>('PoolingStride', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<PoolingStrideState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const { size, kernel, stride, padding, op } = state;
  const map = useMemo(() => inputMap(size, seed), [size, seed]);
  const pad = useMemo(() => padded(map, padding), [map, padding]);
  const out = outputSize(size, kernel, stride, padding);
  const pooled = useMemo(() => pool(map, kernel, stride, padding, op), [map, kernel, stride, padding, op]);
  const [row, col] = cellOf(state.position, out);
  const win = out > 0 ? windowValues(pad, row, col, kernel, stride) : [];
  const current = out > 0 ? poolValue(win, op) : null;
  const last = Math.max(0, out * out - 1);
  const done = out === 0 || state.position >= last;

  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 600,
    reducedInterval: 1200,
    onFrame: () => setState((s) => ({ ...s, position: Math.min(last, s.position + 1) })),
  });
  const set = (patch: Partial<Omit<PoolingStrideState, 'position'>>) => {
    setPlaying(false);
    setState((s) => withSetting(s, patch));
  };
  const actions = {
    step: () => setState((s) => ({ ...s, position: Math.min(last, s.position + 1) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => {
      setPlaying(false);
      setState((s) => ({ ...s, position: 0 }));
    },
    goTo: (i: number, j: number) => {
      setPlaying(false);
      setState((s) => ({ ...s, position: Math.min(last, Math.max(0, i * out + j)) }));
    },
    set,
  };
  return {
    state,
    map,
    pad,
    out,
    pooled,
    row,
    col,
    win,
    current,
    done,
    playing,
    stats,
    rootRef,
    actions,
    invalid: problem(state),
    status: statusText(state, out, current),
    frameState: frameState(state, out, playing),
  };
}

/** Everything {@link usePoolingStride} returns. */
export type PoolingModel = ReturnType<typeof usePoolingStride>;
