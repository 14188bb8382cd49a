import { useMemo } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import {
  DEFAULT_STATE,
  decisionField,
  DOMAIN,
  fitKernel,
  fitPlane,
  lifted,
  makeData,
  planeField,
  rotated,
  STATE_CHECKS,
  statusText,
  type KernelDataset,
  type KernelName,
  type KernelTrickState,
  type LiftName,
} from './model';

/** What the hook needs from the props. */
export interface KernelInputs {
  seed: number;
  nPoints: number;
  gridSize: number;
  value?: KernelTrickState;
  defaultValue?: Partial<KernelTrickState>;
  onValueChange?: (s: KernelTrickState) => void;
}

/**
 * The kernel-trick state and what derives from it: the data, the SVC in the plane and its
 * decision field, and (two classes) the lifted points, the plane fitted in (x₁, x₂, z) and
 * that plane seen from ℝ². Each piece is memoised on what it depends on, so turning the 3-D
 * view refits nothing and dragging c refits only the plane.
 */
export function useKernelTrick({ seed, nPoints, gridSize, value, defaultValue, onValueChange }: KernelInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<KernelTrickState>('KernelTrick', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<KernelTrickState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const { dataset, kernel, sigma, C, lift, landmark } = state;
  const data = useMemo(() => makeData(dataset, seed, nPoints), [dataset, seed, nPoints]);
  const svc = useMemo(() => fitKernel(data, { kernel, sigma, C }), [data, kernel, sigma, C]);
  const field = useMemo(() => decisionField(svc, data.K, gridSize), [svc, data.K, gridSize]);
  const binary = data.K === 2;
  const lx = landmark[0];
  const ly = landmark[1];
  const liftState = useMemo(() => ({ lift, landmark: [lx, ly] as [number, number], sigma }), [lift, lx, ly, sigma]);
  const L = useMemo(() => (binary ? lifted(data, liftState) : null), [binary, data, liftState]);
  const plane = useMemo(() => (L ? fitPlane(L, data.y, C) : null), [L, data.y, C]);
  const projected = useMemo(() => (plane ? planeField(plane, liftState, gridSize) : null), [plane, liftState, gridSize]);
  const zRange = useMemo((): [number, number] => {
    if (!L) return [0, 1];
    if (lift === 'rbf') return [0, 1];
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of L) {
      lo = Math.min(lo, p[2]);
      hi = Math.max(hi, p[2]);
    }
    const pad = 0.05 * (hi - lo || 1);
    return [lo - pad, hi + pad];
  }, [L, lift]);
  const support = useMemo(() => new Set(svc.support), [svc]);
  const clampC = (p: readonly number[]): [number, number] => [
    Math.round(Math.min(DOMAIN[1], Math.max(DOMAIN[0], p[0])) * 100) / 100,
    Math.round(Math.min(DOMAIN[3], Math.max(DOMAIN[2], p[1])) * 100) / 100,
  ];
  const actions = {
    setDataset: (d: KernelDataset) => setState((s) => ({ ...s, dataset: d, lift: d === 'xor' ? 'product' : s.lift === 'product' ? 'rbf' : s.lift })),
    setKernel: (k: KernelName) => setState((s) => ({ ...s, kernel: k })),
    setSigma: (v: number) => setState((s) => ({ ...s, sigma: v })),
    setC: (v: number) => setState((s) => ({ ...s, C: v })),
    setLift: (l: LiftName) => setState((s) => ({ ...s, lift: l })),
    moveLandmark: (p: readonly number[]) => setState((s) => ({ ...s, landmark: clampC(p) })),
    rotate: (dAz: number, dEl: number) => setState((s) => ({ ...s, rotation: rotated(s.rotation, dAz, dEl) })),
  };
  return { state, data, svc, field, binary, L, plane, projected, zRange, support, gridSize, actions, status: statusText(state, svc, data, plane) };
}

/** Everything {@link useKernelTrick} returns. */
export type KernelModel = ReturnType<typeof useKernelTrick>;
