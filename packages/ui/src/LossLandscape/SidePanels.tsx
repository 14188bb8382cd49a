import { LineChart } from '../common/LineChart';
import { ScatterFit } from '../common/ScatterFit';
import { fmt, lastOf, OPTIMIZER_COLORS, OPTIMIZER_LABELS } from './model';
import type { LandscapeModel } from './useLossLandscape';

/** Props of {@link SidePanels}. */
export interface SidePanelsProps {
  /** The landscape's state. */
  model: LandscapeModel;
  /** Each panel's size, px. */
  width: number;
  height: number;
}

/**
 * Beside the landscape: the data with the current line and its residuals (line fit only),
 * and the loss against iteration for every optimiser (log axis, so converged runs stay visible).
 */
export function SidePanels({ model, width, height }: SidePanelsProps) {
  const { runs, current, dataset, isMse, state } = model;
  return (
    <div className="gl-panel">
      {isMse && (
        <ScatterFit
          width={width}
          height={height}
          points={dataset.x.map((x, i) => ({ x, y: dataset.y[i] }))}
          model={(x) => current.params[0] * x + current.params[1]}
          residuals
          label={`The data with the current line y = ${fmt(current.params[0])}·x + ${fmt(current.params[1])} and its residuals.`}
          testId="data-panel"
        />
      )}
      <LineChart
        width={width}
        height={height}
        logY
        series={runs.map((r) => ({ label: OPTIMIZER_LABELS[r.name], color: OPTIMIZER_COLORS[r.name], points: r.steps.map((s) => [s.iteration, s.loss] as const) }))}
        xDomain={[0, Math.max(10, state.iteration)]}
        xLabel="iteration"
        yLabel="loss 𝓛"
        label={`Loss against iteration: ${runs.map((r) => `${OPTIMIZER_LABELS[r.name]} ${fmt(lastOf(r).loss)}`).join(', ')}.`}
        testId="loss-chart"
      />
    </div>
  );
}
