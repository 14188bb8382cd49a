import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodePlaygroundState, DEFAULT_PLAYGROUND_STATE, encodePlaygroundState, formatPointsCsv, parsePointsCsv, Playground, sanitizePlaygroundState, type PlaygroundState } from '../src';
import { makePlaygroundData, MAX_EDITS } from '../src/Playground/state';
import { edgesOf, networkGeometry, panelLayout } from '../src/Playground/model';
import { effectiveSettings, PlaygroundTrainer } from '../src/Playground/trainer';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

const state = (patch: Partial<PlaygroundState>): PlaygroundState => ({ ...DEFAULT_PLAYGROUND_STATE, ...patch });

describe('playground permalink', () => {
  it('round-trips a state, writing only what differs from the defaults', () => {
    expect(encodePlaygroundState(DEFAULT_PLAYGROUND_STATE)).toBe('');
    const s = state({
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
      dropout: 0.2,
      normalize: false,
      seed: 42,
      points: [[1.5, -2, 1], [0, 0, 0], [0.123456789, -5.5, 1]],
      epoch: 12,
      edits: [{ at: 5, set: { learningRate: 0.1 } }, { at: 7, weight: [0, 1, 2, -0.5] }, { at: 9, point: [1, 2, 0] }],
      showTestData: true,
      discretize: true,
    });
    const q = encodePlaygroundState(s);
    expect(q).toContain('data=spiral');
    const back = decodePlaygroundState(`#${q}`);
    expect(back.errors).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('rejects each malformed field by name and keeps the default for it', () => {
    const { state: s, errors } = decodePlaygroundState('?data=moons&hidden=9,2&lr=-1&features=x1,zz&batch=2.5&points=1:2&edits=[{"at":-1}]&act=relu');
    expect(errors).toHaveLength(7);
    expect(errors.join('\n')).toMatch(/data: "moons"/);
    expect(errors.join('\n')).toMatch(/hidden: \[9,2\]/);
    expect(s.hidden).toEqual(DEFAULT_PLAYGROUND_STATE.hidden);
    expect(s.learningRate).toBe(DEFAULT_PLAYGROUND_STATE.learningRate);
    expect(s.activation).toBe('relu');
    // A regression flag on a classification set is refused.
    expect(decodePlaygroundState('data=xor&problem=regression').errors[0]).toMatch(/classification set/);
  });

  it('caps every count and size, and checks every key of every edit (issue 17)', () => {
    const bad = (q: string) => decodePlaygroundState(q);
    // An edit may not change the network, and unknown keys are refused.
    const r = bad(`edits=${encodeURIComponent('[{"at":1,"set":{"hidden":[100000,100000]}}]')}`);
    expect(r.errors[0]).toMatch(/edits: .*unknown setting "hidden"/);
    expect(r.state.edits).toEqual([]);
    expect(() => new PlaygroundTrainer(r.state)).not.toThrow();
    // Too many edits, absurd rates and batches.
    const many = JSON.stringify(Array.from({ length: MAX_EDITS + 1 }, (_, i) => ({ at: i, set: { learningRate: 0.1 } })));
    expect(bad(`edits=${encodeURIComponent(many)}`).errors[0]).toMatch(/at most 1000/);
    expect(bad('lr=1e300').errors[0]).toMatch(/lr: 1e\+300 is not a number in \[0.00001, 10\]/);
    expect(bad('batch=1000000000').errors[0]).toMatch(/batch/);
    expect(bad('data=custom&points=1:1:0;2:2:1&batch=5').errors[0]).toMatch(/batch: 5 exceeds the 1 training points/);
    // A weight edit must name a weight that exists.
    expect(bad(`edits=${encodeURIComponent('[{"at":0,"weight":[0,5,0,1]}]')}`).errors[0]).toMatch(/does not exist/);
    // Epochs of the edits may not go back.
    expect(bad(`edits=${encodeURIComponent('[{"at":5,"set":{"dropout":0.1}},{"at":2,"set":{"dropout":0.2}}]')}`).errors[0]).toMatch(/must not decrease/);
    // Data set and features that are not ours.
    expect(bad('data=bogus').state.dataset).toBe('circle');
    expect(bad('features=__proto__').state.features).toEqual(['x1', 'x2']);
    expect(bad('x'.repeat(500_000)).errors[0]).toMatch(/longer than/);
  });

  it('never lets a "__proto__" key reach a prototype', () => {
    const q = `edits=${encodeURIComponent('[{"at":1,"set":{"__proto__":{"polluted":1}}},{"at":2,"__proto__":{"polluted":1}}]')}`;
    const r = decodePlaygroundState(q);
    expect(r.state.edits).toEqual([]);
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // effectiveSettings copies known fields only.
    const s = state({ edits: [{ at: 0, set: JSON.parse('{"__proto__":{"polluted":1},"learningRate":0.5}') }] });
    const eff = effectiveSettings(s);
    expect(Object.getPrototypeOf(eff)).toBe(Object.prototype);
    expect(eff.learningRate).toBe(0.5);
    expect((eff as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('playground defaultValue', () => {
  it('keeps the valid fields, drops unknown keys and falls back per bad field, never throwing', () => {
    const r = sanitizePlaygroundState(JSON.parse('{"dataset":"bogus","features":["__proto__"],"hidden":[3],"__proto__":{"x":1},"what":1,"learningRate":1e300}'));
    expect(r.state.dataset).toBe('circle');
    expect(r.state.features).toEqual(['x1', 'x2']);
    expect(r.state.hidden).toEqual([3]);
    expect(r.state.learningRate).toBe(0.03);
    expect(r.errors.join('\n')).toMatch(/unknown field "__proto__"/);
    expect(r.errors.join('\n')).toMatch(/unknown field "what"/);
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
    for (const bad of [null, 3, 'x', [], { points: 'x' }, { edits: [{ at: 0, weight: [0, 0, 0, NaN] }] }]) expect(() => sanitizePlaygroundState(bad)).not.toThrow();
  });

  it('renders with a bad defaultValue and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      render(<Playground defaultValue={JSON.parse('{"dataset":"bogus","features":["__proto__"]}')} />);
      expect(screen.getByTestId('status').textContent).toMatch(/Epoch 0/);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/dataset: "bogus".*features/);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('playground CSV', () => {
  it('reads points with a header and comments, and writes them back', () => {
    const r = parsePointsCsv('x1,x2,label\n# mine\n1,2,0\n-3.5;4;1\n\n', 'classification');
    expect(r).toEqual({ ok: true, points: [[1, 2, 0], [-3.5, 4, 1]], headerProblem: 'classification' });
    const data = makePlaygroundData({ ...DEFAULT_PLAYGROUND_STATE, dataset: 'custom', points: [[1, 2, 0], [-3.5, 4, 1]] });
    const csv = formatPointsCsv(data, 'classification');
    expect(csv.split('\n')[0]).toBe('x1,x2,label,split');
    expect(csv.trim().split('\n')).toHaveLength(3);
  });

  it('reads our own export back, with its split column', () => {
    for (const dataset of ['spiral', 'plane'] as const) {
      const s = state({ dataset, problem: dataset === 'plane' ? 'regression' : 'classification', noise: 50 });
      const data = makePlaygroundData(s);
      const r = parsePointsCsv(formatPointsCsv(data, s.problem), s.problem);
      if (!r.ok) throw new Error(r.error);
      expect(r.points).toEqual(data.X.map((x, i) => [x[0], x[1], data.y[i]]));
      expect(r.split!.filter((x) => x === 'test')).toHaveLength(data.test.length);
    }
  });

  it('reads RFC 4180 quoting as Excel writes it', () => {
    const excel = '"x1","x2","la""bel"\r\n"1.5","-2","1"\r\n"0,5";"2,25";"0"\r\n" 3 ","4","0"\r\n';
    expect(parsePointsCsv(excel, 'classification')).toMatchObject({ ok: true, points: [[1.5, -2, 1], [0.5, 2.25, 0], [3, 4, 0]] });
    // A line break inside quotes keeps the line numbers right.
    expect(parsePointsCsv('"x\n1","x2","label"\n1,2,0\n1,2,x', 'classification')).toEqual({ ok: false, error: 'Line 4: "x" is not a number' });
    expect(parsePointsCsv('1,2,0\n"1,2,0', 'classification')).toEqual({ ok: false, error: 'Line 2: a quoted field is not closed' });
    expect(parsePointsCsv('"1"x,2,0', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/Line 1: text after a closing quote/) });
  });

  it('names the line and the problem of a malformed file', () => {
    expect(parsePointsCsv('1,2,0\n3,abc,1', 'classification')).toEqual({ ok: false, error: 'Line 2: "abc" is not a number' });
    expect(parsePointsCsv('1,2\n', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/Line 1: expected 3 values/) });
    expect(parsePointsCsv('1,2,0.5', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/class 0 to 4/) });
    expect(parsePointsCsv('9,2,1', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/\[−6, 6\]/) });
    expect(parsePointsCsv('1,2,0,maybe', 'classification')).toMatchObject({ ok: false, error: expect.stringMatching(/Line 1: the 4th column/) });
    expect(parsePointsCsv('', 'regression')).toMatchObject({ ok: false, error: expect.stringMatching(/No points/) });
    expect(parsePointsCsv('1,2,0.5', 'regression')).toEqual({ ok: true, points: [[1, 2, 0.5]] });
    expect(parsePointsCsv('0x10,2,1', 'classification')).toMatchObject({ ok: false, error: 'Line 1: "0x10" is not a number' });
  });
});

describe('PlaygroundTrainer', () => {
  it('replays to an epoch deterministically, edits included, sliced or not, and learns the circle', () => {
    const s = state({ epoch: 200, learningRate: 0.1, edits: [{ at: 100, set: { learningRate: 0.03 } }] });
    const a = new PlaygroundTrainer(s);
    a.syncTo(s);
    const b = new PlaygroundTrainer(s);
    b.syncTo({ ...s, epoch: 50 });
    let slices = 0;
    while (!b.syncTo(s, s.epoch, { maxSteps: 333 })) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(a.trainLoss.at(-1)).toEqual(b.trainLoss.at(-1));
    expect(a.trainLoss[0][1]).toBeGreaterThan(a.trainLoss.at(-1)![1]);
    expect(a.testAccuracy()).toBeGreaterThan(0.9);
    expect(a.mlp.settings.learningRate).toBe(0.03);
  });

  it('standardises the inputs, x̂ = (x − μ)/√(σ² + ε), or feeds them raw', () => {
    const on = new PlaygroundTrainer(state({ features: ['x1', 'x1sq'] }));
    const off = new PlaygroundTrainer(state({ features: ['x1', 'x1sq'], normalize: false }));
    const xs = on.data.train.map((i) => on.data.X[i][0]);
    const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(on.mean[0]).toBeCloseTo(mu, 12);
    const row = new Float64Array(2);
    on.input(3, 0, row);
    expect(row[0]).toBeCloseTo((3 - mu) / on.std[0], 12);
    off.input(3, 0, row);
    expect([...row]).toEqual([3, 9]);
  });

  it('trains with dropout, changed as an edit', () => {
    const s = state({ dropout: 0.3, epoch: 3, edits: [{ at: 2, set: { dropout: 0.1 } }] });
    const t = new PlaygroundTrainer(s);
    t.syncTo(s);
    expect(t.mlp.settings.dropout).toBe(0.1);
    expect(Number.isFinite(t.trainLoss.at(-1)![1])).toBe(true);
  });

  it('adds a point as a training point without touching the weights', () => {
    const s = state({ epoch: 5 });
    const t = new PlaygroundTrainer(s);
    t.syncTo(s);
    const before = t.mlp.getWeights(0);
    const n = t.data.train.length;
    const s2 = { ...s, edits: [{ at: 5, point: [1, 1, 0] as [number, number, number] }] };
    expect(t.canReach(s2)).toBe(true);
    t.syncTo(s2);
    expect(t.mlp.getWeights(0)).toEqual(before);
    expect(t.data.train.length).toBe(n + 1);
    expect(t.epoch).toBe(5);
  });

  it('gives the 100 × 100 grid of every neuron from one batched pass', () => {
    const s = state({ hidden: [8, 8, 8, 8, 8, 8], features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] });
    const t = new PlaygroundTrainer(s);
    t.syncTo(s);
    const g = t.gridOutputs();
    expect(g.n).toBe(10_000);
    expect(g.neurons).toHaveLength(7);
    expect(g.neurons[5]).toHaveLength(8);
  });

  it('uses softmax over k classes for the blobs, and splits 80/20 by default', () => {
    const s = state({ dataset: 'blobs', classes: 4, epoch: 5 });
    const t = new PlaygroundTrainer(s);
    t.syncTo(s);
    expect(t.nOut).toBe(4);
    expect(t.mlp.activations.at(-1)).toBe('softmax');
    expect(t.data.train.length).toBe(400);
    expect(t.data.test.length).toBe(100);
  });
});

describe('playground layout', () => {
  it('never lets the output cover the network: widths add up, one column when compact', () => {
    for (const w of [640, 700, 960, 980, 1400]) {
      const l = panelLayout(w, 470, false);
      expect(l.netW + l.outW + 12, String(w)).toBeLessThanOrEqual(w);
      expect(l.heat).toBeLessThanOrEqual(l.outW);
    }
    const c = panelLayout(358, 470, true);
    expect(Math.max(c.netW, c.outW, c.heat, c.dataW)).toBeLessThanOrEqual(358);
    // Six layers of eight neurons fit a phone: the last column ends inside the width.
    const g = networkGeometry(358, 470, [8, 8, 8, 8, 8, 8], true);
    expect(g.colX(7) + g.node).toBeLessThanOrEqual(358);
    // Columns too narrow for two 44 px buttons each: the layer buttons move under the diagram.
    expect(g.buttonsBelow).toBe(true);
    expect(networkGeometry(600, 470, [8, 8, 8], false).buttonsBelow).toBe(false);
    const edges = edgesOf([{ weights: [[1]], bias: [0] }], g, ['x1']);
    expect(edges[0].mid[0]).toBeLessThan(358);
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
    expect(screen.getByTestId('playground').classList.contains('gl-explainer')).toBe(true);
    expect(document.querySelectorAll('[data-gl-panel].gl-panel')).toHaveLength(3);
  });

  it('passes rest props, ref, theme and checks its size', () => {
    const ref = createRef<HTMLElement>();
    render(<Playground ref={ref} id="pg" data-course="ml" theme="dark" />);
    expect(ref.current?.id).toBe('pg');
    expect(ref.current?.getAttribute('data-course')).toBe('ml');
    expect(ref.current?.getAttribute('data-theme')).toBe('dark');
    cleanup();
    render(<Playground width={NaN} />);
    expect(screen.getByRole('alert').textContent).toMatch(/width must be a positive number/);
  });

  it('is controllable: a parent that ignores onValueChange keeps it where it is; a bad value falls back', () => {
    const onValueChange = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { rerender } = render(<Playground value={state({ epoch: 2 })} onValueChange={onValueChange} />);
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      expect(onValueChange.mock.calls.map((c) => c[0].epoch)).toEqual([3, 3]);
      expect(screen.getByTestId('epoch').textContent).toBe('Epoch 0002');
      rerender(<Playground value={{ ...state({ epoch: 4 }), hidden: [100000, 100000] }} onValueChange={onValueChange} />);
      expect(screen.getByTestId('epoch').textContent).toBe('Epoch 0004');
      expect(screen.getAllByTestId('neuron-thumb')).toHaveLength(6);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('hides telemetry unless showPerformance', () => {
    render(<Playground />);
    expect(screen.queryByTestId('fps')).toBeNull();
    cleanup();
    render(<Playground showPerformance />);
    expect(screen.queryByTestId('perf')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByTestId('perf').textContent).toMatch(/steps\/s/);
  });

  it('does nothing on a click of the output unless "Add points" is on; a point keeps the weights and can be undone', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} defaultValue={{ epoch: 3 }} />);
    const heat = screen.getByTestId('heatmap');
    const rect = heat.querySelector('rect')!;
    fireEvent.pointerDown(rect, { clientX: 10, clientY: 10 });
    expect(onValueChange).not.toHaveBeenCalled();
    expect(heat.getAttribute('data-points')).toBe('500');
    const weightBefore = screen.getByTestId('w-0-0-0').getAttribute('data-weight');
    fireEvent.click(screen.getByRole('button', { name: 'Add points' }));
    expect(screen.getByRole('button', { name: 'Add points' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.pointerDown(rect, { clientX: 10, clientY: 10 });
    const last = onValueChange.mock.lastCall![0] as PlaygroundState;
    expect(last.epoch).toBe(3);
    expect(last.edits).toHaveLength(1);
    expect(last.edits[0]).toMatchObject({ at: 3, point: [expect.any(Number), expect.any(Number), 1] });
    expect(heat.getAttribute('data-points')).toBe('501');
    expect(screen.getByTestId('epoch').textContent).toBe('Epoch 0003');
    expect(screen.getByTestId('w-0-0-0').getAttribute('data-weight')).toBe(weightBefore);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onValueChange.mock.lastCall![0].edits).toEqual([]);
    expect(heat.getAttribute('data-points')).toBe('500');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(heat.getAttribute('data-points')).toBe('501');
  });

  it('adds a point from labelled fields', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'x₁' }), { target: { value: '2.5' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'x₂' }), { target: { value: '-1' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Class of new points' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add point' }));
    expect(onValueChange.mock.lastCall![0].edits).toEqual([{ at: 0, point: [2.5, -1, 0] }]);
    expect(screen.getByTestId('heatmap').getAttribute('data-points')).toBe('501');
    fireEvent.click(screen.getByRole('button', { name: 'Clear my points (1)' }));
    expect(screen.getByTestId('heatmap').getAttribute('data-points')).toBe('500');
    expect(onValueChange.mock.lastCall![0].edits).toEqual([]);
  });

  it('shows a weight on hover and edits it in place, beside its edge', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} defaultValue={{ epoch: 3 }} />);
    const edge = screen.getByTestId('w-1-2-1');
    fireEvent.pointerEnter(edge);
    expect(screen.getByTestId('weight-label').textContent).toMatch(/^w = −?\d/);
    fireEvent.click(edge);
    const input = screen.getByTestId('weight-input');
    expect(input.getAttribute('aria-label')).toBe('Weight from layer 1 unit 3 to layer 2 unit 2');
    fireEvent.change(input, { target: { value: '2.5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ edits: [{ at: 3, weight: [1, 2, 1, 2.5] }] }));
    expect(screen.queryByTestId('weight-input')).toBeNull();
    expect(screen.getByTestId('w-1-2-1').getAttribute('data-weight')).toBe('2.5');
    // From the keyboard: Enter on the focused edge opens its editor, Escape closes it.
    fireEvent.keyDown(screen.getByTestId('w-0-0-0'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByTestId('weight-input'), { key: 'Escape' });
    expect(screen.queryByTestId('weight-input')).toBeNull();
    for (const p of screen.getByTestId('edge-targets').querySelectorAll('path')) expect(p.getAttribute('stroke-width')).toBe('44');
  });

  it('previews a hovered neuron on the big plot', () => {
    render(<Playground />);
    const heat = screen.getByTestId('heatmap');
    expect(heat.getAttribute('data-showing')).toBe('Output');
    const thumb = screen.getAllByTestId('neuron-thumb')[1];
    fireEvent.pointerEnter(thumb);
    expect(heat.getAttribute('data-showing')).toBe('Layer 1 unit 2');
    fireEvent.pointerLeave(thumb);
    expect(heat.getAttribute('data-showing')).toBe('Output');
  });

  it('toggles test data and discretized output, and has a −1 … 1 colour key', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} />);
    const heat = screen.getByTestId('heatmap');
    expect(heat.querySelectorAll('[data-split="test"]')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Show test data' }));
    expect(heat.querySelectorAll('[data-split="test"]')).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'Discretize output' }));
    expect(onValueChange.mock.lastCall![0]).toMatchObject({ showTestData: true, discretize: true });
    expect(screen.getByTestId('output-legend').getAttribute('aria-label')).toMatch(/from −?1 to 1/);
  });

  it('offers the data sets as picture tiles, and colours regression targets by value', () => {
    render(<Playground />);
    const group = screen.getByRole('radiogroup', { name: 'Data set' });
    expect(within(group).getAllByRole('radio').length).toBe(6);
    expect(group.querySelectorAll('canvas').length).toBe(6);
    fireEvent.click(within(group).getByRole('radio', { name: 'Spiral' }));
    expect(within(group).getByRole('radio', { name: 'Spiral' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.change(screen.getByRole('combobox', { name: 'Problem' }), { target: { value: 'regression' } });
    const fills = [...screen.getByTestId('heatmap').querySelectorAll('circle')].map((c) => c.getAttribute('fill'));
    expect(fills.every((f) => /^color-mix\(in srgb, var\(--gl-weight-(pos|neg)/.test(f!))).toBe(true);
    expect(new Set(fills).size).toBeGreaterThan(10);
  });

  it('has normalisation and dropout controls that reach the state', () => {
    const onValueChange = vi.fn();
    render(<Playground onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Normalise inputs' }));
    expect(onValueChange.mock.lastCall![0].normalize).toBe(false);
    fireEvent.change(screen.getByRole('slider', { name: 'Dropout' }), { target: { value: '0.2' } });
    expect(onValueChange.mock.lastCall![0].dropout).toBeCloseTo(0.2);
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

  it('replays a long permalink between frames with a progress bar, never blocking', async () => {
    const t0 = performance.now();
    const { unmount } = render(<Playground defaultValue={{ epoch: 100_000, batchSize: 1, hidden: [8, 8, 8, 8, 8, 8] }} />);
    expect(performance.now() - t0).toBeLessThan(3000);
    const bar = screen.getByRole('progressbar', { name: 'Replaying the training run' });
    expect(bar.getAttribute('max')).toBe('10000');
    expect(screen.getByTestId('status').textContent).toMatch(/Replaying the run: epoch \d+ of 10,000/);
    expect(screen.getByRole('button', { name: 'Play' }).hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(Number(bar.getAttribute('value'))).toBeGreaterThan(0), { timeout: 3000 });
    const cancel = vi.spyOn(globalThis, 'cancelAnimationFrame');
    unmount();
    expect(cancel).toHaveBeenCalled();
    cancel.mockRestore();
  });

  it('stops a replay at maxEpochs and says so', async () => {
    render(<Playground maxEpochs={20} defaultValue={{ epoch: 500 }} />);
    await waitFor(() => expect(screen.getByTestId('epoch').textContent).toBe('Epoch 0020'));
    expect(screen.getByTestId('status').textContent).toMatch(/stopped at the limit of 20 epochs/);
    expect(screen.queryByRole('progressbar')).toBeNull();
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
    act(() => {
      fireEvent.keyDown(root, { key: 'z', ctrlKey: true });
    });
    expect(epoch.textContent).toBe('Epoch 0002');
  });
});
