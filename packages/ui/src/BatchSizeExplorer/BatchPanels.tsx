import type { OptimizerStep } from '@geolearn/algorithms';
import { line } from 'd3-shape';
import { conceptColor, ON_MAP } from '../common/colors';
import { LineChart } from '../common/LineChart';
import { ContourPlot } from '../kit/ContourPlot';
import { fmt, lossText, MAP_MARGIN, type BatchSizes } from './model';
import type { BatchModel } from './useBatchSize';

/** The map with the three paths, the loss per epoch and per modelled time, and the summary table. */
export function BatchPanels({ m, size, compact, stepCost, sampleCost }: { m: BatchModel; size: BatchSizes; compact: boolean; stepCost: number; sampleCost: number }) {
  const { runs, epochs } = m;
  return (
    <>
      <div className="gl-panel" data-gl-panel="map">
        <BatchMap m={m} width={size.mapWidth} height={size.mapHeight} />
      </div>
      <div className="gl-panel" data-gl-panel="per-epoch">
        <LineChart
          width={size.chartWidth}
          height={size.chartHeight}
          logY
          series={runs.map((r) => ({ label: r.name, color: r.color, points: r.steps.map((s) => [s.epoch, s.loss] as const) }))}
          xDomain={[0, Math.max(1, epochs)]}
          xLabel="epoch"
          yLabel="loss 𝓛"
          label={`Loss per epoch: ${runs.map((r) => `${r.name} ${fmt(r.last.loss)}`).join(', ')}.`}
          testId="loss-per-epoch"
        />
      </div>
      <div className="gl-panel" data-gl-panel="per-time">
        <LineChart
          width={size.chartWidth}
          height={size.chartHeight}
          logY
          series={runs.map((r) => ({ label: r.name, color: r.color, points: r.steps.map((s, k) => [k * r.msPerStep, s.loss] as const) }))}
          xDomain={[0, Math.max(1, ...runs.map((r) => r.ms))]}
          xLabel="modelled time (ms), not measured"
          yLabel="loss 𝓛"
          label={`Loss against modelled compute time (a model, not a measurement): ${runs.map((r) => `${r.name} ${fmt(r.ms)} ms`).join(', ')}.`}
          testId="loss-per-second"
        />
        <p className="gl-batch-note" data-testid="modelled-note" style={{ maxWidth: size.chartWidth }}>
          Time is modelled, not measured: each step costs c₀ + B·c₁ = {stepCost} + B · {sampleCost} ms.
        </p>
      </div>
      <div className="gl-panel gl-batch-table-wrap" data-gl-panel="summary">
        <SummaryTable m={m} compact={compact} />
      </div>
    </>
  );
}

/** The loss contours with the three paths from the common start, and θ*. */
function BatchMap({ m, width, height }: { m: BatchModel; width: number; height: number }) {
  const { runs, start, optimum } = m;
  return (
    <ContourPlot
      field={m.field}
      domain={m.domain}
      width={width}
      height={height}
      margin={MAP_MARGIN}
      axisLabels={['slope a', 'intercept b']}
      label={`Contours of the loss over the slope a and intercept b, with the three paths after ${m.epochs} epochs.`}
    >
      {(o) => {
        const path = line<OptimizerStep>()
          .x((s) => o.xs(s.params[0]))
          .y((s) => o.ys(s.params[1]));
        const cross = `M${o.xs(optimum[0]) - 6},${o.ys(optimum[1]) - 6}l12,12m0,-12l-12,12`;
        return (
          <svg width={o.plotWidth} height={o.plotHeight} overflow="hidden" pointerEvents="none">
            <path d={cross} stroke={ON_MAP.outline} strokeWidth={5} />
            <path d={cross} stroke={conceptColor('optimum')} strokeWidth={3} data-testid="optimum" />
            {runs.map((r) => (
              <g key={r.key}>
                <path d={path(r.steps) ?? ''} fill="none" stroke={ON_MAP.fill} strokeWidth={3.5} strokeOpacity={0.75} />
                <path d={path(r.steps) ?? ''} fill="none" stroke={r.color} strokeWidth={1.5} data-testid={`path-${r.key}`} data-points={r.steps.length} />
              </g>
            ))}
            <circle cx={o.xs(start[0])} cy={o.ys(start[1])} r={6} fill={ON_MAP.fill} stroke={ON_MAP.outline} strokeWidth={2} />
          </svg>
        );
      }}
    </ContourPlot>
  );
}

/** Steps, loss, path noise and modelled time per method; fewer columns on a phone. */
function SummaryTable({ m, compact }: { m: BatchModel; compact: boolean }) {
  const heads = compact ? ['Method', 'Loss 𝓛', 'Path noise', 'Modelled time'] : ['Method', 'Steps per epoch', 'Steps', 'Loss 𝓛', 'Path noise (length ÷ distance)', 'Modelled time'];
  return (
    <table className="gl-batch-table" data-testid="summary">
      <thead>
        <tr>
          {heads.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.runs.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <span className="gl-batch-swatch" aria-hidden="true" style={{ color: r.color }} />
              {r.name}
            </th>
            {!compact && <td>{r.perEpoch}</td>}
            {!compact && <td>{r.steps.length - 1}</td>}
            <td data-testid={`loss-${r.key}`}>{lossText(r)}</td>
            <td data-testid={`noise-${r.key}`}>{fmt(r.noise)}</td>
            <td>{fmt(r.ms)} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
