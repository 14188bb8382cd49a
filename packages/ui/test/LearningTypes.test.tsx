import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LearningTypes, type LearningTypesState } from '../src';
import {
  boundarySegment,
  clusterPoints,
  fitBoundary,
  GOAL,
  greedyPath,
  gridStep,
  makePoints,
  PIT,
  qLearn,
  qUpdate,
  STEP_REWARD,
  toggledElement,
} from '../src/LearningTypes/model';

afterEach(cleanup);

describe('LearningTypes model', () => {
  it('does one Q-learning update by hand', () => {
    // Into the goal: Q ← 0 + 0.5·(1 − 0) = 0.5 (no future term at the end).
    expect(qUpdate(0, 1, 123, true)).toBeCloseTo(0.5);
    // A move: Q ← 0.2 + 0.5·(−0.04 + 0.9·0.5 − 0.2) = 0.2 + 0.5·0.21 = 0.305.
    expect(qUpdate(0.2, -0.04, 0.5, false)).toBeCloseTo(0.305);
  });

  it('moves in the grid: walls keep the agent, the goal and the pit end the episode', () => {
    expect(gridStep(0, 0)).toEqual({ next: 0, reward: STEP_REWARD, done: false }); // up from the top-left
    expect(gridStep(0, 1)).toEqual({ next: 1, reward: STEP_REWARD, done: false });
    expect(gridStep(14, 1)).toEqual({ next: GOAL, reward: 1, done: true });
    expect(gridStep(6, 2)).toEqual({ next: PIT, reward: -1, done: true });
  });

  it('learns a policy that reaches the goal, deterministically from the seed', () => {
    const a = qLearn(200, 3);
    expect(qLearn(200, 3)).toEqual(a);
    expect(greedyPath(a.q).reaches).toBe(true);
    expect(greedyPath(qLearn(0, 3).q).reaches).toBe(false);
    // The first update of episode one was hand-checkable: every Q is bounded by the goal reward.
    expect(Math.max(...a.q.flat())).toBeLessThanOrEqual(1);
  });

  it('fits a boundary, or says why not', () => {
    const pts = makePoints(0);
    const b = fitBoundary(pts, pts.map((_, i) => i % 2));
    expect('error' in b).toBe(false);
    if (!('error' in b)) expect(b.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(fitBoundary(pts, pts.map(() => 0))).toEqual({ error: expect.stringMatching(/two classes/) });
    // x₁ + x₂ − 1 = 0 crosses the unit square from (0, 1) to (1, 0).
    expect(boundarySegment([1, 1], -1)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(boundarySegment([1, 1], 5)).toBeNull();
    expect(clusterPoints([[0, 0]], 0)).toEqual({ error: expect.stringMatching(/at least two/) });
  });

  it('keeps E, T, P in order when toggled', () => {
    expect(toggledElement(['E', 'T', 'P'], 'T')).toEqual(['E', 'P']);
    expect(toggledElement(['P', 'E'], 'T')).toEqual(['E', 'T', 'P']);
  });
});

describe('LearningTypes component', () => {
  it('shows E, T, P of a task, and says it is not learning without one', () => {
    const onValueChange = vi.fn();
    render(<LearningTypes onValueChange={onValueChange} />);
    expect(screen.getByTestId('verdict').getAttribute('data-state')).toBe('learning');
    fireEvent.change(screen.getByRole('combobox', { name: 'Example task' }), { target: { value: 'cluster' } });
    expect(screen.getByTestId('etp-E').textContent).toMatch(/unlabelled/);
    fireEvent.click(screen.getByRole('button', { name: /Keep the performance$/ }));
    expect(screen.getByTestId('verdict').getAttribute('data-state')).toBe('not-learning');
    expect(screen.getByTestId('status').textContent).toMatch(/no performance measure/);
    expect(onValueChange.mock.lastCall![0].kept).toEqual(['E', 'T']);
  });

  it('lights the part of the table a focused symbol names', () => {
    render(<LearningTypes defaultValue={{ part: 'vocabulary' }} />);
    fireEvent.focus(screen.getByTestId('symbol-N'));
    const table = screen.getByTestId('vocab-table');
    // N lights the index column: the header and the five row numbers.
    expect(table.querySelectorAll('[data-lit="on"]')).toHaveLength(6);
    expect(screen.getByTestId('status').textContent).toMatch(/N = 5/);
    fireEvent.focus(screen.getByTestId('symbol-C'));
    expect(screen.getByTestId('dim-C').getAttribute('data-lit')).toBe('on');
    fireEvent.blur(screen.getByTestId('symbol-C'));
    expect(screen.getByTestId('dim-C').getAttribute('data-lit')).toBeNull();
  });

  it('re-labels a point by click and steps Q-learning one episode', () => {
    const onValueChange = vi.fn();
    render(<LearningTypes defaultValue={{ part: 'types' }} onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Point 1: class 0/ }));
    expect(onValueChange.mock.lastCall![0].labels[0]).toBe(1);
    expect(screen.getByRole('button', { name: /Point 1: class 1/ })).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /Step/ }));
    });
    expect(screen.getByTestId('status').getAttribute('data-episodes')).toBe('1');
    expect(screen.getByTestId('status').textContent).toMatch(/episode 1, reward/);
  });

  it('reports one class only in the status instead of throwing', () => {
    const value: LearningTypesState = { part: 'types', task: 'detect', kept: ['E', 'T', 'P'], symbol: null, labels: Array(10).fill(0), episodes: 0 };
    render(<LearningTypes value={value} />);
    expect(screen.getByTestId('status').textContent).toMatch(/needs two classes/);
    expect(screen.queryByTestId('boundary')).toBeNull();
  });

  it('warns once about a bad defaultValue and falls back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<LearningTypes defaultValue={{ part: 'nope' as never }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('status').getAttribute('data-part')).toBe('etp');
    warn.mockRestore();
  });
});
