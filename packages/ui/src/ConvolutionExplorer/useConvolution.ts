import { useMemo, useRef } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { convolve2d, convolveAt, digitImage, gridFrom, KERNELS, seismicSection, windowProducts, type ExplorerImage, type Grid, type KernelPreset } from './convolve';
import { BASE_RATE, DEFAULT_STATE, frameState, STATE_CHECKS, statusText, type ConvolutionExplorerState } from './model';

/** What the hook needs from the props. */
export interface ConvolutionInputs {
  seed: number;
  value?: ConvolutionExplorerState;
  defaultValue?: Partial<ConvolutionExplorerState>;
  onValueChange?: (state: ConvolutionExplorerState) => void;
  pixelsPerFrame?: number;
}

/**
 * The explorer's state and everything derived from it: the image, the kernel, the whole
 * output, the current window's products, playback at the chosen speed, and the actions.
 */
export function useConvolution({ seed, value, defaultValue, onValueChange, pixelsPerFrame }: ConvolutionInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<ConvolutionExplorerState>('ConvolutionExplorer', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<ConvolutionExplorerState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const image: Grid = useMemo(() => (state.image === 'digit' ? digitImage() : seismicSection(40, seed)), [state.image, seed]);
  const kernel: Grid = useMemo(() => gridFrom(state.kernel), [state.kernel]);
  const output = useMemo(() => convolve2d(image, kernel), [image, kernel]);
  const total = image.rows * image.cols;
  const pos = Math.max(0, Math.min(total, Math.round(state.position)));
  const done = pos >= total;
  const ci = Math.min(total - 1, pos);
  const [pi, pj] = [Math.floor(ci / image.cols), ci % image.cols];
  const here = useMemo(() => convolveAt(image, kernel, pi, pj), [image, kernel, pi, pj]);
  const products = useMemo(() => windowProducts(image, kernel, pi, pj), [image, kernel, pi, pj]);
  const speed = state.speed ?? 1;

  // Playback: output pixels advance with elapsed time (speed × BASE_RATE per second), the
  // fraction carried over, so the speed does not depend on the display's frame rate.
  const rootRef = useRef<HTMLElement | null>(null);
  const clock = useRef<{ last: number | null; carry: number }>({ last: null, carry: 0 });
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    onFrame: (now) => {
      let n: number;
      if (pixelsPerFrame !== undefined) n = pixelsPerFrame;
      else {
        const c = clock.current;
        const dt = c.last === null ? 1000 / BASE_RATE / Math.max(speed, 1e-3) : Math.min(500, now - c.last);
        c.last = now;
        c.carry += (dt / 1000) * BASE_RATE * speed;
        n = Math.floor(c.carry);
        c.carry -= n;
      }
      if (n > 0) setState((s) => ({ ...s, position: Math.min(total, s.position + n) }));
    },
  });

  const stop = () => {
    setPlaying(false);
    clock.current = { last: null, carry: 0 };
  };
  const moveTo = (p: number) => {
    stop();
    setState((s) => ({ ...s, position: Math.max(0, Math.min(total - 1, p)) }));
  };
  const actions = {
    step: () => setState((s) => ({ ...s, position: Math.min(total, s.position + 1) })),
    togglePlay: () => {
      clock.current = { last: null, carry: 0 };
      setPlaying((p) => !p);
    },
    finish: () => {
      stop();
      setState((s) => ({ ...s, position: total }));
    },
    reset: () => {
      stop();
      setState((s) => ({ ...s, position: 0 }));
    },
    moveTo,
    moveToCell: (i: number, j: number) => moveTo(Math.max(0, Math.min(image.rows - 1, i)) * image.cols + Math.max(0, Math.min(image.cols - 1, j))),
    setSpeed: (v: number) => setState((s) => ({ ...s, speed: v })),
    setImage: (v: ExplorerImage) => setState((s) => ({ ...s, image: v, position: 0 })),
    setPreset: (p: KernelPreset) => setState((s) => ({ ...s, preset: p, kernel: KERNELS[p].rows })),
    setCell: (r: number, c: number, v: number) =>
      setState((s) => ({ ...s, preset: 'custom', kernel: s.kernel.map((row, i) => (i === r ? row.map((old, j) => (j === c ? v : old)) : row)) })),
  };
  return {
    state,
    image,
    kernel,
    output,
    total,
    pos,
    done,
    pi,
    pj,
    here,
    products,
    speed,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(pos, total, pi, pj, here.terms.length, here.value),
    frameState: frameState(pos, total, playing),
  };
}

/** Everything {@link useConvolution} returns. */
export type ConvolutionModel = ReturnType<typeof useConvolution>;
