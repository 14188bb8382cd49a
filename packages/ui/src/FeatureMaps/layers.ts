import type { ActivationLayer } from '../common/LayerActivations';
import { layerTitle } from '../common/mnistModels';

/**
 * The layers of the MNIST networks as the explainers show them: titles as in the slides'
 * demo, each map of a layer on one shared colour scale, the first layer's filters in the
 * order of its maps, and the ranked output. Pure, no React, no TF.js.
 */

export type { ActivationLayer } from '../common/LayerActivations';

/** The 8 layers the slides' MNIST demo lists (its network has two dense hidden layers). */
export const SLIDE_LAYERS = [
  'Input layer',
  'Convolution layer 1',
  'Downsampling layer 1',
  'Convolution layer 2',
  'Downsampling layer 2',
  'Fully-connected layer 1',
  'Fully-connected layer 2',
  'Output layer',
] as const;

/** Every layer of the model's pass, titled as the slides' demo ("Convolution layer 1"…), flatten and dropout left out. */
export function titledLayers(acts: { name: string; type: string; shape: number[]; data: Float32Array }[]): ActivationLayer[] {
  const count: Record<string, number> = {};
  const out: ActivationLayer[] = [];
  acts.forEach((a, i) => {
    const title = i === acts.length - 1 ? 'Output layer' : layerTitle(a.type, i, count);
    // A flat input (the fully connected model's 784) is still a 28 × 28 picture.
    const shape = a.type === 'input' && a.shape.length === 1 && a.shape[0] === 784 ? [28, 28, 1] : a.shape;
    if (a.type !== 'flatten' && a.type !== 'dropout') out.push({ title, type: a.type, shape, data: a.data });
  });
  return out;
}

/** The slides' 8 layers, each with whether this model has it (ours has one dense hidden layer, not two). */
export function slideLayerList(present: readonly string[]): { title: string; present: boolean }[] {
  return SLIDE_LAYERS.map((title) => ({ title, present: present.includes(title) }));
}

/** The largest |value| of a layer: the end of its shared colour scale (1 when all zero). */
export function layerScale(layer: ActivationLayer): number {
  let m = 0;
  for (let i = 0; i < layer.data.length; i++) m = Math.max(m, Math.abs(layer.data[i]));
  return m > 0 ? m : 1;
}

/** The maps of an [h, w, c] layer, channel k as its own h × w row-major array. */
export function mapsOf(layer: ActivationLayer): Float32Array[] {
  const [h, w, c] = layer.shape;
  return Array.from({ length: c }, (_, ch) => {
    const m = new Float32Array(h * w);
    for (let p = 0; p < h * w; p++) m[p] = layer.data[p * c + ch];
    return m;
  });
}

/** The first conv layer's filters [kh, kw, 1, nf] as nf arrays of kh × kw, filter k producing map k. */
export function filtersOf(filters: { shape: number[]; data: Float32Array }): { kernels: Float32Array[]; kh: number; kw: number; max: number } {
  const [kh, kw, cin, nf] = filters.shape;
  let max = 0;
  for (const v of filters.data) max = Math.max(max, Math.abs(v));
  const kernels = Array.from({ length: nf }, (_, f) => {
    const k = new Float32Array(kh * kw);
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) k[y * kw + x] = filters.data[((y * kw + x) * cin + 0) * nf + f];
    return k;
  });
  return { kernels, kh, kw, max: max || 1 };
}

/** The digits ranked by probability, most likely first. */
export function ranked(probs: ArrayLike<number>): [number, number][] {
  return Array.from(probs, (p, d) => [d, p] as [number, number]).sort((a, b) => b[1] - a[1]);
}

/** A probability as a percentage, one decimal. */
export function pct(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** Below this top probability the explainers add "is this a digit?" (the network answers with a digit whatever it sees). */
export const UNSURE_BELOW = 0.6;

/** The caution for an unsure top guess, or '' when it is sure enough. */
export function caution(top: number): string {
  return top < UNSURE_BELOW ? ` Unsure (top probability below ${Math.round(UNSURE_BELOW * 100)}%): is this a digit? The network must answer with one of ten digits, whatever it is shown.` : '';
}

/** A colour-key tick: 3 significant digits with a real minus sign "−". */
export function minusFormat(v: number): string {
  return String(Number(v.toPrecision(3))).replace('-', '−');
}
