import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ValidationError } from '@geolearn/algorithms';
import { Autoencoder as TfAutoencoder, initBackend, type SavedModelJSON } from '@geolearn/algorithms/nn';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Autoencoder } from '../src/Autoencoder';
import {
  compressionRatio,
  decodePoint,
  encodeAll,
  exampleRow,
  latentWindows,
  parseDenseAutoencoder,
  reconstructionFigures,
  runLayers,
  statusText,
  DEFAULT_STATE,
  type DenseLayer,
} from '../src/Autoencoder/model';
import { autoencoderTask } from '../src/Autoencoder/task';

/** The shipped files as file: URLs (under vitest, import.meta.url assets resolve to a dev-server URL). */
const models = path.join(path.dirname(fileURLToPath(import.meta.url)), '../assets/models');
const fileUrls = (name: string) => ({ modelUrl: pathToFileURL(path.join(models, name, 'model.json')).href, weightsUrl: pathToFileURL(path.join(models, name, 'weights.bin')).href });
const urls = { autoencoder: fileUrls('seismic-autoencoder'), denoiser: fileUrls('seismic-denoiser') };
const files = (name: string) => ({ modelJSON: JSON.parse(readFileSync(path.join(models, name, 'model.json'), 'utf8')) as SavedModelJSON, weightData: readFileSync(path.join(models, name, 'weights.bin')) });

beforeAll(async () => {
  // happy-dom looks like a page, where the WASM binary would be fetched from a server: use the CPU backend.
  await initBackend({ order: ['cpu'] });
});
afterEach(cleanup);

describe('Autoencoder model (plain TypeScript forward pass)', () => {
  it('hand-worked dense layer, figures and compression ratio', () => {
    // y = relu(x·W + b) with W = [1, −2]ᵀ, b = 0.5: (1, 1) → relu(−0.5) = 0; (2, 0.25) → 2.
    const l: DenseLayer = { W: new Float32Array([1, -2]), b: new Float32Array([0.5]), nIn: 2, nOut: 1, activation: 'relu' };
    expect(Array.from(runLayers([l], [1, 1]))).toEqual([0]);
    expect(Array.from(runLayers([l], [2, 0.25]))).toEqual([2]);
    // ‖x − x′‖²/L = 1/2, SNR = 10·log₁₀(4/1) = 6.02 dB.
    const f = reconstructionFigures([2, 0], [2, 1]);
    expect(f.mse).toBe(0.5);
    expect(f.snrDb).toBeCloseTo(6.0206, 4);
    expect(compressionRatio(256, 2)).toBe(128);
    expect(exampleRow(5, 2)).toBe(2 * 6 + 2);
    expect(statusText({ state: { ...DEFAULT_STATE, mode: 'denoise' }, loading: false, error: null, training: null, window: null, z: null, denoise: { inDb: 0, outDb: 8.26 }, source: 'shipped' })).toBe(
      'Input SNR 0.0 dB → output SNR 8.3 dB: a gain of +8.3 dB.',
    );
  });

  it('matches TF.js on the shipped weights (encode, decode, reconstruct)', () => {
    const f = files('seismic-autoencoder');
    const ae = parseDenseAutoencoder(f.modelJSON, f.weightData);
    expect(ae.latentDim).toBe(2);
    expect(ae.inputSize).toBe(256);
    const tf = TfAutoencoder.load(f.modelJSON, f.weightData);
    try {
      const d = latentWindows(8);
      const z = encodeAll(ae, d.x, 8);
      const zt = tf.encode(d.x);
      for (let i = 0; i < z.length; i++) expect(z[i]).toBeCloseTo(zt[i], 3);
      const y = decodePoint(ae, z.subarray(0, 2));
      const yt = tf.reconstruct(d.x.subarray(0, 256));
      for (let i = 0; i < 256; i++) expect(y[i]).toBeCloseTo(yt[i], 3);
    } finally {
      tf.dispose();
    }
  });

  it('refuses a convolutional or damaged model with a named ValidationError', () => {
    const conv = files('seismic-denoiser');
    expect(() => parseDenseAutoencoder(conv.modelJSON, conv.weightData)).toThrow(ValidationError);
    try {
      parseDenseAutoencoder(conv.modelJSON, conv.weightData);
    } catch (e) {
      expect((e as ValidationError).argument).toBe('modelJSON.options.kind');
    }
    const f = files('seismic-autoencoder');
    expect(() => parseDenseAutoencoder(f.modelJSON, f.weightData.subarray(0, 400))).toThrow(/weightData/);
  });

  it('the worker task validates its payload', async () => {
    const run = async (p: unknown) => {
      const g = autoencoderTask(p, { cancelled: () => false });
      let r = await g.next();
      while (!r.done) r = await g.next();
      return r.value;
    };
    await expect(run({ job: 'nope' })).rejects.toThrow(/payload\.job/);
    await expect(run({ job: 'train', epochs: 0 })).rejects.toThrow(/payload\.epochs/);
    await expect(run({ job: 'denoise', noisy: [1, 2] })).rejects.toThrow(/payload\.noisy/);
  });
});

describe('Autoencoder explainer', () => {
  it('starts trained: scatters the held-out codes, reconstructs the chosen window, decodes a picked point', async () => {
    const onValueChange = vi.fn();
    render(<Autoencoder modelUrls={urls} onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.hasAttribute('data-loaded')).toBe(true));
    expect(screen.getByTestId('latent-plot').getAttribute('data-points')).toBe('160');
    expect(document.querySelectorAll('.gl-ae-dot').length).toBe(160);
    expect(status.textContent).toMatch(/^Window 3, earthquake, Ricker pulse, Δ = 38 km: reconstructed by the shipped autoencoder at [\d.]+ dB SNR\./);
    expect(screen.getByTestId('compression').textContent).toBe('128 : 1');
    expect(Number(screen.getByTestId('snr-type-1').textContent!.replace('−', '-').split(' ')[0])).toBeGreaterThan(1);
    // A window by the slider (keyboard), then a dot by click.
    fireEvent.change(screen.getByRole('slider', { name: 'Held-out window' }), { target: { value: '5' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ window: 4, z: null }));
    expect(status.textContent).toMatch(/^Window 5/);
    fireEvent.click(document.querySelectorAll('.gl-ae-dot')[9]);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ window: 9 }));
    // Colour by distance shows the colour key.
    fireEvent.click(screen.getByRole('radio', { name: 'Distance' }));
    expect(screen.getByTestId('distance-key')).toBeTruthy();
  });

  it('decodes a latent point given as state, and the handle moves it by keyboard', async () => {
    const onValueChange = vi.fn();
    render(<Autoencoder modelUrls={urls} defaultValue={{ z: [0.5, -0.25] }} onValueChange={onValueChange} />);
    await waitFor(() => expect(screen.getByTestId('status').hasAttribute('data-loaded')).toBe(true));
    expect(screen.getByTestId('status').textContent).toMatch(/Decoding z = \(0\.50, −0\.25\)/);
    expect(screen.getByTestId('decoded-chart')).toBeTruthy();
    const handle = screen.getByTestId('latent-handle');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    const last = onValueChange.mock.calls.at(-1)![0] as { z: [number, number] };
    expect(last.z[0]).toBeGreaterThan(0.5);
    fireEvent.click(screen.getByTestId('back-to-window'));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ z: null }));
  });

  it('denoises: noisy input, denoised output and clean target with a positive SNR gain', async () => {
    render(<Autoencoder modelUrls={urls} defaultValue={{ mode: 'denoise', snrDb: 0 }} />);
    const gain = await screen.findByTestId('snr-gain', {}, { timeout: 20000 });
    expect(Number(gain.getAttribute('data-gain'))).toBeGreaterThan(3);
    expect(screen.getByTestId('status').textContent).toMatch(/^Input SNR 0\.0 dB → output SNR [\d.]+ dB: a gain of \+/);
    fireEvent.click(screen.getByRole('radio', { name: '−5 dB' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/^Input SNR −5\.0 dB/));
  }, 30000);

  it('trains a new autoencoder in the page (main-thread fallback) with a live loss curve, then switches back', async () => {
    render(<Autoencoder modelUrls={urls} trainWindows={64} defaultValue={{ epochs: 10 }} />);
    const status = screen.getByTestId('status');
    await waitFor(() => expect(status.hasAttribute('data-loaded')).toBe(true));
    fireEvent.click(screen.getByTestId('train'));
    await waitFor(() => expect(status.getAttribute('data-source')).toBe('trained'), { timeout: 20000 });
    expect(screen.getByTestId('loss-chart').getAttribute('data-state')).not.toBe('empty');
    expect(status.textContent).toMatch(/the autoencoder trained here/);
    fireEvent.click(screen.getByTestId('use-shipped'));
    expect(status.getAttribute('data-source')).toBe('shipped');
  }, 30000);

  it('warns once about a bad defaultValue and falls back to the defaults', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Autoencoder modelUrls={urls} defaultValue={{ window: 999, mode: 'nope' as never }} />);
    expect(warn).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/^Window 3/));
    warn.mockRestore();
  });

  it('says so when the model cannot be loaded', async () => {
    render(<Autoencoder modelUrls={{ autoencoder: { modelUrl: pathToFileURL('/nonexistent/model.json').href, weightsUrl: pathToFileURL('/nonexistent/w.bin').href } }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/^Could not load the trained autoencoder/));
    expect(document.querySelector('.gl-explainer')!.getAttribute('data-state')).toBe('error');
  });
});
