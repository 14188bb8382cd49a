import type { OptimizerStep } from '@geolearn/algorithms';
import { line } from 'd3-shape';
import { useMovable } from '../hooks/useMovable';
import { conceptColor, ON_MAP } from '../common/colors';
import { ContourPlot, type ContourOverlay } from '../kit/ContourPlot';
import { MovablePoint } from '../kit/MovablePoint';
import { RotateArea } from '../kit/RotateArea';
import { drawSurface, meshHeightAt, project, type View3D } from './surface';
import { fmt, MARGIN, OPTIMIZER_COLORS, OPTIMIZER_LABELS } from './model';
import type { LandscapeModel } from './useLossLandscape';

/** Props of {@link LandscapePlot}. */
export interface LandscapePlotProps {
  /** The landscape's state and actions. */
  model: LandscapeModel;
  /** Size of the plot, px. */
  width: number;
  height: number;
  /** Accessible name of the explainer (the plot's description starts with it). */
  label: string;
}

/**
 * Screen position of θ: the map in the contour view; in 3-D the point of the painted mesh
 * above θ (its interpolated height), so θ*, θ₀ and the paths sit on the surface.
 */
function projector(model: LandscapeModel, o: ContourOverlay, cam: View3D) {
  const { domain, coarse } = model;
  const surface = (model.state.view ?? 'contours') === 'surface';
  return (p: readonly number[], _loss: number): [number, number] => {
    if (!surface) return [o.xs(p[0]), o.ys(p[1])];
    const u = Math.max(-1, Math.min(1, -1 + (2 * (p[0] - domain[0])) / (domain[1] - domain[0])));
    const v = Math.max(-1, Math.min(1, -1 + (2 * (p[1] - domain[2])) / (domain[3] - domain[2])));
    const [X, Y] = project(u, v, meshHeightAt(coarse, u, v), cam);
    return [X, Y];
  };
}

/** The 3-D view's axes from the near corner: θ₁ (or a), θ₂ (or b) along the floor, 𝓛 upwards, each labelled. */
function Axes3D({ cam, names }: { cam: View3D; names: [string, string] }) {
  const o = project(-1, -1, 0, cam);
  const ends: [string, [number, number, number]][] = [
    [names[0], project(1, -1, 0, cam)],
    [names[1], project(-1, 1, 0, cam)],
    ['loss 𝓛', project(-1, -1, 1, cam)],
  ];
  return (
    <g data-testid="axes-3d" pointerEvents="none" aria-hidden="true">
      {ends.map(([name, e]) => (
        <g key={name} data-axis={name}>
          <line x1={o[0]} y1={o[1]} x2={e[0]} y2={e[1]} className="gl-axis-line" stroke="currentColor" strokeWidth={1.5} />
          <text x={e[0]} y={e[1] - 6} textAnchor="middle" className="gl-axis-title" fill="currentColor" stroke={ON_MAP.fill} strokeWidth={3} paintOrder="stroke">
            {name}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * The main picture: the loss as filled contours (or the 3-D surface) on a canvas, and over
 * it in SVG the optimisers' paths, the downhill arrow −∇𝓛 at the current θ, the optimum θ*
 * and the draggable start θ₀. In the 3-D view dragging or the arrow keys turn the camera.
 */
export function LandscapePlot({ model, width, height, label }: LandscapePlotProps) {
  const { state, runs, domain, isMse, actions } = model;
  const surface = (state.view ?? 'contours') === 'surface';
  const [azimuth, elevation] = state.rotation ?? [35, 40];
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const cam: View3D = { azimuth, elevation, cx: plotW / 2, cy: plotH / 2 + plotH * 0.04, scale: Math.min(plotW, plotH) * 0.36 };
  const names = isMse ? ['slope a', 'intercept b'] : ['θ₁', 'θ₂'];
  const describe = `${label}: ${surface ? '3-D surface' : 'contours'} of the loss over ${isMse ? 'a and b' : 'θ₁ and θ₂'}, with the path of ${runs
    .map((r) => OPTIMIZER_LABELS[r.name])
    .join(', ')} (${runs[0].steps.length} points).`;
  return (
    <ContourPlot
      field={model.field}
      domain={domain}
      width={width}
      height={height}
      margin={MARGIN}
      axisLabels={surface ? undefined : (names as [string, string])}
      paint={surface ? (ctx, w, h) => drawSurface(ctx, model.coarse, w, h, cam) : undefined}
      paintKey={surface ? `${azimuth},${elevation}` : 'map'}
      label={describe}
    >
      {(o) => {
        const toScreen = projector(model, o, cam);
        return (
          <>
            {surface ? (
              <RotateArea
                azimuth={azimuth}
                elevation={elevation}
                onRotate={actions.rotate}
                width={plotW}
                height={plotH}
                label={`3-D surface seen from azimuth ${azimuth}° and elevation ${elevation}°. Drag or use the arrow keys to rotate it.`}
                testId="surface"
              />
            ) : (
              <JumpArea model={model} overlay={o} />
            )}
            {surface && <Axes3D cam={cam} names={names as [string, string]} />}
            {surface && (
              <text x={6} y={16} className="gl-axis-title" data-testid="rotate-hint" fill="currentColor" stroke={ON_MAP.fill} strokeWidth={3} paintOrder="stroke" pointerEvents="none" aria-hidden="true">
                Drag to rotate (or arrow keys)
              </text>
            )}
            <Marks model={model} toScreen={toScreen} width={plotW} height={plotH} showArrow={!surface} overlay={o} />
            <MovablePoint
              point={state.start}
              at={toScreen(state.start, runs[0].steps[0].loss)}
              draggable={!surface}
              onMove={actions.moveStart}
              onStart={actions.stop}
              x={o.xs}
              y={o.ys}
              area={o.area}
              step={[(domain[1] - domain[0]) / 50, (domain[3] - domain[2]) / 50]}
              label={`Starting point θ₀ = (${fmt(state.start[0])}, ${fmt(state.start[1])})`}
              color={OPTIMIZER_COLORS[runs[0].name]}
              testId="start-handle"
            />
          </>
        );
      }}
    </ContourPlot>
  );
}

/** The contour map's pointer area: press anywhere to move θ₀ there, and drag (mapped by `useMovable`). */
function JumpArea({ model, overlay }: { model: LandscapeModel; overlay: ContourOverlay }) {
  const { areaProps } = useMovable({
    point: model.state.start,
    onMove: model.actions.moveStart,
    onStart: model.actions.stop,
    x: overlay.xs,
    y: overlay.ys,
    // The plot-area rect under this one, of the same box: the reference for pointer mapping.
    area: overlay.area,
  });
  return <rect width={overlay.plotWidth} height={overlay.plotHeight} fill="transparent" className="gl-press-area" {...areaProps} />;
}

/** The paths, the optimum and the downhill arrow, clipped to the plot (a nested svg). */
function Marks({ model, toScreen, width, height, showArrow, overlay }: {
  model: LandscapeModel;
  toScreen: (p: readonly number[], loss: number) => [number, number];
  width: number;
  height: number;
  showArrow: boolean;
  overlay: ContourOverlay;
}) {
  const { runs, current, objective } = model;
  const pathOf = (steps: OptimizerStep[]) =>
    line<OptimizerStep>()
      .x((s) => toScreen(s.params, s.loss)[0])
      .y((s) => toScreen(s.params, s.loss)[1])(steps) ?? '';
  const [cx, cy] = toScreen(current.params, current.loss);
  // The arrow points downhill (−∇𝓛), drawn at a fixed on-screen length (in the map view).
  const g = current.gradient;
  const { xs, ys } = overlay;
  const gpx = [xs(current.params[0] - g[0]) - xs(current.params[0]), ys(current.params[1] - g[1]) - ys(current.params[1])];
  const glen = Math.hypot(gpx[0], gpx[1]);
  const arrow = showArrow && glen > 1e-9 ? [(gpx[0] / glen) * 36, (gpx[1] / glen) * 36] : null;
  const opt = objective.minimum;
  return (
    <svg width={width} height={height} overflow="hidden" pointerEvents="none">
      {opt && (
        <g transform={`translate(${toScreen(opt, objective.loss(opt)).join(',')})`} data-testid="optimum">
          <path d="M-7,-7L7,7M-7,7L7,-7" stroke={ON_MAP.outline} strokeWidth={5} />
          <path d="M-7,-7L7,7M-7,7L7,-7" stroke={conceptColor('optimum')} strokeWidth={3} />
          <text x={10} y={-8} fontSize={12} fill={ON_MAP.fill} stroke={ON_MAP.outline} strokeWidth={3} paintOrder="stroke">
            θ*
          </text>
        </g>
      )}
      {runs.map((r) => {
        const d = pathOf(r.steps);
        return (
          <g key={r.name}>
            {/* A light halo keeps every optimiser's colour readable over the whole colour map. */}
            <path d={d} fill="none" stroke={ON_MAP.fill} strokeOpacity={0.7} strokeWidth={4} />
            <path d={d} fill="none" stroke={OPTIMIZER_COLORS[r.name]} strokeWidth={2} data-testid="gd-path" data-optimizer={r.name} data-points={r.steps.length} />
            {r.steps.map((s) => {
              const [px, py] = toScreen(s.params, s.loss);
              return <circle key={s.iteration} cx={px} cy={py} r={2.5} fill={OPTIMIZER_COLORS[r.name]} stroke={ON_MAP.fill} strokeWidth={0.75} />;
            })}
          </g>
        );
      })}
      {arrow && (
        <g data-testid="gradient-arrow">
          <line x1={cx} y1={cy} x2={cx + arrow[0]} y2={cy + arrow[1]} stroke={ON_MAP.outline} strokeWidth={4} />
          <line x1={cx} y1={cy} x2={cx + arrow[0]} y2={cy + arrow[1]} stroke={ON_MAP.fill} strokeWidth={2} />
          <circle cx={cx + arrow[0]} cy={cy + arrow[1]} r={3.5} fill={ON_MAP.fill} stroke={ON_MAP.outline} strokeWidth={1} />
        </g>
      )}
    </svg>
  );
}
