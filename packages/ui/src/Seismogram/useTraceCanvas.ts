import { useLayoutEffect, useRef, type RefObject } from 'react';
import { readThemeColors } from '../common/colors';
import { prepareCanvas } from '../common/canvas';
import { drawTrace, visibleAmplitude } from '../common/waveform';
import { GAP, type TrackLayout } from './model';
import type { SeismogramModel } from './useSeismogram';

const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** The spectrogram painted once into an offscreen canvas, one pixel per frame and frequency bin. */
function useSpectrogramBitmap(spec: SeismogramModel['spec']): RefObject<HTMLCanvasElement | null> {
  const bitmap = useRef<HTMLCanvasElement | null>(null);
  useLayoutEffect(() => {
    bitmap.current = null;
    if (!spec || typeof document === 'undefined' || typeof ImageData === 'undefined') return;
    const c = document.createElement('canvas');
    c.width = spec.image.width;
    c.height = spec.image.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(spec.image.data as Uint8ClampedArray<ArrayBuffer>, spec.image.width, spec.image.height), 0, 0);
    bitmap.current = c;
  }, [spec]);
  return bitmap;
}

/**
 * Draws the traces (min/max-decimated per pixel column), the STA/LTA ratio and the
 * spectrogram on one canvas, all on the same time scale [start, end] → [0, plotW]; the
 * trace colour comes from the theme (`--gl-fg`), read at draw time. Each redraw's duration
 * goes to `data-draw-ms` and `onDraw`.
 */
export function useTraceCanvas(model: SeismogramModel, t: TrackLayout, onDraw?: (ms: number) => void): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bitmap = useSpectrogramBitmap(model.spec);
  const onDrawRef = useRef(onDraw);
  onDrawRef.current = onDraw;
  const { shown, start, end, fs, scaling, sharedPeak, spec, picker, showRatio } = model;
  const { plotW, plotH, trackH, ratioTop, ratioH, specTop, specH } = t;
  useLayoutEffect(() => {
    const t0 = performance.now();
    const ctx = prepareCanvas(canvasRef.current, plotW, plotH);
    if (!ctx) return;
    const colors = readThemeColors(ctx.canvas);
    ctx.clearRect(0, 0, plotW, plotH);
    ctx.strokeStyle = rgb(colors.fg);
    ctx.lineWidth = 1;
    ctx.lineJoin = 'round';
    const i0 = start * fs;
    const i1 = end * fs;
    const clipTo = (y: number, h: number, draw: () => void) => {
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, y, plotW, h);
      ctx.clip();
      draw();
      ctx.restore();
    };
    shown.forEach((tr, j) => {
      const amp = scaling === 'view' ? visibleAmplitude(tr.samples, i0, i1, plotW) : sharedPeak;
      const y = j * (trackH + GAP);
      clipTo(y, trackH, () => drawTrace(ctx, tr.samples, i0, i1, { x: 0, width: plotW, yMid: y + trackH / 2, halfHeight: trackH / 2 - 1, amplitude: amp }));
    });
    if (showRatio && picker) {
      // Ratio ≥ 0 from the track's bottom: drawTrace's zero line at the bottom, its top at the peak.
      const peak = Math.max(picker.settings.on * 1.5, visibleAmplitude(picker.ratio, i0, i1, plotW));
      ctx.strokeStyle = rgb(colors.muted);
      clipTo(ratioTop, ratioH, () => drawTrace(ctx, picker.ratio, i0, i1, { x: 0, width: plotW, yMid: ratioTop + ratioH - 1, halfHeight: ratioH - 2, amplitude: peak }));
    }
    const img = bitmap.current;
    if (spec && img) {
      ctx.imageSmoothingEnabled = true;
      // Source columns for [start, end], clipped to the image (and the destination in proportion).
      const sx = (start - spec.left) / spec.pixel;
      const sw = (end - start) / spec.pixel;
      const a = Math.max(0, sx);
      const b = Math.min(img.width, sx + sw);
      if (b > a) {
        const x0 = ((a - sx) / sw) * plotW;
        const x1 = ((b - sx) / sw) * plotW;
        ctx.drawImage(img, a, 0, b - a, img.height, x0, specTop, x1 - x0, specH);
      }
    }
    const ms = performance.now() - t0;
    ctx.canvas.dataset.drawMs = ms.toFixed(3);
    onDrawRef.current?.(ms);
  }, [shown, start, end, fs, plotW, plotH, trackH, scaling, sharedPeak, spec, bitmap, picker, showRatio, ratioTop, ratioH, specTop, specH]);
  return canvasRef;
}

/** The ratio track's top value: the threshold × 1.5, or the ratio's peak in view if higher. */
export function ratioPeak(model: SeismogramModel, plotW: number): number {
  const p = model.picker;
  if (!p) return 1;
  return Math.max(p.settings.on * 1.5, visibleAmplitude(p.ratio, model.start * model.fs, model.end * model.fs, plotW));
}
