import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpotTheSeismogram, makeQuiz, type SpotTheSeismogramState } from '../src';

afterEach(cleanup);

const LETTERS = ['A', 'B', 'C', 'D'];

describe('makeQuiz', () => {
  it('is seeded, holds each kind once, and its spectra tell them apart', () => {
    const q = makeQuiz(0, 0, 600);
    expect(makeQuiz(0, 0, 600).series.map((s) => s.kind)).toEqual(q.series.map((s) => s.kind));
    expect([...q.series.map((s) => s.kind)].sort()).toEqual(['noise', 'seismogram', 'stock', 'temperature']);
    expect(q.series[q.answer].kind).toBe('seismogram');
    const byKind = Object.fromEntries(q.series.map((s) => [s.kind, s]));
    // A random walk's power falls as f⁻²; white noise is flat.
    expect(byKind.stock.slope).toBeLessThan(-1.3);
    expect(Math.abs(byKind.noise.slope)).toBeLessThan(0.5);
    // The seismogram has its onset inside the record.
    expect(byKind.seismogram.onsets!.P).toBeGreaterThan(0);
    expect(byKind.seismogram.onsets!.S).toBeLessThan(600);
    // Different rounds shuffle differently at least once in a few tries.
    const orders = new Set([0, 1, 2, 3, 4].map((r) => makeQuiz(0, r, 200).answer));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('SpotTheSeismogram', () => {
  it('reveals a right answer with spectra and an announcement', () => {
    const onValueChange = vi.fn();
    render(<SpotTheSeismogram onValueChange={onValueChange} />);
    const answer = Number(screen.getByTestId('spot-the-seismogram').getAttribute('data-answer'));
    const check = screen.getByRole('button', { name: 'Check answer' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) }));
    expect(onValueChange).toHaveBeenLastCalledWith({ choice: answer, revealed: false, round: 0 });
    fireEvent.click(check);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toMatch(new RegExp(`^Right: series ${LETTERS[answer]} is the seismogram`));
    expect(screen.getAllByTestId('spectrum')).toHaveLength(4);
  });

  it('explains a wrong answer', () => {
    render(<SpotTheSeismogram seed={3} />);
    const answer = Number(screen.getByTestId('spot-the-seismogram').getAttribute('data-answer'));
    const wrong = (answer + 2) % 4;
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Series ${LETTERS[wrong]}`) }));
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByTestId('status').textContent).toMatch(new RegExp(`Not quite: series ${LETTERS[wrong]} is .*The seismogram is series ${LETTERS[answer]}`));
  });

  it('is controlled by value', () => {
    const value: SpotTheSeismogramState = { choice: 2, revealed: false, round: 1 };
    const onValueChange = vi.fn();
    render(<SpotTheSeismogram value={value} onValueChange={onValueChange} />);
    expect((screen.getByRole('radio', { name: /Series C/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'New series' }));
    expect(onValueChange).toHaveBeenCalledWith({ choice: null, revealed: false, round: 2 });
    expect((screen.getByRole('radio', { name: /Series C/ }) as HTMLInputElement).checked).toBe(true);
  });
});
