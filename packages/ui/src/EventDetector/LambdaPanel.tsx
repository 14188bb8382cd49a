import { LineChart } from '../common/LineChart';
import { conceptColor } from '../common/colors';
import { Button } from '../kit/buttons';
import { Slider } from '../kit/Slider';
import { FitProgress } from '../worker/FitProgress';
import type { EventDetectorModel } from './useEventDetector';

const fmtLambda = (v: number) => (v >= 0.01 ? v.toPrecision(2) : v.toExponential(0));

/**
 * The λ experiment: a fresh detector trained in the worker on a small generated set with the
 * chosen λ; its training loss 𝓛 and held-out cross-entropy per epoch, and the earlier runs'
 * final held-out loss for comparison.
 */
export function LambdaPanel({ model, width }: { model: EventDetectorModel; width: number }) {
  const { state, actions, lambda } = model;
  const last = lambda.runs[lambda.runs.length - 1];
  const series = last
    ? [
        { label: `training loss 𝓛 (λ = ${fmtLambda(last.lambda)})`, color: conceptColor('train'), points: last.history.map((h) => [h.epoch, h.trainLoss] as const) },
        { label: 'held-out cross-entropy', color: conceptColor('test'), dashed: true, points: last.history.map((h) => [h.epoch, h.testLoss] as const) },
      ]
    : [];
  return (
    <div className="gl-ed-lambda">
      <h3 className="gl-ed-heading">Regularisation λ: retrain on a small set</h3>
      <div className="gl-ed-row">
        <Slider label="λ" min={1e-6} max={1} scale="log" value={state.lambda} onChange={actions.setLambda} format={fmtLambda} valueText={(v) => `lambda ${fmtLambda(v)}`} testId="lambda-slider" />
        <Button onClick={lambda.running ? actions.cancelRetrain : actions.retrain} data-testid="retrain">
          {lambda.running ? 'Cancel' : 'Retrain with this λ'}
        </Button>
      </div>
      {lambda.running || lambda.error ? <FitProgress value={lambda.progress} running={lambda.running} label="Training" error={lambda.error} /> : null}
      <LineChart width={width} height={170} series={series} xLabel="epoch" yLabel="loss" label="Training loss and held-out cross-entropy per epoch of the retrain" emptyText="press Retrain" testId="lambda-chart" />
      {lambda.runs.length > 0 ? (
        <ul className="gl-ed-runs" data-testid="lambda-runs">
          {lambda.runs.map((r, k) => {
            const h = r.history[r.history.length - 1];
            const best = r.history.reduce((b, x) => Math.min(b, x.testLoss), Infinity);
            return (
              <li key={k} data-state={r.diverged ? 'diverged' : undefined}>
                λ = {fmtLambda(r.lambda)}: {r.diverged ? 'diverged' : h ? `held-out loss ${h.testLoss.toFixed(3)} (best ${best.toFixed(3)}), accuracy ${(100 * h.testAccuracy).toFixed(0)} %, ‖w‖² = ${h.penalty.toFixed(0)}` : 'training…'}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
