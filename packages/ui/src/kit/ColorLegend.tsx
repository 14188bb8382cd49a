import { scaleLinear, scaleLog } from 'd3-scale';
import { useId, type ReactNode } from 'react';
import { Axis, type AxisScale } from '../common/Axis';
import { sequential } from '../common/colors';
import { cssVar } from '../common/theme';
import { token } from '../styles/tokens';

/** Props of {@link ColorLegend}. */
export interface ColorLegendProps {
  /** 'sequential' (viridis: losses, magnitudes) or 'diverging' (signed values, 0 in the middle). */
  kind: 'sequential' | 'diverging';
  /** The values at the two ends (diverging: usually [−m, m]). */
  domain: readonly [number, number];
  /** Title, e.g. "loss 𝓛" or "weight w". */
  title: string;
  /** Width in px. Default 200. */
  width?: number;
  /** Log-spaced (sequential, positive domain). Default false. */
  log?: boolean;
  /** Number of ticks asked of the scale. Default 4. */
  ticks?: number;
  /**
   * Banded maps (filled contours): the band edges, ascending. The bar then shows one
   * equal-width band per level, lowest darkest, with a few edges labelled.
   */
  thresholds?: readonly number[];
  /** Tick label format. Default 3 significant digits. */
  format?: (v: number) => string;
  /** `data-testid` of the svg. */
  testId?: string;
}

const fmt3 = (v: number) => (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(Number(v.toPrecision(3))));

/**
 * The key to a colour map (class `gl-color-legend`): a title, a colour bar and its ticks,
 * in SVG. Sequential bars use viridis (the same at every theme); diverging bars go from
 * `--gl-weight-neg` through the paper to `--gl-weight-pos`, so they follow dark mode.
 */
export function ColorLegend({ kind, domain, title, width = 200, log = false, ticks = 4, thresholds, format = fmt3, testId }: ColorLegendProps) {
  const id = useId().replace(/:/g, '');
  const barH = 10;
  const top = 16;
  const w = Math.max(40, width);
  const pad = 8;
  const inner = w - 2 * pad;
  const height = top + barH + 30;
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  let bar: ReactNode;
  let axis: ReactNode = null;
  if (thresholds && thresholds.length > 0) {
    const nb = thresholds.length + 1;
    const bw = inner / nb;
    bar = Array.from({ length: nb }, (_, c) => (
      <rect key={c} x={c * bw} y={0} width={bw + 0.5} height={barH} fill={sequential(c === 0 ? 0 : c / nb)} />
    ));
    const stride = Math.max(1, Math.ceil(thresholds.length / Math.max(2, ticks)));
    axis = (
      <g className="gl-axis" fontSize={11} fill={cssVar('--gl-fg')} aria-hidden="true">
        {thresholds.map((t, k) =>
          k % stride === 0 ? (
            <g key={k} transform={`translate(${(k + 1) * bw},${barH})`}>
              <line y2={5} stroke={cssVar('--gl-muted')} />
              <text y={16} textAnchor="middle">
                {format(t)}
              </text>
            </g>
          ) : null,
        )}
      </g>
    );
  } else {
    const scale: AxisScale = log && lo > 0 && hi > lo ? scaleLog().domain([lo, hi]).range([0, inner]) : scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).range([0, inner]);
    const stops =
      kind === 'sequential'
        ? Array.from({ length: 11 }, (_, i) => <stop key={i} offset={`${i * 10}%`} stopColor={sequential(i / 10)} />)
        : [
            <stop key="n" offset="0%" style={{ stopColor: token('--gl-weight-neg') }} />,
            <stop key="z" offset="50%" style={{ stopColor: token('--gl-bg') }} />,
            <stop key="p" offset="100%" style={{ stopColor: token('--gl-weight-pos') }} />,
          ];
    bar = (
      <>
        <defs>
          <linearGradient id={`${id}-g`} x1="0" x2="1" y1="0" y2="0">
            {stops}
          </linearGradient>
        </defs>
        <rect width={inner} height={barH} fill={`url(#${id}-g)`} stroke={cssVar('--gl-border')} />
      </>
    );
    axis = <Axis scale={scale} orient="bottom" offset={barH} ticks={ticks} format={log ? undefined : format} />;
  }
  return (
    <svg
      width={w}
      height={height}
      className="gl-color-legend"
      data-kind={kind}
      role="img"
      aria-label={`Colour key for ${title}: ${kind === 'sequential' ? 'dark purple is low, yellow is high' : 'orange is negative, blue is positive'}, from ${format(lo)} to ${format(hi)}.`}
      data-testid={testId}
    >
      <text x={pad} y={12} fontSize={12} fill={cssVar('--gl-fg')} className="gl-axis-title">
        {title}
      </text>
      <g transform={`translate(${pad},${top})`}>
        {bar}
        {axis}
      </g>
    </svg>
  );
}
