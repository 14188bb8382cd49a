import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { useReducedMotion } from '../hooks/useReducedMotion';
import {
  DEFAULT_STATE,
  fitPca,
  reconstruct,
  reconstructionError,
  shapeCloud,
  standardCloud,
  STATE_CHECKS,
  statusText,
  withAxis1,
  withAxis2,
  type PcaExplorerState,
  type PcaStep,
  type Vec2,
} from './model';

/** What the hook needs from the props. */
export interface PcaInputs {
  nSamples: number;
  seed: number;
  value?: PcaExplorerState;
  defaultValue?: Partial<PcaExplorerState>;
  onValueChange?: (state: PcaExplorerState) => void;
}

/**
 * The PCA explorer's state and what derives from it: the shaped cloud, its covariance and
 * PCA fit, the reconstruction from k components, the projection's animation (0 → 1) and
 * the actions the view parts call.
 */
export function usePcaExplorer({ nSamples, seed, value, defaultValue, onValueChange }: PcaInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<PcaExplorerState>('PcaExplorer', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<PcaExplorerState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const Z = useMemo(() => standardCloud(Math.max(0, Math.floor(nSamples)), seed), [nSamples, seed]);
  const { center, angle, spread } = state;
  const X = useMemo(() => shapeCloud(Z, { center, angle, spread }), [Z, center, angle, spread]);
  const fit = useMemo(() => fitPca(X), [X]);
  const recon = useMemo(() => reconstruct(fit, state.k), [fit, state.k]);
  const error = reconstructionError(X, recon);
  const target = state.step === 3 && state.projected ? 1 : 0;
  const t = useTween(target);
  const actions = {
    setStep: (step: PcaStep) => setState((s) => ({ ...s, step })),
    setK: (k: 1 | 2) => setState((s) => ({ ...s, k })),
    setProjected: (projected: boolean) => setState((s) => ({ ...s, projected, step: 3 })),
    moveCenter: (p: Vec2) => setState((s) => ({ ...s, center: p })),
    moveAxis1: (p: Vec2) => setState((s) => withAxis1(s, p)),
    moveAxis2: (p: Vec2) => setState((s) => withAxis2(s, p)),
    setSvd: (svd: boolean) => setState((s) => ({ ...s, svd })),
    setMatrix: (matrix: [[number, number], [number, number]]) => setState((s) => ({ ...s, matrix })),
    resetCloud: () => setState((s) => ({ ...s, center: DEFAULT_STATE.center, angle: DEFAULT_STATE.angle, spread: DEFAULT_STATE.spread })),
  };
  return { state, X, fit, recon, error, t, actions, status: statusText(fit, state, error) };
}

/** Everything {@link usePcaExplorer} returns. */
export type PcaModel = ReturnType<typeof usePcaExplorer>;

/**
 * A number that eases to `target` (0 or 1) over 600 ms when it changes (at once under
 * prefers-reduced-motion): the samples sliding onto their projection. Cancelled on unmount.
 */
function useTween(target: number): number {
  const reduced = useReducedMotion();
  const [t, setT] = useState(target);
  const from = useRef(target);
  useEffect(() => {
    if (reduced || typeof requestAnimationFrame !== 'function') {
      from.current = target;
      setT(target);
      return;
    }
    const start = performance.now();
    const t0 = from.current;
    let id = requestAnimationFrame(function frame(now) {
      const u = Math.min(1, (now - start) / 600);
      const eased = u * u * (3 - 2 * u);
      from.current = t0 + (target - t0) * eased;
      setT(from.current);
      if (u < 1) id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [target, reduced]);
  return t;
}
