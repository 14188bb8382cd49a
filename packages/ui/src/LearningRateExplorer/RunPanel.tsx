import type { OptimizerStep } from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { ON_MAP } from '../common/colors';
import type { Field } from '../common/field';
import { ContourPlot } from '../kit/ContourPlot';
import { BOX, runStatus } from './model';

/** Props of {@link RunPanel}. */
export interface RunPanelProps {
  /** Size of the panel (title and status included), px. */
  width: number;
  height: number;
  problem: 'parabola' | 'bowl';
  /** Curvature L of the parabola. */
  L: number;
  /** The bowl's loss, sampled. */
  field: Field;
  /** The run. */
  steps: readonly OptimizerStep[];
  /** Colour of its iterates. */
  color: string;
  title: string;
  /** `data-testid` of the picture; its status line gets `<testId>-status`. */
  testId: string;
}

/** One run drawn on its problem: the iterates on the parabola, or the path on the bowl's contours. */
export function RunPanel({ width, height, problem, L, field, steps, color, title, testId }: RunPanelProps) {
  const w = Math.max(40, width);
  const h = Math.max(40, height - 44);
  const last = steps[steps.length - 1];
  const status = runStatus(steps);
  const describe = `${title}: ${status}.`;
  return (
    <div className="gl-lr-run" style={{ width: w }}>
      <div className="gl-lr-run-title">{title}</div>
      <div className="gl-lr-run-picture" data-testid={testId} data-points={steps.length}>
        {problem === 'parabola' ? (
          <svg width={w} height={h} role="img" aria-label={describe} className="gl-lr-svg">
            <rect className="gl-plot-bg" width={w} height={h} />
            <ParabolaMarks w={w} h={h} L={L} steps={steps} color={color} />
          </svg>
        ) : (
          <ContourPlot field={field} domain={BOX} width={w} height={h} label={describe}>
            {(o) => {
              const d = line<OptimizerStep>()
                .x((s) => o.xs(s.params[0]))
                .y((s) => o.ys(s.params[1]))(steps as OptimizerStep[]) ?? '';
              return (
                <svg width={o.plotWidth} height={o.plotHeight} overflow="hidden" pointerEvents="none">
                  {/* A light halo keeps the path readable over the whole colour map. */}
                  <path d={d} fill="none" stroke={ON_MAP.fill} strokeWidth={4} />
                  <path d={d} fill="none" stroke={color} strokeWidth={2} />
                  {steps.map((s) => (
                    <circle key={s.iteration} cx={o.xs(s.params[0])} cy={o.ys(s.params[1])} r={2.5} fill={color} stroke={ON_MAP.fill} strokeWidth={0.8} />
                  ))}
                </svg>
              );
            }}
          </ContourPlot>
        )}
        {last.diverged && <div className="gl-lr-diverged">diverged at step {last.divergedAt}</div>}
      </div>
      <div className="gl-lr-run-status" data-testid={`${testId}-status`} data-diverged={last.diverged}>
        {status}
      </div>
    </div>
  );
}

/** The parabola ½Lθ², its axis θ = 0, and the iterates (θₜ, 𝓛(θₜ)) joined in order. */
function ParabolaMarks({ w, h, L, steps, color }: { w: number; h: number; L: number; steps: readonly OptimizerStep[]; color: string }) {
  const xs = scaleLinear().domain([-4, 4]).range([6, w - 6]);
  const ys = scaleLinear().domain([0, 0.5 * L * 16]).range([h - 6, 6]);
  const curve = line<number>()
    .x((t) => xs(t))
    .y((t) => ys(0.5 * L * t * t))(Array.from({ length: 81 }, (_, k) => -4 + k / 10));
  const pts = steps.map((s) => [xs(s.params[0]), ys(s.loss)] as [number, number]);
  return (
    <svg width={w} height={h} overflow="hidden">
      <path className="gl-lr-curve" d={curve ?? ''} />
      <line className="gl-lr-zero" x1={xs(0)} x2={xs(0)} y1={6} y2={h - 6} />
      <path d={line()(pts) ?? ''} fill="none" stroke={color} strokeWidth={1.5} />
      {pts.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={3} fill={color} />
      ))}
    </svg>
  );
}
