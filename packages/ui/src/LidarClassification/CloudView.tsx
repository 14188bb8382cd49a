import { useEffect, useRef } from 'react';
import { parseRgb, readThemeColors, sequentialRgb } from '../common/colors';
import { orbitProject, type OrbitCamera } from '../common/orbit';
import { useColorScheme } from '../hooks/useColorScheme';
import { useExplainerLayout } from '../kit/Explainer';
import { RotateArea } from '../kit/RotateArea';
import { readClassColors } from '../Playground/FieldCanvas';
import { conceptTokens } from '../styles/tokens';
import type { PointPaint } from './useLidarClassification';

/** Props of {@link CloudView}. */
export interface CloudViewProps {
  /** Points x y z … (m). */
  xyz: Float64Array;
  /** Side of the square scene, m. */
  size: number;
  /** What colours each point. */
  paint: PointPaint;
  /** Camera: [azimuth, elevation], degrees. */
  rotation: readonly [number, number];
  onRotate: (dAz: number, dEl: number) => void;
  width: number;
  height: number;
  /** Accessible name of the rotatable view. */
  label: string;
  /** Called with the time of each redraw, ms (telemetry). */
  onDraw?: (ms: number) => void;
}

type RGB = readonly [number, number, number];

/** The palette of a paint kind, as CSS colours: [bold, faint] per value. */
function palette(kind: PointPaint['kind'], el: Element): { bold: string[]; faint: string[] } {
  const theme = readThemeColors(el);
  const mix = (c: RGB, a: number) => `rgb(${c.map((v, q) => Math.round(theme.bg[q] + (v - theme.bg[q]) * a)).join(',')})`;
  let cols: RGB[];
  if (kind === 'classes') cols = readClassColors(el);
  else if (kind === 'errors') {
    const cs = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
    const wrong = parseRgb(cs?.getPropertyValue('--gl-diverged')) ?? parseRgb(conceptTokens['--gl-diverged'].light)!;
    // right, wrong, labelled
    cols = [theme.muted, wrong, theme.fg];
  } else cols = Array.from({ length: 64 }, (_, i) => sequentialRgb(i / 63));
  return { bold: cols.map((c) => mix(c, 1)), faint: cols.map((c) => mix(c, kind === 'errors' ? 0.35 : 0.3)) };
}

/**
 * The cloud on a canvas under a {@link RotateArea} (drag, touch or arrow keys turn it): each
 * point projected by the orbit camera and drawn far to near (painter's order) as a small
 * square, bold points a pixel larger. The scene's ground square is outlined for orientation.
 */
export function CloudView({ xyz, size, paint, rotation, onRotate, width, height, label, onDraw }: CloudViewProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  const [az, el] = rotation;
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext?.('2d');
    if (!c || !ctx) return;
    const t0 = performance.now();
    const dpr = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const n = xyz.length / 3;
    let z0 = Infinity, z1 = -Infinity;
    for (let i = 0; i < n; i++) {
      z0 = Math.min(z0, xyz[3 * i + 2]);
      z1 = Math.max(z1, xyz[3 * i + 2]);
    }
    const zc = (z0 + z1) / 2;
    // The square's diagonal (√2·L) must fit across; its height (with the z range) down.
    const cam: OrbitCamera = { azimuth: az, elevation: el, cx: width / 2, cy: height / 2, scale: Math.min(width / (size * 1.45), height / (size * 1.05 + (z1 - z0) * 0.5)) };
    const sx = new Float32Array(n), sy = new Float32Array(n), near = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [x, y, d] = orbitProject(xyz[3 * i] - size / 2, xyz[3 * i + 1] - size / 2, xyz[3 * i + 2] - zc, cam);
      sx[i] = x;
      sy[i] = y;
      near[i] = d;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => near[a] - near[b]);
    const pal = palette(paint.kind, c);
    const colors = readThemeColors(c);
    // Ground square outline.
    ctx.strokeStyle = `rgb(${colors.muted.join(',')})`;
    ctx.lineWidth = 1;
    ctx.beginPath();
    const h = size / 2;
    [[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]].forEach(([u, v], k) => {
      const [x, y] = orbitProject(u, v, z0 - zc, cam);
      if (k) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
    });
    ctx.stroke();
    const s = Math.max(1.5, Math.min(3, 2 * Math.sqrt(4000 / Math.max(1, n)) * (width / 600)));
    let last = '';
    for (const i of order) {
      const v = paint.values[i];
      const k = paint.kind === 'sequential' ? Math.max(0, Math.min(63, Math.round(v * 63))) : Math.max(0, Math.min(pal.bold.length - 1, v | 0));
      const b = paint.bold[i] === 1;
      const style = b ? pal.bold[k] : pal.faint[k];
      if (style !== last) ctx.fillStyle = last = style;
      const w = b ? s + 1 : s;
      ctx.fillRect(sx[i] - w / 2, sy[i] - w / 2, w, w);
    }
    onDraw?.(performance.now() - t0);
  }, [xyz, size, paint, az, el, width, height, scheme, theme, onDraw]);
  return (
    <div className="gl-stack gl-lidar-view" style={{ width, height }}>
      <canvas ref={ref} className="gl-lidar-canvas" aria-hidden="true" style={{ width, height }} />
      <svg className="gl-lidar-overlay" width={width} height={height}>
        <RotateArea azimuth={az} elevation={el} onRotate={onRotate} width={width} height={height} label={label} testId="rotate" />
      </svg>
    </div>
  );
}
