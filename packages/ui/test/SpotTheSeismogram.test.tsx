import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readMiniSeed } from '@geolearn/algorithms/seismic';
import { SpotTheSeismogram, makeQuiz, parseColaRecord, type SpotTheSeismogramState } from '../src';

afterEach(cleanup);

const LETTERS = ['A', 'B', 'C', 'D'];
const DATA = path.resolve(__dirname, '../assets/data');
const RECORD = new Uint8Array(readFileSync(path.join(DATA, 'IU.COLA.00.LHZ.2010-02-27.mseed')));
/** The answer of a seed's first round, computed as the widget does (the page must not tell). */
const answerOf = (seed: number, round = 0) => makeQuiz(seed, round, 600).answer;

describe('makeQuiz', () => {
  it('is seeded, holds each kind once, and its spectra tell them apart', () => {
    const q = makeQuiz(0, 0, 600);
    expect(makeQuiz(0, 0, 600).series.map((s) => s.kind)).toEqual(q.series.map((s) => s.kind));
    expect([...q.series.map((s) => s.kind)].sort()).toEqual(['noise', 'seismogram', 'stock', 'temperature']);
    expect(q.series[q.answer].kind).toBe('seismogram');
    const byKind = Object.fromEntries(q.series.map((s) => [s.kind, s]));
    expect(byKind.stock.slope).toBeLessThan(-1.3);
    expect(Math.abs(byKind.noise.slope)).toBeLessThan(0.7);
    expect(byKind.seismogram.onsets!.P).toBeGreaterThan(0);
    expect(byKind.seismogram.onsets!.S).toBeLessThan(600);
    const orders = new Set([0, 1, 2, 3, 4].map((r) => makeQuiz(0, r, 200).answer));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('fits slopes that agree with the text: β ≈ −2 for the random walk, β ≈ 0 for white noise (issue 13)', () => {
    const slopes: Record<string, number[]> = { stock: [], noise: [] };
    let within = 0;
    for (let seed = 0; seed < 30; seed++) {
      for (const s of makeQuiz(seed, 0, 600).series) {
        if (s.kind === 'stock' || s.kind === 'noise') {
          slopes[s.kind].push(s.slope);
          const ideal = s.kind === 'stock' ? -2 : 0;
          if (Math.abs(s.slope - ideal) <= 2.5 * s.slopeError) within++;
        }
      }
    }
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    // Unbiased on average (the old fit gave +0.3 and −1.7)…
    expect(Math.abs(mean(slopes.noise))).toBeLessThan(0.12);
    expect(Math.abs(mean(slopes.stock) + 2)).toBeLessThan(0.15);
    // …and each printed β ± error covers the ideal value nearly always.
    expect(within / 60).toBeGreaterThan(0.9);
  });

  it('puts the real record in the seismogram\'s place in round 0 only, keeping the order', () => {
    const real = parseColaRecord(RECORD);
    const q = makeQuiz(0, 0, 600, real);
    expect(q.answer).toBe(answerOf(0));
    expect(q.series[q.answer].values).toBe(real.values);
    expect(q.series[q.answer].source).toMatch(/IU\.COLA/);
    expect(makeQuiz(0, 1, 600, real).series.every((s) => s.source === undefined)).toBe(true);
  });
});

describe('the shipped record', () => {
  it('is read by our readMiniSeed as libmseed reads it: 4,200 samples at 1 Hz, min −2,121,836, max 1,342,348', () => {
    const file = readMiniSeed(RECORD);
    expect(file.traces).toHaveLength(1);
    const t = file.traces[0];
    expect([t.network, t.station, t.location, t.channel, t.sampleRate]).toEqual(['IU', 'COLA', '00', 'LHZ', 1]);
    expect(t.data.length).toBe(4200);
    expect(Math.min(...t.data)).toBe(-2121836);
    expect(Math.max(...t.data)).toBe(1342348);
    expect(readFileSync(path.join(DATA, 'README.md'), 'utf8')).toMatch(/LGPL-3\.0-or-later/);
  });
});

describe('SpotTheSeismogram', () => {
  it('keeps the answer out of the page until it is checked (issue 13)', () => {
    const { container } = render(<SpotTheSeismogram realRecord={false} />);
    const answer = answerOf(0);
    const html = container.innerHTML;
    expect(html).not.toMatch(/data-answer/);
    expect(html).not.toMatch(/data-kind/);
    expect(html).not.toMatch(/data-state="(answer|right|wrong)"/);
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Series ${LETTERS[(answer + 1) % 4]}`) }));
    expect(container.innerHTML).not.toMatch(/data-kind|data-state="(answer|right|wrong)"/);
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByTestId(`series-${LETTERS[answer]}`).getAttribute('data-kind')).toBe('seismogram');
  });

  it('reveals a right answer with spectra, printed β as fitted, and an announcement', () => {
    const onValueChange = vi.fn();
    render(<SpotTheSeismogram realRecord={false} onValueChange={onValueChange} />);
    const answer = answerOf(0);
    const check = screen.getByRole('button', { name: 'Check answer' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) }));
    expect(onValueChange).toHaveBeenLastCalledWith({ choice: answer, revealed: false, round: 0 });
    fireEvent.click(check);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toMatch(new RegExp(`^Right: series ${LETTERS[answer]} is the seismogram`));
    const spectra = screen.getAllByTestId('spectrum');
    expect(spectra).toHaveLength(4);
    for (const s of spectra) {
      const beta = Number(s.getAttribute('data-slope'));
      const printed = `β = ${Math.abs(beta) < 0.05 ? '0.0' : beta.toFixed(1).replace('-', '−')}`;
      expect(s.textContent).toContain(printed);
      expect(s.querySelector('[data-testid="slope-fit"]')).not.toBeNull();
    }
    expect(screen.getByTestId('spot-the-seismogram').getAttribute('data-state')).toBe('done');
  });

  it('explains a wrong answer', () => {
    render(<SpotTheSeismogram seed={3} realRecord={false} />);
    const answer = answerOf(3);
    const wrong = (answer + 2) % 4;
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Series ${LETTERS[wrong]}`) }));
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByTestId('status').textContent).toMatch(new RegExp(`Not quite: series ${LETTERS[wrong]} is .*The seismogram is series ${LETTERS[answer]}`));
    expect(screen.getByTestId('status').getAttribute('data-correct')).toBe('false');
  });

  it('shows the real record given as bytes in round 0, named after the answer', () => {
    render(<SpotTheSeismogram realRecord={RECORD} />);
    const answer = answerOf(0);
    expect(screen.getByTestId('spot-the-seismogram').getAttribute('data-record')).toBe('real');
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Series ${LETTERS[answer]}`) }));
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByTestId(`series-${LETTERS[answer]}`).textContent).toMatch(/IU\.COLA.*Maule/);
    expect(screen.getByTestId('status').textContent).toMatch(/^Right: .*real record/);
  });

  it('is controlled by value', () => {
    const value: SpotTheSeismogramState = { choice: 2, revealed: false, round: 1 };
    const onValueChange = vi.fn();
    render(<SpotTheSeismogram realRecord={false} value={value} onValueChange={onValueChange} />);
    expect((screen.getByRole('radio', { name: /Series C/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'New series' }));
    expect(onValueChange).toHaveBeenCalledWith({ choice: null, revealed: false, round: 2 });
    expect((screen.getByRole('radio', { name: /Series C/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('reports a bad defaultValue once and uses the default; a bad width shows a message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<SpotTheSeismogram realRecord={false} defaultValue={{ choice: 9 as number, bogus: 1 } as never} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    warn.mockRestore();
    cleanup();
    render(<SpotTheSeismogram realRecord={false} width={Number.NaN} />);
    expect(screen.getByRole('alert').textContent).toMatch(/width/);
  });
});
