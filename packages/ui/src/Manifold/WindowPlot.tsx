import { scaleLinear } from 'd3-scale';
import { Axis, leftAxisMargin } from '../common/Axis';
import { classAttr } from '../common/colors';
import { orbitProject } from '../common/orbit';
import { RotateArea } from '../kit/RotateArea';
import { pct, type ManifoldState, type WindowProjection } from './model';

const M = { right: 10, top: 10, bottom: 40 };

/** Half-width of the plotted square in principal-axis units (every window has norm 1). */
function extentOf(p: WindowProjection): number {
  let m = 0.2;
  for (const r of [...p.seismic, ...p.noise]) m = Math.max(m, Math.abs(r[0]), Math.abs(r[1]), Math.abs(r[2]));
  return Math.ceil(m * 10) / 10;
}

/** The windows on the first two principal axes, with axes titled by their explained variance. */
function Plot2d({ p, size }: { p: WindowProjection; size: number }) {
  const e = extentOf(p);
  const h = size - M.top - M.bottom;
  const ys = scaleLinear().domain([-e, e]).range([h, 0]);
  const left = leftAxisMargin(ys, 4);
  const w = size - left - M.right;
  const xs = scaleLinear().domain([-e, e]).range([0, w]);
  return (
    <g transform={`translate(${left},${M.top})`}>
      <rect className="gl-mf-bg" width={w} height={h} />
      <Axis scale={xs} orient="bottom" offset={h} label={`PC 1 (${pct(p.ratio[0])} of the variance)`} ticks={4} />
      <Axis scale={ys} orient="left" offset={0} label={`PC 2 (${pct(p.ratio[1])})`} ticks={4} />
      {p.noise.map((r, i) => (
        <circle key={`n${i}`} className="gl-mf-dot" cx={xs(r[0])} cy={ys(r[1])} r={2.5} {...classAttr(1)} />
      ))}
      {p.seismic.map((r, i) => (
        <circle key={`s${i}`} className="gl-mf-dot" cx={xs(r[0])} cy={ys(r[1])} r={2.5} {...classAttr(0)} />
      ))}
    </g>
  );
}

/** The windows on the first three principal axes, seen by the orbit camera, far points first. */
function Plot3d({ p, size, state, onRotate }: { p: WindowProjection; size: number; state: ManifoldState; onRotate: (a: number, e: number) => void }) {
  const e = extentOf(p);
  const cam = { azimuth: state.azimuth, elevation: state.elevation, cx: size / 2, cy: size / 2, scale: (0.36 * size) / e };
  const pts = [
    ...p.noise.map((r) => ({ r, k: 1 })),
    ...p.seismic.map((r) => ({ r, k: 0 })),
  ].map(({ r, k }) => ({ k, s: orbitProject(r[0], r[1], r[2], cam) }));
  pts.sort((a, b) => a.s[2] - b.s[2]);
  const axes = (['PC 1', 'PC 2', 'PC 3'] as const).map((name, i) => {
    const v: [number, number, number] = [0, 0, 0];
    v[i] = e;
    const [x0, y0] = orbitProject(0, 0, 0, cam);
    const [x1, y1] = orbitProject(v[0], v[1], v[2], cam);
    return { name, x0, y0, x1, y1 };
  });
  return (
    <RotateArea azimuth={state.azimuth} elevation={state.elevation} onRotate={onRotate} width={size} height={size} label="Windows on the first three principal axes; arrow keys or drag turn the view" testId="rotate">
      <rect className="gl-mf-bg" width={size} height={size} />
      {axes.map((a) => (
        <g key={a.name} className="gl-mf-axis3">
          <line x1={a.x0} y1={a.y0} x2={a.x1} y2={a.y1} />
          <text x={a.x1} y={a.y1} dy={-4}>
            {a.name}
          </text>
        </g>
      ))}
      {pts.map((q, i) => (
        <circle key={i} className="gl-mf-dot" cx={q.s[0]} cy={q.s[1]} r={2.5} {...classAttr(q.k)} />
      ))}
    </RotateArea>
  );
}

/** The waveform windows projected by PCA, in 2-D or 3-D. */
export function WindowPlot({ p, size, state, onRotate }: { p: WindowProjection; size: number; state: ManifoldState; onRotate: (a: number, e: number) => void }) {
  return (
    <svg className="gl-mf-plot" width={size} height={size} role={state.view === '2d' ? 'img' : undefined} aria-label={state.view === '2d' ? `${p.seismic.length} seismic and ${p.noise.length} noise windows on the first two principal axes` : undefined} data-testid="window-plot" data-view={state.view}>
      {state.view === '2d' ? <Plot2d p={p} size={size} /> : <Plot3d p={p} size={size} state={state} onRotate={onRotate} />}
    </svg>
  );
}
