import { LogisticRegression } from '@geolearn/algorithms';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Representation } from '../src/Representation';
import { cartBoundaryAt, cartScaled, fitLinear, lineInSquare, makeRings, morph, morphAll, nextT, polarBoundaryAt, polarScaled, type Pt } from '../src/Representation/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('Representation model', () => {
  it('maps a point by hand: (0, 0.6) with R = 1.2', () => {
    // r = 0.6, θ = π/2. Scaled: x̃ = (0, 0.5), p̃ = (2·0.6/1.2 − 1, ½) = (0, 0.5): the same place.
    const x: Pt = [0, 0.6];
    const p: Pt = [0.6, Math.PI / 2];
    expect(cartScaled(x, 1.2)).toEqual([0, 0.5]);
    expect(polarScaled(p, 1.2)[0]).toBeCloseTo(0, 12);
    expect(polarScaled(p, 1.2)[1]).toBeCloseTo(0.5, 12);
    // (1.2, 0): x̃ = (1, 0), p̃ = (1, 0). (−1.2, 0): x̃ = (−1, 0), p̃ = (1, 1), halfway (0, 0.5).
    const m = morph([-1.2, 0], [1.2, Math.PI], 1.2, 0.5);
    expect(m[0]).toBeCloseTo(0, 12);
    expect(m[1]).toBeCloseTo(0.5, 12);
  });

  it('a line fails in Cartesian coordinates, one threshold on r works in polar', () => {
    const rings = makeRings(200, 0.08, 0);
    const cart = fitLinear(morphAll(rings, 0), rings.y);
    const polar = fitLinear(morphAll(rings, 1), rings.y);
    expect(cart.accuracy).toBeLessThan(0.65);
    expect(polar.accuracy).toBe(1);
    // The same numbers as LogisticRegression's own score.
    const Z = morphAll(rings, 1);
    expect(new LogisticRegression({ C: 100, maxIter: 200 }).fit(Z, rings.y).score(Z, rings.y)).toBe(polar.accuracy);
    // The polar boundary is (almost) a threshold on r: |w_r| ≫ |w_θ|, between the rings' radii 0.5 and 1.
    expect(Math.abs(polar.w[0])).toBeGreaterThan(5 * Math.abs(polar.w[1]));
    const rStar = (rings.R / 2) * (1 - polar.b / polar.w[0]);
    expect(rStar).toBeGreaterThan(0.55);
    expect(rStar).toBeLessThan(0.95);
    // Carried back to t = 0, it is a closed curve around the origin at radius ≈ r*.
    const curve = polarBoundaryAt(polar, rings.R, 0);
    expect(curve).toHaveLength(1);
    for (const p of curve[0]) expect(Math.abs(Math.hypot(p[0], p[1]) * rings.R - rStar)).toBeLessThan(0.1);
    // The Cartesian line carried to polar breaks where θ jumps.
    expect(cartBoundaryAt(cart, rings.R, 1).length).toBeGreaterThanOrEqual(1);
  });

  it('clips a line to the square, and steps t (straight to the end under reduced motion)', () => {
    expect(lineInSquare([1, 0], -0.5)).toEqual([[0.5, -1], [0.5, 1]]);
    expect(lineInSquare([1, 0], -3)).toBeNull();
    expect(nextT(0.5, 1, false)).toBe(0.51);
    expect(nextT(0.995, 1, false)).toBe(1);
    expect(nextT(0.3, 1, true)).toBe(1);
    expect(nextT(0.3, -1, true)).toBe(0);
  });
});

describe('Representation', () => {
  it('shows the accuracy live in both representations as t moves', () => {
    const onValueChange = vi.fn();
    render(<Representation onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/^Cartesian \(x₁, x₂\): the linear model classifies \d+ %/);
    expect(screen.getByTestId('acc-polar').textContent).toBe('100 %');
    const slider = screen.getByRole('slider', { name: /Morph t/ });
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ t: 1 }));
    expect(status.textContent).toMatch(/^polar \(r, θ\): the linear model classifies 100 %/);
    expect(screen.getByTestId('morph').getAttribute('data-wrong')).toBe('0');
    expect(screen.getByTestId('live-boundary').getAttribute('d')).toMatch(/^M/);
    expect(screen.getByTestId('polar-boundary').getAttribute('d')).toMatch(/^M/);
  });

  it('Step moves t by 0.1 and turns back at the end; Reset returns to Cartesian', () => {
    render(<Representation defaultValue={{ t: 0.95 }} />);
    const step = screen.getByRole('button', { name: 'Step' });
    fireEvent.click(step);
    expect(screen.getByTestId('status').getAttribute('data-t')).toBe('1');
    fireEvent.click(step);
    expect(screen.getByTestId('status').getAttribute('data-t')).toBe('0.9');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByTestId('status').getAttribute('data-t')).toBe('0');
  });

  it('plays with requestAnimationFrame and stops it on unmount', () => {
    expectAnimationStopsOnUnmount(<Representation />);
  });

  it('ignores a bad defaultValue with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Representation defaultValue={{ t: 3 }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('status').getAttribute('data-t')).toBe('0');
    warn.mockRestore();
    act(() => {});
  });
});
