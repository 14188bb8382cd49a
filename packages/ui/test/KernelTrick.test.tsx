import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sliderRange, SVC } from '@geolearn/algorithms';
import { KernelTrick, type KernelTrickState } from '../src';
import { C_SLIDER, decisionField, fitKernel, gridPoints, fitPlane, gammaOf, lifted, liftZ, makeData, rotated, SIGMA_SLIDER, STATE_CHECKS } from '../src/KernelTrick/model';
import { planeInCube, project } from '../src/KernelTrick/project3d';
import { contourPath } from '../src/SvmMargin/contour';

afterEach(cleanup);

describe('KernelTrick model', () => {
  it('uses γ = 1/(2σ²) and the slides’ RBF feature', () => {
    expect(gammaOf(1)).toBe(0.5);
    expect(gammaOf(0.5)).toBe(2);
    // Hand-worked: ‖(1, 1) − (0, 0)‖² = 2, σ = 1: z = exp(−2/2) = e⁻¹.
    expect(liftZ('rbf', 1, 1, [0, 0], 1)).toBeCloseTo(Math.exp(-1), 12);
    expect(liftZ('radius', 1, 2, [0, 0], 1)).toBe(5);
    expect(liftZ('product', -2, 3, [0, 0], 1)).toBe(-6);
  });

  it('no line separates the circles, but a plane in (x₁, x₂, z) does', () => {
    const data = makeData('circles', 0);
    const linear = fitKernel(data, { kernel: 'linear', sigma: 1, C: 1 });
    const lin = linear.predict(data.X).filter((v, i) => v === data.y[i]).length / data.y.length;
    expect(lin).toBeLessThan(0.8);
    const plane = fitPlane(lifted(data, { lift: 'rbf', landmark: [0, 0], sigma: 1 }), data.y, 1);
    expect(plane.accuracy).toBe(1);
    const radius = fitPlane(lifted(data, { lift: 'radius', landmark: [0, 0], sigma: 1 }), data.y, 1);
    expect(radius.accuracy).toBe(1);
  });

  it('separates XOR with the x₁x₂ lift and the RBF kernel', () => {
    const data = makeData('xor', 0);
    expect(fitPlane(lifted(data, { lift: 'product', landmark: [0, 0], sigma: 1 }), data.y, 1).accuracy).toBeGreaterThan(0.95);
    const rbf = fitKernel(data, { kernel: 'rbf', sigma: 1, C: 1 });
    expect(rbf.predict(data.X).filter((v, i) => v === data.y[i]).length / data.y.length).toBeGreaterThan(0.95);
  });

  it('matches SVC with gamma = 1/(2σ²) on the field (numbers are SVC’s)', () => {
    const data = makeData('circles', 0);
    const svc = fitKernel(data, { kernel: 'rbf', sigma: 0.7, C: 2 });
    const ref = new SVC({ kernel: 'rbf', gamma: 1 / (2 * 0.49), C: 2 }).fit(data.X, data.y);
    expect(svc.support).toEqual(ref.support);
    const f = decisionField(svc, 2, 10);
    const g = ref.decisionFunction([[2.7, 2.7]]) as number[];
    expect(f.raw[9]).toBeCloseTo(g[0], 9);
  });

  it('paints one-vs-one regions for 3 and 4 classes', () => {
    for (const [name, K] of [['blobs3', 3], ['blobs4', 4]] as const) {
      const data = makeData(name, 0);
      expect(new Set(data.y).size).toBe(K);
      const f = decisionField(fitKernel(data, { kernel: 'rbf', sigma: 1, C: 1 }), K, 20);
      expect(f.kind).toBe('classes');
      expect(new Set(Array.from(f.raw)).size).toBe(K);
    }
  });

  it('computes the same field as svc.decisionFunction / predict, for every kernel', () => {
    for (const kernel of ['linear', 'poly', 'rbf'] as const) {
      const bin = makeData('xor', 0);
      const s2 = fitKernel(bin, { kernel, sigma: 0.8, C: 1 });
      const f2 = decisionField(s2, 2, 15);
      const ref2 = s2.decisionFunction(gridPoints(15)) as number[];
      ref2.forEach((v, q) => expect(f2.raw[q]).toBeCloseTo(v, 8));
      const multi = makeData('blobs4', 0);
      const s4 = fitKernel(multi, { kernel, sigma: 0.8, C: 1 });
      const f4 = decisionField(s4, 4, 15);
      expect(Array.from(f4.raw)).toEqual(s4.predict(gridPoints(15)));
    }
  });

  it('stays finite at the σ and C slider ends', () => {
    const data = makeData('circles', 0);
    for (const sigma of [0.05, 5])
      for (const C of [0.01, 100]) {
        const f = decisionField(fitKernel(data, { kernel: 'rbf', sigma, C }), 2, 12);
        expect(Array.from(f.raw).every(Number.isFinite)).toBe(true);
      }
  });

  it('cuts the cube with a plane and projects', () => {
    const cam = { azimuth: 0, elevation: 90, cx: 0, cy: 0, scale: 1 };
    // Seen from above, the plane t = 0 is the whole square.
    expect(planeInCube([0, 0, 1], 0, cam)).toHaveLength(4);
    expect(planeInCube([0, 0, 1], 5, cam)).toHaveLength(0);
    const [x, y] = project(1, 0, 0, cam);
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(0, 12);
    expect(rotated([350, 80], 15, 10)).toEqual([5, 85]);
  });

  it('traces a contour with marching squares', () => {
    // f = x over a 4 × 4 grid of centres: the 0-level is the vertical line halfway.
    const v = Array.from({ length: 16 }, (_, k) => (k % 4) - 1.5);
    const d = contourPath(v, 4, 0, 40, 40);
    // Three cell segments, joined into one polyline from top to bottom (or back).
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d.replace(/[ML]/g, ' ').trim().split(' ').sort()).toEqual(['20.0,15.0', '20.0,25.0', '20.0,35.0', '20.0,5.0']);
  });

  // The time of one drag frame (refit + field) is measured in Chromium by `pnpm bench`
  // (test/bench/drag-frame.bench.ts), not here: tests are not timed.
  it('fits 100 points and a 200 × 200 field', () => {
    const data = makeData('circles', 1);
    const X = [...data.X, ...makeData('circles', 2).X.slice(0, 20)];
    const y = [...data.y, ...makeData('circles', 2).y.slice(0, 20)];
    const svc = fitKernel({ X, y, K: 2 }, { kernel: 'rbf', sigma: 1, C: 1 });
    const field = decisionField(svc, 2, 200);
    expect(X).toHaveLength(100);
    expect(field.raw.length).toBe(200 * 200);
    expect(field.raw.every(Number.isFinite)).toBe(true);
  });
});

describe('KernelTrick component', () => {
  it('renders the field, boundary, projected plane, 3-D lift and support vectors', () => {
    render(<KernelTrick />);
    expect(screen.getByTestId('status').textContent).toMatch(/^RBF kernel, σ = 1 \(γ = 0.5\), C = 1: \d+ support vectors, training accuracy 100 %. The plane in \(x₁, x₂, z\) separates 100 %./);
    expect(screen.getByTestId('kernel-boundary').getAttribute('d')).toMatch(/^M/);
    expect(screen.getByTestId('projected-plane').getAttribute('d')).toMatch(/^M/);
    expect(screen.getByTestId('plane')).toBeTruthy();
    expect(document.querySelectorAll('[data-testid="sv-ring"]').length).toBe(Number(screen.getByTestId('status').getAttribute('data-support')));
    expect(screen.getByTestId('sigma-value').textContent).toBe('1 (γ = 0.5)');
  });

  it('switches kernel and rotates the 3-D view from the keyboard', () => {
    const onValueChange = vi.fn();
    render(<KernelTrick onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Linear' }));
    expect(screen.getByTestId('status').textContent).toMatch(/^Linear kernel/);
    const view = screen.getByRole('button', { name: /3-D view from azimuth 30° and elevation 25°/ });
    fireEvent.keyDown(view, { key: 'ArrowRight' });
    fireEvent.keyDown(view, { key: 'ArrowUp', shiftKey: true });
    expect((onValueChange.mock.lastCall![0] as KernelTrickState).rotation).toEqual([35, 40]);
  });

  it('moves the lift centre c from the keyboard: the plane refits', () => {
    const onValueChange = vi.fn();
    render(<KernelTrick onValueChange={onValueChange} />);
    fireEvent.keyDown(screen.getByRole('button', { name: /Centre c of the lifted feature/ }), { key: 'ArrowRight' });
    expect((onValueChange.mock.lastCall![0] as KernelTrickState).landmark).toEqual([0.1, 0]);
  });

  it('shows one-vs-one regions for 4 blobs, without the 3-D lift', () => {
    render(<KernelTrick defaultValue={{ dataset: 'blobs4' }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/^One-vs-one: 6 SVMs for 4 classes/);
    expect(screen.queryByTestId('lift-view')).toBeNull();
    expect(screen.getByTestId('status').getAttribute('data-classes')).toBe('4');
  });

  it('is an Explainer: ref and rest props on the root, size message for a bad height', () => {
    const ref = { current: null as HTMLElement | null };
    render(<KernelTrick ref={ref} id="kt" data-course="4" theme="dark" />);
    const fig = screen.getByRole('figure', { name: 'The kernel trick' });
    expect(ref.current).toBe(fig);
    expect(fig.id).toBe('kt');
    expect(fig.getAttribute('data-course')).toBe('4');
    expect(fig.getAttribute('data-theme')).toBe('dark');
    cleanup();
    render(<KernelTrick height={Number.NaN} />);
    expect(screen.getByRole('figure').textContent).toMatch(/height must be a positive number/);
  });

  it('keeps σ finite at the slider ends', () => {
    const onValueChange = vi.fn();
    render(<KernelTrick onValueChange={onValueChange} />);
    const s = screen.getByRole('slider', { name: /Width σ/ });
    fireEvent.keyDown(s, { key: 'Home' });
    expect((onValueChange.mock.lastCall![0] as KernelTrickState).sigma).toBe(0.05);
    expect(screen.getByTestId('status').textContent).toMatch(/σ = 0.05 \(γ = 200\)/);
    fireEvent.keyDown(s, { key: 'End' });
    expect(screen.getByTestId('status').textContent).toMatch(/σ = 5 \(γ = 0.02\)/);
  });
});

describe('KernelTrick sliders from SVC.paramSpec', () => {
  it('reads C from SVC.C and σ from SVC.gamma shown as σ = 1/√(2γ)', () => {
    const c = sliderRange(SVC.paramSpec.C)!;
    const g = sliderRange(SVC.paramSpec.gamma)!;
    expect(C_SLIDER.scale).toBe('log');
    expect(C_SLIDER.min).toBeGreaterThanOrEqual(c.min);
    expect(C_SLIDER.max).toBeLessThanOrEqual(c.max);
    // σ's ends map to γ's inside SVC's γ range (a larger σ is a smaller γ).
    expect(gammaOf(SIGMA_SLIDER.max)).toBeGreaterThanOrEqual(g.min);
    expect(gammaOf(SIGMA_SLIDER.min)).toBeLessThanOrEqual(g.max);
    render(<KernelTrick />);
    const sigma = screen.getByTestId('sigma-slider');
    expect(Number(sigma.getAttribute('min'))).toBeCloseTo(Math.log10(SIGMA_SLIDER.min), 12);
    expect(Number(sigma.getAttribute('max'))).toBeCloseTo(Math.log10(SIGMA_SLIDER.max), 12);
    const cInput = screen.getByRole('slider', { name: 'Penalty C' });
    expect(Number(cInput.getAttribute('min'))).toBeCloseTo(Math.log10(C_SLIDER.min), 12);
    expect(Number(cInput.getAttribute('max'))).toBeCloseTo(Math.log10(C_SLIDER.max), 12);
    expect(STATE_CHECKS.sigma(SIGMA_SLIDER.min)).toBe(true);
    expect(STATE_CHECKS.sigma(SIGMA_SLIDER.max * 1.01)).toBe(false);
    expect(STATE_CHECKS.C(C_SLIDER.min / 2)).toBe(false);
  });
});
