import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { cssVar } from './theme';

/** A scale an {@link Axis} can draw: d3's linear or log scale (or anything with their methods). */
export type AxisScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/** One tick of an axis. */
export interface AxisTick {
  /** The data value. */
  value: number;
  /** Its label, or null for a minor (unlabelled) tick. */
  label: string | null;
}

/** Props of {@link Axis}. */
export interface AxisProps {
  /** The scale whose domain is labelled; its range is in px. Log scales get decade ticks. */
  scale: AxisScale;
  /** Which side of the plot. */
  orient: 'bottom' | 'left';
  /** Offset of the axis line: y for bottom, x for left. */
  offset: number;
  /** Axis title (may hold Unicode maths such as θ₁). */
  label?: string;
  /** Number of ticks asked of the scale. Default 5. */
  ticks?: number;
  /** Tick label format (linear scales). Default the scale's `tickFormat`. */
  format?: (value: number) => string;
}

const FONT = 11;

/** Whether `scale` is logarithmic (it has a `base`). */
export function isLogScale(scale: AxisScale): scale is ScaleLogarithmic<number, number> {
  return typeof (scale as ScaleLogarithmic<number, number>).base === 'function';
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A number with the typographic minus sign (U+2212), as the slides print it. */
function withMinus(text: string): string {
  return text.replace(/^-/, '−');
}

/** A power of ten written compactly: 0.001, 1, 1000, 10⁵, 10⁻⁶ (minus sign U+2212, never a hyphen). */
export function formatPowerOfTen(v: number): string {
  const e = Math.round(Math.log10(Math.abs(v)));
  if (Math.abs(Math.abs(v) - 10 ** e) > 1e-9 * Math.abs(v)) return withMinus(String(Number(v.toPrecision(3))));
  const sign = v < 0 ? '−' : '';
  if (e >= -3 && e <= 4) return `${sign}${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}`;
  return `${sign}10${String(e).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c])}`;
}

/**
 * The ticks of an axis. Linear: d3's ticks, all labelled. Log: d3's log ticks, with the
 * powers of ten (1, 10, 100…) labelled and the 2…9 multiples between them as minor,
 * unlabelled ticks; over many decades every k-th decade is labelled (at most `count`
 * labels); with fewer than two powers of ten in view the 2× and 5× ticks are labelled
 * too, and a range within one decade labels its ends.
 */
export function axisTicks(scale: AxisScale, count = 5, format?: (v: number) => string): AxisTick[] {
  if (!isLogScale(scale)) {
    const fmt = format ?? scale.tickFormat(count);
    return scale.ticks(count).map((value) => ({ value, label: fmt(value) }));
  }
  const [d0, d1] = scale.domain().map(Math.abs).sort((a, b) => a - b);
  if (!(d0 > 0) || !(d1 > d0)) return d0 > 0 ? [{ value: d0, label: formatPowerOfTen(d0) }] : [];
  const e0 = Math.floor(Math.log10(d0) + 1e-9);
  const e1 = Math.ceil(Math.log10(d1) - 1e-9);
  const decades = e1 - e0;
  // d3 gives 1…9 × 10^k when there are few decades, only powers of ten when there are many.
  let values = scale.ticks(count).filter((v) => v >= d0 * (1 - 1e-9) && v <= d1 * (1 + 1e-9));
  if (decades <= 8 && values.every((v) => isPowerOfTen(v))) {
    values = [];
    for (let e = e0; e <= e1; e++) for (let m = 1; m <= 9; m++) values.push(m * 10 ** e);
    values = values.filter((v) => v >= d0 * (1 - 1e-9) && v <= d1 * (1 + 1e-9));
  }
  const majors = values.filter(isPowerOfTen);
  if (majors.length === 0) {
    // Within one decade: label the ends, so the reader still has a scale.
    return [
      { value: d0, label: String(Number(d0.toPrecision(2))) },
      { value: d1, label: String(Number(d1.toPrecision(2))) },
    ];
  }
  const stride = Math.max(1, Math.ceil(majors.length / Math.max(2, count)));
  const labelled = new Set(majors.filter((_, i) => (majors.length - 1 - i) % stride === 0));
  // Less than two decades shown: label the 2× and 5× ticks too (20, 50, 200…), so there is a scale to read.
  if (majors.length < 2) for (const v of values) if ([2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9)))) labelled.add(v);
  return values.map((value) => ({ value, label: labelled.has(value) ? (isPowerOfTen(value) ? formatPowerOfTen(value) : withMinus(String(Number(value.toPrecision(3))))) : null }));
}

function isPowerOfTen(v: number): boolean {
  const e = Math.round(Math.log10(v));
  return Math.abs(v - 10 ** e) <= 1e-9 * v;
}

/** Width in px that tick labels of `FONT` px need (a estimate: 0.62 em per character). */
export function tickLabelWidth(ticks: readonly AxisTick[], fontSize = FONT): number {
  let n = 0;
  for (const t of ticks) if (t.label) n = Math.max(n, t.label.length);
  return Math.ceil(n * fontSize * 0.62);
}

/**
 * The margin (px) a left axis needs so that its title never collides with its tick
 * labels: tick (5) + gap (3) + labels + gap (6) + title (≈ 14).
 */
export function leftAxisMargin(scale: AxisScale, count = 5, withTitle = true): number {
  return 8 + tickLabelWidth(axisTicks(scale, count)) + (withTitle ? 22 : 4);
}

/**
 * A plain SVG axis rendered by React from a d3 scale (no d3-selection), class `gl-axis`
 * (title `gl-axis-title`, minor ticks `gl-tick-minor`). Log scales get real decade ticks
 * (see {@link axisTicks}). A left axis places its title beyond its widest tick label,
 * so "loss 𝓛" and "10000" never overlap; give the plot a left margin of at least
 * {@link leftAxisMargin}.
 */
export function Axis({ scale, orient, offset, label, ticks = 5, format }: AxisProps) {
  const values = axisTicks(scale, ticks, format);
  const [r0, r1] = scale.range();
  const stroke = cssVar('--gl-muted');
  if (orient === 'bottom') {
    return (
      <g aria-hidden="true" className="gl-axis" data-orient="bottom" fontSize={FONT} fill={cssVar('--gl-fg')}>
        <line x1={r0} x2={r1} y1={offset} y2={offset} stroke={stroke} />
        {values.map((t) => (
          <g key={t.value} className={t.label === null ? 'gl-tick-minor' : 'gl-tick'} transform={`translate(${scale(t.value)},${offset})`}>
            <line y2={t.label === null ? 3 : 5} stroke={stroke} />
            {t.label !== null && (
              <text y={16} textAnchor="middle">
                {t.label}
              </text>
            )}
          </g>
        ))}
        {label && (
          <text className="gl-axis-title" x={(r0 + r1) / 2} y={offset + 32} textAnchor="middle" fontSize={13}>
            {label}
          </text>
        )}
      </g>
    );
  }
  const titleX = offset - 8 - tickLabelWidth(values) - 8;
  return (
    <g aria-hidden="true" className="gl-axis" data-orient="left" fontSize={FONT} fill={cssVar('--gl-fg')}>
      <line y1={r0} y2={r1} x1={offset} x2={offset} stroke={stroke} />
      {values.map((t) => (
        <g key={t.value} className={t.label === null ? 'gl-tick-minor' : 'gl-tick'} transform={`translate(${offset},${scale(t.value)})`}>
          <line x2={t.label === null ? -3 : -5} stroke={stroke} />
          {t.label !== null && (
            <text x={-8} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          )}
        </g>
      ))}
      {label && (
        <text className="gl-axis-title" transform={`translate(${Math.min(offset - 38, titleX)},${(r0 + r1) / 2}) rotate(-90)`} textAnchor="middle" fontSize={13}>
          {label}
        </text>
      )}
    </g>
  );
}
