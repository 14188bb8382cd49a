import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sliderRange, SVC } from '@geolearn/algorithms';
import { SvmMargin, type SvmMarginState } from '../src';
import { specRange } from '../src/kit/paramSlider';
import {
  C_SLIDER,
  dataProblem,
  decision,
  descend,
  DESCENT_START,
  defaultPoints,
  fitExact,
  gapTo,
  hingeLoss,
  hingeSegment,
  hingeTerms,
  lineInBox,
  MAX_STEPS,
  STATE_CHECKS,
  type SvmPoint,
} from '../src/SvmMargin/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

// Hand-worked: (−1, 0) class 0 and (1, 0) class 1. The widest margin puts the line at x₁ = 0
// with both points on it: w = (1, 0), b = 0, margin 2/‖w‖ = 2, both support vectors.
const TWO: SvmPoint[] = [
  [-1, 0, 0],
  [1, 0, 1],
];

describe('SvmMargin model', () => {
  it('solves the two-point case by hand', () => {
    const f = fitExact(TWO, 10);
    expect(f.w[0]).toBeCloseTo(1, 6);
    expect(f.w[1]).toBeCloseTo(0, 6);
    expect(f.b).toBeCloseTo(0, 6);
    expect(f.support).toEqual([0, 1]);
  });

  it('computes hinge terms, the mean loss and the segment to the margin', () => {
    // w = (1, 0), b = 0: a class-1 point at (0.25, 0) has y f = 0.25, hinge 0.75, and
    // its segment runs to the margin x₁ = 1, of length 0.75 = hinge/‖w‖.
    const fit = { w: [1, 0] as [number, number], b: 0 };
    const pts: SvmPoint[] = [[0.25, 0, 1], [-2, 1, 0], [0.5, 0, 0]];
    expect(hingeTerms(pts, fit)).toEqual([0.75, 0, 1.5]);
    expect(hingeLoss(pts, fit)).toBeCloseTo(0.75, 12);
    expect(hingeSegment(pts[0], fit)).toEqual([[0.25, 0], [1, 0]]);
    expect(hingeSegment(pts[2], fit)).toEqual([[0.5, 0], [-1, 0]]);
  });

  it('clips w·x + b = level to the box', () => {
    const seg = lineInBox({ w: [1, 1], b: 0 }, 0, [-4, 4, -4, 4])!;
    const xs = seg.map((p) => p[0]).sort((a, b) => a - b);
    expect(xs).toEqual([-4, 4]);
    expect(lineInBox({ w: [0, 0], b: 1 }, 0)).toBeNull();
  });

  it("agrees with SVC after enough sub-gradient steps (the same objective, b unpenalised)", () => {
    const pts = defaultPoints(0);
    for (const C of [0.1, 1, 10]) {
      const exact = fitExact(pts, C);
      const d = descend(pts, C, DESCENT_START, MAX_STEPS);
      expect(gapTo(d, exact)).toBeLessThan(0.02);
    }
  });

  it('extends a descent in pieces exactly as in one go', () => {
    const pts = defaultPoints(1);
    const a = descend(pts, 1, descend(pts, 1, DESCENT_START, 40), 100);
    const b = descend(pts, 1, DESCENT_START, 100);
    expect(a).toEqual(b);
  });

  it('matches scikit-learn on the exact fit (SVC linear): f(x) signs and support vectors', () => {
    const pts = defaultPoints(0);
    const f = fitExact(pts, 1);
    const svc = new SVC({ kernel: 'linear', C: 1 }).fit(pts.map((p) => [p[0], p[1]]), pts.map((p) => p[2]));
    const df = svc.decisionFunction(pts.map((p) => [p[0], p[1]])) as number[];
    pts.forEach((p, i) => expect(decision(f, p[0], p[1])).toBeCloseTo(df[i], 9));
  });

  it('reports one class only, and no points', () => {
    expect(dataProblem([[0, 0, 1], [1, 1, 1]])).toMatch(/One class only: nothing to separate/);
    expect(dataProblem([])).toMatch(/No points/);
    expect(dataProblem(TWO)).toBeNull();
  });
});

describe('SvmMargin component', () => {
  it('renders the fit, support vectors and hinge bars', () => {
    render(<SvmMargin />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/^Exact \(SMO\): w = /);
    expect(document.querySelectorAll('[data-testid="svm-point"]')).toHaveLength(16);
    expect(document.querySelectorAll('[data-testid="hinge-bar"]')).toHaveLength(16);
    expect(document.querySelector('[data-testid="boundary"]')).toBeTruthy();
    expect(document.querySelectorAll('[data-support]').length).toBeGreaterThan(1);
    expect(screen.getByRole('figure', { name: 'SVM: the margin and the hinge loss' }).getAttribute('data-state')).toBe('done');
  });

  it('deletes a focused point with the Delete key and moves one with the arrows', () => {
    const onValueChange = vi.fn();
    render(<SvmMargin onValueChange={onValueChange} />);
    const first = screen.getAllByRole('button', { name: /^Point 1,/ })[0];
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const moved = onValueChange.mock.lastCall![0] as SvmMarginState;
    expect(moved.points[0][0]).toBeCloseTo(defaultPoints(0)[0][0] + 0.08, 6);
    fireEvent.keyDown(screen.getAllByRole('button', { name: /^Point 1,/ })[0], { key: 'Delete' });
    expect((onValueChange.mock.lastCall![0] as SvmMarginState).points).toHaveLength(15);
  });

  it('says "one class only" and does not throw when every point is one class', () => {
    render(<SvmMargin defaultValue={{ points: [[0, 0, 1], [1, 1, 1], [2, 0, 1]] }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/One class only: nothing to separate/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
    expect(document.querySelector('[data-testid="boundary"]')).toBeNull();
  });

  it('adds a point of the chosen class in add mode', () => {
    const onValueChange = vi.fn();
    render(<SvmMargin onValueChange={onValueChange} defaultValue={{ tool: 'add', addClass: 1 }} />);
    fireEvent.click(screen.getByRole('radio', { name: 'class 0 (y = −1)' }));
    fireEvent.pointerDown(screen.getByTestId('add-area'), { clientX: 10, clientY: 10 });
    // happy-dom has no layout: the area maps by its own size, so a point is added (class 0).
    const last = onValueChange.mock.lastCall![0] as SvmMarginState;
    expect(last.points).toHaveLength(17);
    expect(last.points[16][2]).toBe(0);
  });

  it('adds a point from the keyboard in add mode (Enter: at the centre)', () => {
    const onValueChange = vi.fn();
    render(<SvmMargin onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add points' }));
    fireEvent.keyDown(screen.getByRole('button', { name: /^Add a point of class 0/ }), { key: 'Enter' });
    const last = onValueChange.mock.lastCall![0] as SvmMarginState;
    expect(last.points[16]).toEqual([0, 0, 0]);
    expect(last.tool).toBe('add');
  });

  it('shows a size message for a bad width, as every explainer', () => {
    render(<SvmMargin width={0} />);
    expect(screen.getByRole('figure').textContent).toMatch(/width must be a positive number/);
  });

  it('steps by sub-gradient descent and reports the gap to SMO', () => {
    render(<SvmMargin defaultValue={{ solver: 'steps' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.getByTestId('status').textContent).toMatch(/^Step 1: .* differs from SMO by/);
  });

  it('keeps C finite at the slider ends', () => {
    const onValueChange = vi.fn();
    render(<SvmMargin onValueChange={onValueChange} />);
    const slider = screen.getByRole('slider', { name: /Penalty C/ });
    fireEvent.keyDown(slider, { key: 'End' });
    expect((onValueChange.mock.lastCall![0] as SvmMarginState).C).toBe(100);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect((onValueChange.mock.lastCall![0] as SvmMarginState).C).toBe(0.01);
    expect(screen.getByTestId('status').textContent).toMatch(/margin 2\/‖w‖ = \d/);
  });

  it('ignores a bad defaultValue field with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<SvmMargin defaultValue={{ C: -1, points: [[0, 0, 3]] } as unknown as Partial<SvmMarginState>} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('status').textContent).toMatch(/^Exact/);
    warn.mockRestore();
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<SvmMargin defaultValue={{ solver: 'steps' }} />);
  });
});

describe('SvmMargin C slider from SVC.paramSpec', () => {
  it("takes its ends and log scale from specRange(SVC, 'C'), inside the spec's range", () => {
    const spec = sliderRange(SVC.paramSpec.C)!;
    expect(C_SLIDER).toEqual(specRange(SVC, 'C', { range: [C_SLIDER.min, C_SLIDER.max] }));
    expect(C_SLIDER.scale).toBe(spec.log ? 'log' : 'linear');
    expect(C_SLIDER.min).toBeGreaterThanOrEqual(spec.min);
    expect(C_SLIDER.max).toBeLessThanOrEqual(spec.max);
    render(<SvmMargin />);
    const input = screen.getByTestId('c-slider');
    expect(Number(input.getAttribute('min'))).toBeCloseTo(Math.log10(C_SLIDER.min), 12);
    expect(Number(input.getAttribute('max'))).toBeCloseTo(Math.log10(C_SLIDER.max), 12);
    expect(STATE_CHECKS.C(C_SLIDER.max)).toBe(true);
    expect(STATE_CHECKS.C(C_SLIDER.max * 2)).toBe(false);
    expect(STATE_CHECKS.C(0)).toBe(false);
  });
});
