import * as tf from '@tensorflow/tfjs';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend, type SavedModelJSON } from '@geolearn/algorithms/nn';
import { DigitDrawingPad, FeatureMaps, type MnistModelSource } from '../src/mnist';
import { HELD_OUT_LABELS } from '../src/common/mnistDigits';
import { rasterizeStrokes } from '../src/DigitDrawingPad/rasterize';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../assets/models');
function read(name: string): MnistModelSource {
  return {
    modelJSON: JSON.parse(readFileSync(path.join(dir, name, 'model.json'), 'utf8')) as SavedModelJSON,
    weightData: new Uint8Array(readFileSync(path.join(dir, name, 'weights.bin'))),
  };
}
const models = { fc: read('mnist-fc'), cnn: read('mnist-cnn') };

beforeAll(async () => {
  // happy-dom has no WebGL and serves no .wasm: the cpu backend (components reuse the active one).
  await initBackend({ order: ['cpu'] });
});
afterEach(cleanup);

describe('rasterizeStrokes', () => {
  it('paints a round pen along the segments, nothing elsewhere', () => {
    const img = rasterizeStrokes([[[0.2, 0.5], [0.8, 0.5]]], 20, 1.5);
    expect(img[10 * 20 + 10]).toBe(1);
    expect(img[2 * 20 + 10]).toBe(0);
    expect(img[10 * 20 + 0]).toBe(0);
  });
});

describe('DigitDrawingPad', () => {
  it('classifies held-out digits from the keyboard path and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const { unmount } = render(<DigitDrawingPad models={models} defaultValue={{ sample: 21 }} />);
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.textContent).toMatch(/First guess: 7/), { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Next held-out digit' }));
    await waitFor(() => expect(status.getAttribute('data-guess')).toBe(String(HELD_OUT_LABELS[22])));
    fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), { target: { value: 'fc' } });
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Output layer' })).toBeTruthy(), { timeout: 20_000 });
    await waitFor(() => expect(status.getAttribute('data-guess')).toBe('7'), { timeout: 20_000 });
    unmount();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('draws with pointer events, undoes and clears', async () => {
    render(<DigitDrawingPad models={models} />);
    const pad = screen.getByTestId('pad');
    pad.getBoundingClientRect = () => ({ left: 0, top: 0, width: 280, height: 280, right: 280, bottom: 280, x: 0, y: 0, toJSON: () => ({}) });
    // A "1": one vertical stroke.
    fireEvent.pointerDown(pad, { clientX: 140, clientY: 40, pointerId: 1 });
    for (let y = 50; y <= 240; y += 10) fireEvent.pointerMove(pad, { clientX: 140, clientY: y, pointerId: 1 });
    fireEvent.pointerUp(pad, { clientX: 140, clientY: 240, pointerId: 1 });
    expect(pad.getAttribute('data-strokes')).toBe('1');
    await waitFor(() => expect(screen.getByTestId('first-guess').textContent).toBe('1'), { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(pad.getAttribute('data-strokes')).toBe('0');
    expect(screen.getByRole('button', { name: 'Clear' })).toHaveProperty('disabled', true);
  });
});

describe('FeatureMaps', () => {
  it('shows 16 first-layer filters and every layer for a digit, leak-free', async () => {
    const before = tf.memory().numTensors;
    const { unmount } = render(<FeatureMaps model={models.cnn} defaultValue={{ sample: 9 }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/the CNN says 3/), { timeout: 20_000 });
    expect(screen.getByTestId('filters').getAttribute('data-count')).toBe('16');
    expect(screen.getByRole('img', { name: /Convolution layer 1: 16 feature maps of 24 × 24/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Downsampling layer 2: 32 feature maps of 4 × 4/ })).toBeTruthy();
    unmount();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('DigitDrawingPad (issue 13 defects)', () => {
  it('sets the pen width: thin, medium or finger', () => {
    const onValueChange = vi.fn();
    render(<DigitDrawingPad models={models} onValueChange={onValueChange} />);
    expect(screen.getByTestId('pad').getAttribute('data-pen')).toBe('medium');
    fireEvent.click(screen.getByRole('radio', { name: 'Finger' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ pen: 'finger' }));
    expect(screen.getByTestId('pad').getAttribute('data-pen')).toBe('finger');
    // A wider pen inks more pixels.
    const line: [number, number][][] = [[[0.2, 0.5], [0.8, 0.5]]];
    const ink = (r: number) => rasterizeStrokes(line, 112, 112 * r).reduce((s, v) => s + v, 0);
    expect(ink(0.07)).toBeGreaterThan(ink(0.045));
    expect(ink(0.045)).toBeGreaterThan(ink(0.03));
  });

  it('lists the slides’ 8 layers; the one this CNN lacks is disabled', () => {
    render(<DigitDrawingPad models={models} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(8);
    expect(screen.getByRole('checkbox', { name: /Fully-connected layer 2/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('checkbox', { name: 'Output layer' })).toHaveProperty('disabled', false);
  });

  it('writes the CNN as a cross-correlation', () => {
    render(<DigitDrawingPad models={models} />);
    expect(document.querySelector('.gl-caption')?.textContent).toMatch(/cross-correlation/);
  });

  it('reports a bad defaultValue once and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<DigitDrawingPad models={models} defaultValue={{ pen: 'crayon' as never, sample: 99 }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('pad').getAttribute('data-pen')).toBe('medium');
    warn.mockRestore();
  });
});
