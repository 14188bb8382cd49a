import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useEffect, useMemo, useRef } from 'react';
import { Axis } from '../common/Axis';
import { prepareCanvas } from '../common/canvas';
import { classAttr, parseRgb, readThemeColors } from '../common/colors';
import { useColorScheme } from '../hooks/useColorScheme';
import { useExplainerLayout } from '../kit/Explainer';
import { equalAspectDomain } from '../KMeansStepper/model';
import { conceptTokens } from '../styles/tokens';
import { ellipse, MARGIN, type EmStep, type Pt } from './model';
import type { GmmModel } from './useGaussianMixtureEm';

type Scale = ScaleLinear<number, number>;
type Rgb = [number, number, number];

/** The class colours as RGB, read from the element's `--gl-class-k` tokens (light defaults before mount). */
export function classRgbs(el: Element | null, k: number): Rgb[] {
  const cs = el && typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  return Array.from({ length: k }, (_, i) => {
    const name = `--gl-class-${i % 6}` as keyof typeof conceptTokens;
    return parseRgb(cs?.getPropertyValue(name)) ?? parseRgb(conceptTokens[name].light)!;
  });
}

/** A sample's colour: its responsibilities γᵢₖ mixing the components' colours, Σₖ γᵢₖ rgbₖ. */
export function mixRgb(gamma: readonly number[], colors: readonly Rgb[]): Rgb {
  const out: Rgb = [0, 0, 0];
  gamma.forEach((g, k) => {
    for (let c = 0; c < 3; c++) out[c] += g * colors[k][c];
  });
  return out.map(Math.round) as Rgb;
}

/** Props of {@link GmmPlot}. */
export interface GmmPlotProps {
  model: GmmModel;
  width: number;
  height: number;
  label: string;
}

/**
 * The samples on a canvas, each painted with the mix of the component colours weighted by
 * its responsibilities; over them (SVG) each component's mean and its 1σ (solid) and 2σ
 * (dashed) covariance ellipses.
 */
export function GmmPlot({ model, width, height, label }: GmmPlotProps) {
  const { X, shown, resp } = model;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const domain = useMemo(() => equalAspectDomain(X, plotH / Math.max(1, plotW)), [X, plotW, plotH]);
  const xs = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotW]), [domain, plotW]);
  const ys = useMemo(() => scaleLinear().domain([domain[2], domain[3]]).range([plotH, 0]), [domain, plotH]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  const k = shown?.means.length ?? 0;
  useEffect(() => {
    const ctx = prepareCanvas(canvas.current, plotW, plotH);
    if (!ctx) return;
    const colors = classRgbs(canvas.current, k);
    const bg = readThemeColors(canvas.current).bg;
    ctx.lineWidth = 0.75;
    ctx.strokeStyle = `rgb(${bg.join(',')})`;
    X.forEach((p, i) => {
      ctx.fillStyle = resp ? `rgb(${mixRgb(resp[i], colors).join(',')})` : 'rgb(128,128,128)';
      ctx.beginPath();
      ctx.arc(xs(p[0]), ys(p[1]), 3.2, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
  }, [X, resp, k, xs, ys, plotW, plotH, scheme, theme]);
  const describe = `${label}: ${X.length} samples coloured by their responsibilities${shown ? `, ${k} Gaussian components with their 1σ and 2σ ellipses` : ''}.`;
  return (
    <div className="gl-panel" data-gl-panel="plot">
      <div className="gl-gmm-stack" style={{ width, height }} role="img" aria-label={describe} data-testid="plot" data-iteration={shown?.iteration ?? 'none'}>
        <canvas ref={canvas} className="gl-gmm-bg" aria-hidden="true" style={{ left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH }} data-testid="points" data-n={X.length} />
        <svg width={width} height={height} aria-hidden="true">
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <rect width={plotW} height={plotH} className="gl-gmm-area" />
            <svg width={plotW} height={plotH} overflow="hidden">
              {shown && <Components step={shown} xs={xs} ys={ys} />}
            </svg>
            <Axis scale={xs} orient="bottom" offset={plotH} label="x₁" />
            <Axis scale={ys} orient="left" offset={0} label="x₂" />
          </g>
        </svg>
      </div>
    </div>
  );
}

/** Each component: its 2σ and 1σ ellipses (with a halo) and its mean μₖ. */
function Components({ step, xs, ys }: { step: EmStep; xs: Scale; ys: Scale }) {
  const sx = Math.abs(xs(1) - xs(0));
  const sy = Math.abs(ys(1) - ys(0));
  return (
    <g data-testid="components" data-k={step.means.length}>
      {step.means.map((mu: Pt, i) => {
        const cx = xs(mu[0]);
        const cy = ys(mu[1]);
        return (
          <g key={i} {...classAttr(i)} data-testid={`component-${i}`}>
            {[2, 1].map((s) => {
              const e = ellipse(step.covariances[i], s);
              // Equal units on both axes (the domain is equal-aspect), so the angle carries over; y points down on screen.
              const t = `translate(${cx},${cy}) rotate(${(-e.angle * 180) / Math.PI})`;
              return (
                <g key={s} transform={t}>
                  <ellipse className="gl-gmm-halo" rx={e.rx * sx} ry={e.ry * sy} />
                  <ellipse className="gl-gmm-ellipse" data-sigma={s} rx={e.rx * sx} ry={e.ry * sy} />
                </g>
              );
            })}
            <rect className="gl-gmm-mean" x={cx - 6} y={cy - 6} width={12} height={12} transform={`rotate(45,${cx},${cy})`} />
          </g>
        );
      })}
    </g>
  );
}
