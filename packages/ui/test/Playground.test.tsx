import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodePlaygroundState, DEFAULT_PLAYGROUND_STATE, encodePlaygroundState, formatPointsCsv, parsePointsCsv, Playground, type PlaygroundState } from '../src';
import { makePlaygroundData } from '../src/Playground/state';
import { PlaygroundTrainer } from '../src/Playground/trainer';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('playground permalink', () => {
  it('round-trips a state, writing only what differs from the defaults', () => {
    expect(encodePlaygroundState(DEFAULT_PLAYGROUND_STATE)).toBe('');
    const s: PlaygroundState = {
      ...DEFAULT_PLAYGROUND_STATE,
      dataset: 'spiral',
      features: ['x1', 'x2', 'sinx1', 'sinx2'],
      hidden: [8, 8, 6, 4, 2, 1],
      activation: 'relu',
      learningRate: 0.01,
      regularization: 'l2',
      regularizationRate: 0.003,
      noise: 20,
      trainRatio: 70,
      batchSize: 3,
      seed: 42,
      points: [[1.5, -2, 1], [0, 0, 0]],
      epoch: 12,
      edits: [{ at: 5, set: { learningRate: 0.1 } }, { at: 7, weight: [0, 1, 2, -0.5] }],
    };
    const q = encodePlaygroundState(s);
    expect(q).toContain('data=spiral');
    const back = decodePlaygroundState(`#${q}`);
    expect(back.errors).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('rejects each malformed field by name and keeps the default for it', () => {
    const { state, errors } = decodePlaygroundState('?data=moons&hidden=9,2&lr=-1&features=x1,zz&batch=2.5&points=1:2&edits=[{"at":-1}]&act=relu');
    expect(errors).toHaveLength(7);
    expect(errors.join('\n')).toMatch(/data: "moons"/);
    expect(errors.join('\n')).toMatch(/hidden: "9,2"/);
    expect(state.hidden).toEqual(DEFAULT_PLAYGROUND_STATE.hidden);
    expect(state.learningRate).toBe(DEFAULT_PLAYGROUND_STATE.learningRate);
    expect(state.activation).toBe('relu');
    // A regression flag on a classification set is refused.
    expect(decodePlaygroundState('data=xor&problem=regression').errors[0]).toMatch(/classification set/);
  });
});

describe('playground CSV', () => {
  it('reads points with a header and comments, and writes them back', () => {
    const r = parsePointsCsv('x1,x2,label\n# mine\n1,2,0\n-3.5;4;1\n\n', 'classification');
    expect(r).toEqual({ ok: true, points: [[1, 2, 0], [-3.5, 4, 1]] });
    const data = makePlaygroundData({ ...DEFAULT_PLAYGROUND_STATE, dataset: 'custom', points: [[1, 2, 0], [-3.5, 4, 1]] });
    const csv = formatPointsCsv(data, 'classification');
    expect(csv.split('\n')[0]).toBe('x1,x2,label,split');
    expect(csv.trim().split('\n')).toHaveLength(3);
  });

  it('names the line and the problem of a malformed file', () => {
    expect(parsePointsCsv('1,2,0\n3,abc,1', 'classification')).toEqual({ ok: false, error: 'Line 2: "abc" is not a number' });
    expect(parsePointsCsv('1,2\n', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/Line 1: expected 3 values/) });
    expect(parsePointsCsv('1,2,0.5', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/class 0 to 5/) });
    expect(parsePointsCsv('9,2,1', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/\[−6, 6\]/) });
    expect(parsePointsCsv('', 'regression')).toMatchObject({ ok: false, error: expect.stringMatching(/No points/) });
    expect(parsePointsCsv('1,2,0.5', 'regression')).toEqual({ ok: true, points: [[1, 2, 0.5]] });
  });
});

describe('PlaygroundTrainer', () => {
  it('replays to an epoch deterministically, edits included, and learns the circle', () => {
    const s: PlaygroundState = { ...DEFAULT_PLAYGROUND_STATE, epoch: 200, learningRate: 0.1, edits: [{ at: 100, set: { learningRate: 0.03 } }] };
    const a = new PlaygroundTrainer(s);
    a.syncTo(s);
    const b = new PlaygroundTrainer(s);
    b.syncTo({ ...s, epoch: 50 });
    b.syncTo(s);
    expect(a.trainLoss.at(-1)).toEqual(b.trainLoss.at(-1));
    expect(a.trainLoss[0][1]).toBeGreaterThan(a.trainLoss.at(-1)![1]);
    expect(a.testAccuracy()).toBeGreaterThan(0.9);
    expect(a.mlp.settings.learningRate).toBe(0.03);
  });

  it('gives the 100 × 100 grid of every neuron from one batched pass', () => {
    const s: PlaygroundState = { ...DEFAULT_PLAYGROUND_STATE, hidden: [8, 8, 8, 8, 8, 8], features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] };
    const t = new PlaygroundTrainer(s);
    t.syncTo(s);
    const g = t.gridOutputs();
    expect(g.n).toBe(10_000);
    expect(g.neurons).toHaveLength(7);
    expect(g.neurons[5]).toHaveLength(8);
  });

  it('uses softmax over k classes for the blobs', () => {
    const s: PlaygroundState = { ...DEFAULT_PLAYGROUND_STATE, dataset: 'blobs', classes: 4, epoch: 5 };
    const t = new PlaygroundTrainer(s);
    t.syncTo(s);
    expect(t.nOut).toBe(4);
    expect(t.mlp.activations.at(-1)).toBe('softmax');
  });
});

describe('Playground', () => {
  it('steps an epoch, shows the loss, and reports the state', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ epoch: 1 }));
    expect(screen.getByTestId('status').textContent).toMatch(/Epoch 1 · train loss/);
    expect(screen.getAllByTestId('neuron-thumb')).toHaveLength(6);
  });

  it('shows a clear error for a malformed CSV, and loads a good one', () => {
    render(<Playground />);
    fireEvent.change(screen.getByRole('textbox', { name: /Paste CSV/ }), { target: { value: '1,2,0\n1,x,1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load CSV' }));
    expect(screen.getByRole('alert').textContent).toBe('Line 2: "x" is not a number');
    fireEvent.change(screen.getByRole('textbox', { name: /Paste CSV/ }), { target: { value: '1,2,0\n-1,-2,1\n3,3,0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load CSV' }));
    expect(screen.getByTestId('heatmap').getAttribute('data-points')).toBe('3');
  });

  it('edits a weight from the keyboard path, as an edit replayed at its epoch', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} defaultValue={{ epoch: 3 }} />);
    const input = screen.getByTestId('weight-input');
    fireEvent.change(input, { target: { value: '2.5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ edits: [{ at: 3, weight: [0, 0, 0, 2.5] }] }));
  });

  it('adds and removes layers and features', () => {
    render(<Playground />);
    fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(screen.getAllByTestId('neuron-thumb')).toHaveLength(8);
    fireEvent.click(screen.getByRole('button', { name: 'Add a neuron to layer 3' }));
    expect(screen.getAllByTestId('neuron-thumb')).toHaveLength(9);
    const sin = screen.getByRole('button', { name: 'Feature sin x₁' });
    expect(sin.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(sin);
    expect(sin.getAttribute('aria-pressed')).toBe('true');
  });

  it('stops its animation on unmount', () => {
    expectAnimationStopsOnUnmount(<Playground />);
  });

  it('takes the Playground keys inside the widget only, and leaves fields their own keys', () => {
    const onValueChange = vi.fn();
    render(<Playground width={900} onValueChange={onValueChange} />);
    const root = screen.getByTestId('playground');
    const epoch = screen.getByTestId('epoch');
    fireEvent.keyDown(root, { key: 's' });
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(epoch.textContent).toBe('Epoch 0002');
    // Typing in a field, or with a modifier, is not a shortcut.
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Paste CSV/ }), { key: 's' });
    fireEvent.keyDown(root, { key: 's', ctrlKey: true });
    expect(epoch.textContent).toBe('Epoch 0002');
    // Outside the widget nothing happens.
    fireEvent.keyDown(document.body, { key: 's' });
    expect(epoch.textContent).toBe('Epoch 0002');
    fireEvent.keyDown(root, { key: ' ' });
    expect(screen.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(root, { key: ' ' });
    expect(screen.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.keyDown(root, { key: 'R' });
    expect(epoch.textContent).toBe('Epoch 0000');
    expect(screen.getByRole('button', { name: 'Step' }).getAttribute('aria-keyshortcuts')).toBe('S ArrowRight');
    // Every weight edge has a click target 44 px wide.
    for (const p of screen.getByTestId('edge-targets').querySelectorAll('path')) expect(p.getAttribute('stroke-width')).toBe('44');
  });
});
