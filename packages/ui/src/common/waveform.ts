/**
 * Drawing helpers for waveforms: a trace of hundreds of thousands of samples drawn on a canvas
 * one pixel column at a time from its min/max decimation, an SVG path of a short trace, and a
 * spectrogram painted into an image with the viridis colour map. Maths and canvas calls only:
 * no React, no window (the callers run these in effects).
 */
import { minMaxDecimate, type Spectrogram } from '@geolearn/algorithms/seismic';
import { interpolateViridis } from 'd3-scale-chromatic';

/** Where and how {@link drawTrace} draws a trace. */
export interface TraceBox {
  /** Left edge of the plot in CSS px. */
  x: number;
  /** Width of the plot in CSS px (one min/max column per px). */
  width: number;
  /** Vertical centre of the trace (its zero line) in CSS px. */
  yMid: number;
  /** Half the track's height in CSS px: an amplitude of `amplitude` reaches it. */
  halfHeight: number;
  /** The amplitude drawn at ±halfHeight. */
  amplitude: number;
}

/**
 * The largest |sample| over samples [i0, i1) by min/max decimation into `columns` columns:
 * the scale of a trace within the view, at the price of one pass over the visible samples.
 */
export function visibleAmplitude(samples: ArrayLike<number>, i0: number, i1: number, columns: number): number {
  if (samples.length === 0) return 0;
  const a = Math.max(0, Math.floor(i0));
  const b = Math.min(samples.length, Math.ceil(i1));
  if (b <= a) return 0;
  const { min, max } = minMaxDecimate(samples, a, b, Math.max(1, Math.min(columns, b - a)));
  let m = 0;
  for (let c = 0; c < min.length; c++) m = Math.max(m, Math.abs(min[c]), Math.abs(max[c]));
  return m;
}

/** The largest |sample| of a whole trace. */
export function peakAmplitude(samples: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(samples[i]);
    if (v > m) m = v;
  }
  return m;
}

/**
 * Strokes samples [i0, i1) (fractional sample indices: a smooth pan) across `box`. With more
 * than two samples per pixel column it draws each column from its min to its max
 * ({@link minMaxDecimate}), one segment per column joined into one path, so that no peak is
 * lost and the cost is one pass over the visible samples plus `width` segments; zoomed in
 * further it draws the samples themselves as a polyline. The caller sets the stroke style.
 */
export function drawTrace(ctx: CanvasRenderingContext2D, samples: ArrayLike<number>, i0: number, i1: number, box: TraceBox): void {
  const n = samples.length;
  if (n === 0 || !(i1 > i0) || box.width < 1) return;
  const k = box.amplitude > 0 ? box.halfHeight / box.amplitude : 0;
  const toY = (v: number) => box.yMid - v * k;
  const spp = (i1 - i0) / box.width;
  ctx.beginPath();
  if (spp <= 2) {
    const a = Math.max(0, Math.floor(i0));
    const b = Math.min(n - 1, Math.ceil(i1));
    for (let i = a; i <= b; i++) {
      const x = box.x + (i - i0) / spp;
      if (i === a) ctx.moveTo(x, toY(samples[i]));
      else ctx.lineTo(x, toY(samples[i]));
    }
  } else {
    const a = Math.max(0, i0);
    const b = Math.min(n, i1);
    if (b <= a) return;
    // Columns of the clamped range only, placed where that range lies in the box.
    const xa = box.x + (a - i0) / spp;
    const cols = Math.max(1, Math.round((b - a) / spp));
    const { min, max } = minMaxDecimate(samples, a, b, cols);
    for (let c = 0; c < cols; c++) {
      const x = xa + c + 0.5;
      if (c === 0) ctx.moveTo(x, toY(max[c]));
      else ctx.lineTo(x, toY(max[c]));
      ctx.lineTo(x, toY(min[c]));
    }
  }
  ctx.stroke();
}

/**
 * An SVG path of a short trace, min/max-decimated to about `width` columns: for the small
 * panels (quiz series, one event) where an SVG path of thousands of points would be heavy.
 */
export function tracePathD(samples: ArrayLike<number>, width: number, height: number, amplitude?: number, offset = 0): string {
  const n = samples.length;
  if (n === 0 || width < 1) return '';
  const amp = amplitude ?? peakAmplitude(samples);
  const k = amp > 0 ? height / 2 / amp : 0;
  const mid = height / 2;
  const y = (v: number) => (mid - (v - offset) * k).toFixed(1);
  const cols = Math.max(1, Math.min(Math.round(width), n));
  const parts: string[] = [];
  if (n <= 2 * cols) {
    for (let i = 0; i < n; i++) parts.push(`${i === 0 ? 'M' : 'L'}${((i / Math.max(1, n - 1)) * width).toFixed(1)},${y(samples[i])}`);
  } else {
    const { min, max } = minMaxDecimate(samples, 0, n, cols);
    const dx = width / cols;
    for (let c = 0; c < cols; c++) {
      const x = ((c + 0.5) * dx).toFixed(1);
      parts.push(`${c === 0 ? 'M' : 'L'}${x},${y(max[c])}L${x},${y(min[c])}`);
    }
  }
  return parts.join('');
}

let viridisLut: Uint8Array | null = null;

/** 256 RGB triples of the viridis colour map (perceptually uniform, readable in grey and by colour-blind readers). */
export function viridis(): Uint8Array {
  if (viridisLut) return viridisLut;
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const hex = interpolateViridis(i / 255);
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    const rgb = m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : parseRgb(hex);
    lut.set(rgb, 3 * i);
  }
  viridisLut = lut;
  return lut;
}

function parseRgb(s: string): number[] {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/** A spectrogram as RGBA pixels: one column per frame, one row per frequency bin up to `maxFrequency`, high frequencies on top. */
export interface SpectrogramImage {
  /** RGBA bytes, `width × height × 4`. */
  data: Uint8ClampedArray;
  /** Frames. */
  width: number;
  /** Frequency bins shown. */
  height: number;
  /** Frequencies in Hz of the bottom edge of the bottom row and the top edge of the top row (rows are bin-centred). */
  frequencyRange: [number, number];
  /** Power in dB (10·log₁₀) of the colour map's ends. */
  range: [number, number];
}

/**
 * Colours a spectrogram's power in decibels, 10·log₁₀ P, with viridis over the top
 * `dynamicRange` dB (everything quieter is the darkest colour).
 */
export function spectrogramImage(spec: Spectrogram, maxFrequency: number, dynamicRange = 60): SpectrogramImage {
  const { rows: frames, cols: bins, data } = spec.power;
  const df = spec.frequencies.length > 1 ? spec.frequencies[1] - spec.frequencies[0] : 1;
  const height = Math.max(1, Math.min(bins, Math.floor(maxFrequency / df) + 1));
  let top = -Infinity;
  for (let m = 0; m < frames; m++) for (let k = 0; k < height; k++) top = Math.max(top, data[m * bins + k]);
  const hi = top > 0 ? 10 * Math.log10(top) : 0;
  const lo = hi - dynamicRange;
  const lut = viridis();
  const out = new Uint8ClampedArray(frames * height * 4);
  for (let m = 0; m < frames; m++) {
    for (let k = 0; k < height; k++) {
      const p = data[m * bins + k];
      const db = p > 0 ? 10 * Math.log10(p) : lo;
      const t = Math.max(0, Math.min(255, Math.round(((db - lo) / dynamicRange) * 255)));
      const o = ((height - 1 - k) * frames + m) * 4;
      out[o] = lut[3 * t];
      out[o + 1] = lut[3 * t + 1];
      out[o + 2] = lut[3 * t + 2];
      out[o + 3] = 255;
    }
  }
  return { data: out, width: frames, height, frequencyRange: [-df / 2, (height - 0.5) * df], range: [lo, hi] };
}
