import { ValidationError } from '@geolearn/algorithms';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '@geolearn/algorithms/nn';
import { TransferLearning } from '../src/TransferLearning';
import { chartSeries, statusText } from '../src/TransferLearning/model';
import { checkTransferPayload, transferTask } from '../src/TransferLearning/task';

afterEach(cleanup);
beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

/** The shipped files as file: URLs (under vitest, import.meta.url assets resolve to a dev-server URL). */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/models/seismic-detector');
const model = { modelUrl: pathToFileURL(path.join(dir, 'model.json')).href, weightsUrl: pathToFileURL(path.join(dir, 'weights.bin')).href };

const point = (loss: number, accuracy: number) => ({ loss, accuracy });
const snap = (epoch: number, a: number) => ({ epoch, curves: { pretrained: point(1.5, 0.4), scratch: point(1.9, a / 2), frozen: point(1.2, a), full: point(1.1, a + 0.05) } });

describe('TransferLearning model', () => {
  it('makes four series and says the result', () => {
    const h = [snap(0, 0.3), snap(1, 0.5)];
    const s = chartSeries(h, 'accuracy');
    expect(s.map((x) => x.label)).toEqual(['pretrained as is, f_θ*', 'from scratch', 'fine-tuned, early layers frozen', 'transfer, all layers, f_θ* → f_α*']);
    expect(s[2].points).toEqual([[0, 30], [1, 50]]);
    expect(s[0].dashed).toBe(true);
    expect(chartSeries(h, 'loss')[3].points[1]).toEqual([1, 1.1]);
    expect(statusText({ error: null, running: false, history: h, nLabelled: 50, epochs: 1 })).toBe(
      'After 1 epoch on 50 labelled windows: held-out accuracy — pretrained 40 %, from scratch 25 %, frozen early layers 50 %, all layers 55 %.',
    );
    expect(statusText({ error: null, running: false, history: [], nLabelled: 20, epochs: 12 })).toMatch(/^Press Train/);
  });

  it('refuses bad payloads, naming the field', () => {
    expect(() => checkTransferPayload(null)).toThrow(ValidationError);
    expect(() => checkTransferPayload({ model, nLabelled: 5 })).toThrow(/nLabelled/);
    expect(() => checkTransferPayload({ model, nLabelled: 20, frozen: 8 })).toThrow(/frozen/);
    expect(() => checkTransferPayload({ model: {}, nLabelled: 20 })).toThrow(/model/);
    expect(() => checkTransferPayload({ model, nLabelled: 20, region: { vp: 3, vs: 4 } })).toThrow(/region.vs/);
    expect(checkTransferPayload({ model, nLabelled: 20 })).toMatchObject({ nTest: 200, epochs: 12, frozen: 6, seed: 0 });
  });

  it('trains the three trainable strategies and keeps the pretrained curve flat', async () => {
    const gen = transferTask({ model, nLabelled: 10, nTest: 8, epochs: 1, frozen: 6 });
    let r = await gen.next();
    while (!r.done) r = await gen.next();
    const res = r.value;
    expect(res.history).toHaveLength(2);
    expect(res.history[1].curves.pretrained).toEqual(res.history[0].curves.pretrained);
    expect(res.trainable.frozen).toBeLessThan(res.trainable.full);
    expect(res.trainable.scratch).toBe(res.trainable.full);
    expect(res.region).toBe('new region');
  });
});

describe('TransferLearning component (main-thread fallback)', () => {
  it('trains on demand and draws the four curves', async () => {
    const onValueChange = vi.fn();
    render(<TransferLearning model={model} epochs={1} nTest={8} defaultValue={{ nLabelled: 10 }} onValueChange={onValueChange} />);
    expect(screen.getByTestId('status').textContent).toMatch(/^Press Train/);
    fireEvent.change(screen.getByRole('slider', { name: 'Frozen convolutions (of 8)' }), { target: { value: '5' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ frozen: 5 }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('train'));
    });
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-done')).toBe('true'), { timeout: 30_000 });
    expect(screen.getByTestId('status').textContent).toMatch(/^After 1 epoch on 10 labelled windows/);
    expect(screen.getByTestId('trainable').textContent).toMatch(/frozen/);
    fireEvent.click(screen.getByRole('radio', { name: 'loss' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ metric: 'loss' }));
  });

  it('cleans a bad defaultValue and shows a bad width as a message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<TransferLearning model={model} defaultValue={{ nLabelled: 5000 } as never} />);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    cleanup();
    render(<TransferLearning model={model} width={-3} />);
    expect(screen.getByText(/width must be a positive number/)).toBeTruthy();
  });
});
