import type { OptimizerStep } from '@geolearn/algorithms';
import { line } from 'd3-shape';
import type { ReactNode } from 'react';
import { conceptColor, ON_MAP } from '../common/colors';
import type { Field } from '../common/field';
import { ContourPlot, type ContourOverlay } from '../kit/ContourPlot';
import { MAP_MARGIN, type Evaluation } from './model';

/** Props of {@link SearchMap}. */
export interface SearchMapProps {
  width: number;
  height: number;
  /** The loss over (a, b), sampled. */
  field: Field;
  domain: readonly [number, number, number, number];
  title: string;
  summary: string;
  /** `data-testid` of the map (with `data-count`); the summary gets `<testId>-summary`. */
  testId: string;
  /** Loss evaluations shown. */
  count: number;
  /** θ* of the least-squares fit. */
  optimum: readonly number[];
  /** The marks of the method, in plot px. */
  children: (o: ContourOverlay) => ReactNode;
}

/** One method's map: the loss as filled contours (the library's sequential map) with the θ it evaluated. */
export function SearchMap({ width, height, field, domain, title, summary, testId, count, optimum, children }: SearchMapProps) {
  return (
    <div className="gl-panel gl-search-map" data-gl-panel={testId} style={{ width }}>
      <div className="gl-search-title">{title}</div>
      <div data-testid={testId} data-count={count}>
        <ContourPlot field={field} domain={domain} width={width} height={height} margin={MAP_MARGIN} axisLabels={['slope a', 'intercept b']} label={`${title}: ${summary}`}>
          {(o) => (
            <svg width={o.plotWidth} height={o.plotHeight} overflow="hidden" pointerEvents="none">
              {children(o)}
              <OptimumMark x={o.xs(optimum[0])} y={o.ys(optimum[1])} />
            </svg>
          )}
        </ContourPlot>
      </div>
      <div className="gl-search-summary" data-testid={`${testId}-summary`}>
        {summary}
      </div>
    </div>
  );
}

/** θ*: a green cross with a dark outline, readable on the whole map. */
function OptimumMark({ x, y }: { x: number; y: number }) {
  const d = `M${x - 6},${y - 6}l12,12m0,-12l-12,12`;
  return (
    <g data-testid="optimum">
      <path d={d} stroke={ON_MAP.outline} strokeWidth={5} />
      <path d={d} stroke={conceptColor('optimum')} strokeWidth={3} />
    </g>
  );
}

/** Evaluated θ as white dots outlined in black, and the best one ringed. */
export function EvaluationMarks({ o, evals, best }: { o: ContourOverlay; evals: readonly Evaluation[]; best?: Evaluation }) {
  return (
    <>
      {evals.map((e, i) => (
        <circle key={i} cx={o.xs(e.params[0])} cy={o.ys(e.params[1])} r={2.5} fill={ON_MAP.fill} stroke={ON_MAP.outline} strokeWidth={0.8} />
      ))}
      {best && (
        <g data-testid="best">
          <circle cx={o.xs(best.params[0])} cy={o.ys(best.params[1])} r={7} fill="none" stroke={ON_MAP.outline} strokeWidth={4} />
          <circle cx={o.xs(best.params[0])} cy={o.ys(best.params[1])} r={7} fill="none" stroke={ON_MAP.fill} strokeWidth={2} />
        </g>
      )}
    </>
  );
}

/** Gradient descent's path in its optimiser colour, with a light halo. */
export function PathMarks({ o, steps }: { o: ContourOverlay; steps: readonly OptimizerStep[] }) {
  const d =
    line<OptimizerStep>()
      .x((s) => o.xs(s.params[0]))
      .y((s) => o.ys(s.params[1]))(steps as OptimizerStep[]) ?? '';
  const c = conceptColor('gd');
  return (
    <>
      <path d={d} fill="none" stroke={ON_MAP.fill} strokeOpacity={0.7} strokeWidth={4} />
      <path d={d} fill="none" stroke={c} strokeWidth={2} />
      {steps.map((s, i) => (
        <circle key={i} cx={o.xs(s.params[0])} cy={o.ys(s.params[1])} r={2.5} fill={c} stroke={ON_MAP.fill} strokeWidth={0.75} />
      ))}
    </>
  );
}
