import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useRef } from 'react';
import { Axis } from '../common/Axis';
import { classAttr, conceptColor } from '../common/colors';
import { MovablePoint } from '../kit/MovablePoint';
import { DOMAIN, eigen2, fmt, handlesOf, MARGIN, type Vec2 } from './model';
import type { PcaModel } from './usePcaExplorer';

type Scale = ScaleLinear<number, number>;

/** The handles' colour: the data's (they shape the data, they are not its eigenvectors). */
const HANDLE = conceptColor('data');

/**
 * The cloud with its handles (centre, and the ends of its two axes at 2σ), the covariance
 * ellipse (2 standard deviations), the eigenvectors as arrows √λᵢ vᵢ from the mean, and in
 * step 3 the first principal axis and the samples sliding onto their reconstruction.
 */
export function PcaPlot({ model, size, label }: { model: PcaModel; size: number; label: string }) {
  const { state, fit, actions } = model;
  const plotW = size - MARGIN.left - MARGIN.right;
  const plotH = size - MARGIN.top - MARGIN.bottom;
  const xs = scaleLinear().domain([DOMAIN[0], DOMAIN[1]]).range([0, plotW]);
  const ys = scaleLinear().domain([DOMAIN[2], DOMAIN[3]]).range([plotH, 0]);
  const area = useRef<SVGRectElement>(null);
  const h = handlesOf(state);
  const describe = `${label}: ${fit.X.length} samples, step ${state.step}${state.step >= 2 ? `, eigenvectors with λ₁ = ${fmt(fit.variances[0])} and λ₂ = ${fmt(fit.variances[1])}` : ''}.`;
  return (
    <div className="gl-panel" data-gl-panel="plot">
      <svg width={size} height={size} role="group" aria-label={describe} className="gl-pca-plot" data-testid="plot" data-step={state.step}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <rect ref={area} width={plotW} height={plotH} className="gl-pca-area" />
          <svg width={plotW} height={plotH} overflow="hidden" aria-hidden="true">
            {!fit.problem && <Ellipse model={model} xs={xs} ys={ys} />}
            {state.step === 3 && !fit.problem && <Projection model={model} xs={xs} ys={ys} />}
            <Points model={model} xs={xs} ys={ys} />
            {state.step >= 2 && !fit.problem && <Arrows model={model} xs={xs} ys={ys} />}
          </svg>
          <Axis scale={xs} orient="bottom" offset={plotH} label="x₁" />
          <Axis scale={ys} orient="left" offset={0} label="x₂" />
          <line className="gl-pca-guide" x1={xs(h.center[0])} y1={ys(h.center[1])} x2={xs(h.axis1[0])} y2={ys(h.axis1[1])} />
          <line className="gl-pca-guide" x1={xs(h.center[0])} y1={ys(h.center[1])} x2={xs(h.axis2[0])} y2={ys(h.axis2[1])} />
          <MovablePoint point={h.center} onMove={actions.moveCenter} x={xs} y={ys} area={area} step={0.1} radius={6} color={HANDLE} label={`Centre of the cloud (${fmt(h.center[0])}, ${fmt(h.center[1])})`} testId="center-handle" />
          <MovablePoint point={h.axis1} onMove={actions.moveAxis1} x={xs} y={ys} area={area} step={0.1} radius={6} color={HANDLE} label={`Long axis: direction ${fmt(state.angle)}°, σ₁ = ${fmt(state.spread[0])}`} testId="axis1-handle" />
          <MovablePoint point={h.axis2} onMove={actions.moveAxis2} x={xs} y={ys} area={area} step={0.1} radius={6} color={HANDLE} label={`Short axis: σ₂ = ${fmt(state.spread[1])}`} testId="axis2-handle" />
        </g>
      </svg>
    </div>
  );
}

/** The samples, at xᵢ + t (x̂ᵢ − xᵢ): t = 0 the data, t = 1 the reconstruction from k components. */
function Points({ model, xs, ys }: { model: PcaModel; xs: Scale; ys: Scale }) {
  const { X, recon, t } = model;
  const color = conceptColor('data');
  return (
    <g data-testid="points" data-n={X.length} data-t={t.toFixed(2)}>
      {X.map((p, i) => {
        const q = recon[i];
        return <circle key={i} className="gl-pca-point" cx={xs(p[0] + t * (q[0] - p[0]))} cy={ys(p[1] + t * (q[1] - p[1]))} r={2.8} fill={color} />;
      })}
    </g>
  );
}

/** The ellipse xᵀC⁻¹x = 4 (two standard deviations along each eigenvector) and the mean. */
function Ellipse({ model, xs, ys }: { model: PcaModel; xs: Scale; ys: Scale }) {
  const { fit } = model;
  const { values, vectors } = eigen2(fit.C);
  const k = xs(1) - xs(0);
  const deg = (Math.atan2(vectors[0][1], vectors[0][0]) * 180) / Math.PI;
  const [cx, cy] = [xs(fit.mean[0]), ys(fit.mean[1])];
  return (
    <g data-testid="ellipse">
      <ellipse className="gl-pca-ellipse" cx={cx} cy={cy} rx={2 * Math.sqrt(Math.max(0, values[0])) * k} ry={2 * Math.sqrt(Math.max(0, values[1])) * k} transform={`rotate(${-deg},${cx},${cy})`} />
      <circle className="gl-pca-mean" cx={cx} cy={cy} r={4} />
    </g>
  );
}

/** The eigenvectors as arrows √λᵢ vᵢ from the mean (PC1 and PC2 in the first two class colours). */
function Arrows({ model, xs, ys }: { model: PcaModel; xs: Scale; ys: Scale }) {
  const { fit } = model;
  const m = fit.mean;
  return (
    <g data-testid="eigenvectors">
      {fit.components.map((v, i) => {
        const l = Math.sqrt(Math.max(0, fit.variances[i]));
        const tip: Vec2 = [m[0] + l * v[0], m[1] + l * v[1]];
        const [x1, y1, x2, y2] = [xs(m[0]), ys(m[1]), xs(tip[0]), ys(tip[1])];
        const ang = Math.atan2(y2 - y1, x2 - x1);
        const head = (s: number) => `${x2 + 10 * Math.cos(ang + s * 2.7)},${y2 + 10 * Math.sin(ang + s * 2.7)}`;
        return (
          <g key={i} className="gl-pca-arrow" {...classAttr(i)} data-testid={`pc${i + 1}`}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} />
            <polygon points={`${x2},${y2} ${head(1)} ${head(-1)}`} />
            <text x={x2 + 8 * Math.cos(ang)} y={y2 + 8 * Math.sin(ang)} dy="0.35em" textAnchor={Math.cos(ang) < 0 ? 'end' : 'start'}>
              {`√λ${i === 0 ? '₁' : '₂'} v${i === 0 ? '₁' : '₂'}`}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Step 3: the kept principal axis (k = 1) and each sample's residual to its reconstruction. */
function Projection({ model, xs, ys }: { model: PcaModel; xs: Scale; ys: Scale }) {
  const { fit, recon, state, t } = model;
  const [m, v] = [fit.mean, fit.components[0]];
  return (
    <g data-testid="projection">
      {state.k === 1 && <line className="gl-pca-axis" x1={xs(m[0] - 20 * v[0])} y1={ys(m[1] - 20 * v[1])} x2={xs(m[0] + 20 * v[0])} y2={ys(m[1] + 20 * v[1])} />}
      {state.k === 1 &&
        t > 0 &&
        fit.X.map((p, i) => <line key={i} className="gl-pca-residual" x1={xs(p[0])} y1={ys(p[1])} x2={xs(recon[i][0])} y2={ys(recon[i][1])} strokeOpacity={0.6 * t} />)}
    </g>
  );
}
