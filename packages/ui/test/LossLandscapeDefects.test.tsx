import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleField } from '../src/common/field';
import { LossLandscape } from '../src/LossLandscape/LossLandscape';
import { effectiveMaxIterations, LANDSCAPE_OBJECTIVES, replayRuns, UPDATE_TEX, lastOf } from '../src/LossLandscape/model';
import { heightOf, meshHeightAt } from '../src/LossLandscape/surface';

afterEach(cleanup);

describe('LossLandscape (issue 13 defects)', () => {
  it('allows 5,000 steps on Rosenbrock by default, 100 elsewhere, the prop first', () => {
    expect(effectiveMaxIterations(undefined, 'rosenbrock')).toBe(5000);
    expect(effectiveMaxIterations(undefined, 'mse')).toBe(100);
    expect(effectiveMaxIterations(300, 'rosenbrock')).toBe(300);
  });

  it("momentum's α changes the path; each optimiser has its own rule", () => {
    const o = LANDSCAPE_OBJECTIVES['ill-conditioned'].make();
    const a = lastOf(replayRuns(o, [-2.4, 2.2], 0.05, 20, ['momentum'], 0.5)[0]).params;
    const b = lastOf(replayRuns(o, [-2.4, 2.2], 0.05, 20, ['momentum'], 0.9)[0]).params;
    expect(a).not.toEqual(b);
    expect(UPDATE_TEX.momentum).toMatch(/\\alpha\\,\\mathbf\{p\}-\\eta/);
    expect(UPDATE_TEX.nesterov).toMatch(/\\theta\+\\alpha/);
    expect(new Set(Object.values(UPDATE_TEX)).size).toBe(5);
  });

  it('puts marks on the painted mesh: its height interpolates the mesh points', () => {
    const f = sampleField((t) => t[0] * t[0] + t[1] * t[1], [-1, 1, -1, 1], 4, 4);
    const h = heightOf(f);
    // The centre of cell (1, 1): exactly that mesh point's height.
    expect(meshHeightAt(f, -1 + (2 * 1.5) / 4, 1 - (2 * 1.5) / 4)).toBeCloseTo(h(f.values[1 * 4 + 1]), 12);
    // Between points: between their heights, never under the mesh's lowest.
    const mid = meshHeightAt(f, 0, 0);
    expect(mid).toBeGreaterThanOrEqual(0);
    expect(mid).toBeLessThanOrEqual(1);
  });

  it('shows the objective formula, the α control, the speed control and the 3-D axes', () => {
    render(<LossLandscape defaultValue={{ objective: 'rosenbrock', optimizers: ['gd', 'momentum'] }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/of 5000/);
    const maths = document.querySelector('.gl-maths')!.textContent ?? '';
    expect(maths).not.toMatch(/rosenbrock/);
    expect(screen.getByTestId('rule-momentum').textContent).toMatch(/α/);
    expect(screen.getByRole('slider', { name: 'Momentum α' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: '3-D surface' }));
    expect(screen.getByTestId('axes-3d').textContent).toMatch(/θ₁.*θ₂.*loss 𝓛/);
    expect(screen.getByTestId('rotate-hint').textContent).toMatch(/Drag to rotate/);
  });
});
