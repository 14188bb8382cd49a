import { scaleLinear } from 'd3-scale';
import { Axis, leftAxisMargin } from '../common/Axis';
import { classColor, conceptColor } from '../common/colors';
import { LambdaChart } from './LambdaChart';
import { fmt, type FitResult, type PathPoint } from './model';

/** The colour of feature j: five class colours, solid for j < 5 and dashed after. */
export const featureColor = (j: number) => classColor(j % 5);
export const featureDashed = (j: number) => j >= 5;

const line = (pts: readonly [number, number][]) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');

function extent(values: number[], pad = 0.05): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - pad * span, hi + pad * span];
}

/** Props of the two λ charts. */
interface ChartProps {
  width: number;
  height: number;
  points: readonly PathPoint[];
  lambda: number;
  onLambda: (lambda: number) => void;
}

/** The weights wⱼ against λ, one line per feature, with where each lasso weight enters. */
export function CoefChart({ width, height, points, lambda, onLambda, fit, names, entries }: ChartProps & { fit: FitResult; names: readonly string[]; entries: (number | null)[] }) {
  const domain = extent([0, ...fit.coef, ...points.flatMap((p) => p.coef)]);
  return (
    <LambdaChart width={width} height={height} lambda={lambda} onLambda={onLambda} yDomain={domain} yLabel="weight wⱼ (per SD of xⱼ)" label="Weights against λ" handle testId="coef-chart">
      {({ xs, ys }) => (
        <>
          {names.map((name, j) => (
            <path key={name} className="gl-rp-path" data-testid={`path-${name}`} d={line(points.map((p) => [xs(p.lambda), ys(p.coef[j])]))} stroke={featureColor(j)} strokeDasharray={featureDashed(j) ? '6 4' : undefined} />
          ))}
          {entries.map((e, j) =>
            e === null ? null : (
              <circle key={names[j]} className="gl-rp-entry" data-testid={`entry-${names[j]}`} cx={xs(e)} cy={ys(0)} r={4} stroke={featureColor(j)}>
                <title>{`${names[j]} enters at λ ≈ ${fmt(e)}`}</title>
              </circle>
            ),
          )}
          {fit.coef.map((c, j) => (
            <circle key={names[j]} className="gl-rp-now" cx={xs(lambda)} cy={ys(c)} r={3.5} fill={featureColor(j)} />
          ))}
        </>
      )}
    </LambdaChart>
  );
}

/** Training and test mean squared error against λ, with the λ of the lowest test error. */
export function ErrorChart({ width, height, points, lambda, onLambda, fit, best }: ChartProps & { fit: FitResult; best: PathPoint | null }) {
  const domain = extent([fit.trainMse, fit.testMse, ...points.flatMap((p) => [p.trainMse, p.testMse])]);
  return (
    <LambdaChart width={width} height={height} lambda={lambda} onLambda={onLambda} yDomain={domain} yLabel="mean squared error" label="Training and test error against λ" testId="error-chart">
      {({ xs, ys, plotWidth }) => (
        <>
          <path className="gl-rp-path" d={line(points.map((p) => [xs(p.lambda), ys(p.trainMse)]))} stroke={conceptColor('train')} />
          <path className="gl-rp-path" d={line(points.map((p) => [xs(p.lambda), ys(p.testMse)]))} stroke={conceptColor('test')} strokeDasharray="6 4" />
          {best && (
            <g className="gl-rp-best" transform={`translate(${xs(best.lambda)},${ys(best.testMse)})`}>
              <path d="M0,-7L6,3L-6,3Z" fill={conceptColor('test')} />
              <text y={-10} textAnchor={xs(best.lambda) < plotWidth / 2 ? 'start' : 'end'}>
                lowest test error, λ = {fmt(best.lambda)}
              </text>
            </g>
          )}
          {points.length > 0 && (
            <g className="gl-rp-curve-labels">
              <text x={plotWidth - 4} y={ys(points[points.length - 1].trainMse) + (points[points.length - 1].trainMse > points[points.length - 1].testMse ? -6 : 14)} textAnchor="end" fill={conceptColor('train')}>
                training
              </text>
              <text x={plotWidth - 4} y={ys(points[points.length - 1].testMse) + (points[points.length - 1].trainMse > points[points.length - 1].testMse ? 14 : -6)} textAnchor="end" fill={conceptColor('test')}>
                test (dashed)
              </text>
            </g>
          )}
          <circle className="gl-rp-now" cx={xs(lambda)} cy={ys(fit.testMse)} r={4} fill={conceptColor('test')} />
          <circle className="gl-rp-now" cx={xs(lambda)} cy={ys(fit.trainMse)} r={4} fill={conceptColor('train')} />
        </>
      )}
    </LambdaChart>
  );
}

/** Measured against predicted disease progression on the test rows; perfect predictions lie on the diagonal. */
export function FitScatter({ size, ytest, fit }: { size: number; ytest: readonly number[]; fit: FitResult }) {
  const [lo, hi] = extent([...ytest, ...fit.testPred], 0.02);
  const s0 = scaleLinear().domain([lo, hi]).nice();
  const left = leftAxisMargin(s0);
  const pw = Math.max(40, size - left - 10);
  const ph = Math.max(40, size - 14 - 40);
  const xs = s0.copy().range([0, pw]);
  const ys = s0.copy().range([ph, 0]);
  const [d0, d1] = s0.domain();
  return (
    <svg className="gl-rp-chart" width={size} height={size} role="img" aria-label={`Test rows: measured against predicted, RMSE ${fmt(Math.sqrt(fit.testMse))}`} data-testid="fit-scatter">
      <g transform={`translate(${left},14)`}>
        <Axis scale={xs} orient="bottom" offset={ph} label="measured y (test rows)" />
        <Axis scale={ys} orient="left" offset={0} label="predicted ŷ" />
        <line className="gl-rp-diagonal" x1={xs(d0)} y1={ys(d0)} x2={xs(d1)} y2={ys(d1)} />
        {ytest.map((y, i) => (
          <circle key={i} className="gl-rp-dot" cx={xs(y)} cy={ys(fit.testPred[i])} r={3} fill={conceptColor('test')} />
        ))}
      </g>
    </svg>
  );
}
