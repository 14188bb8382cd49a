import { LineChart } from '../common/LineChart';
import { ColorLegend } from '../kit/ColorLegend';
import { logThresholds } from '../common/field';
import { Tex } from '../common/Tex';
import { PlaybackButtons } from '../kit/buttons';
import { Explainer, useExplainerLayout, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { EtaRuler } from './EtaRuler';
import { DIAGNOSIS_TEXT, fmt, learningRateRegime, lrSizes, presetEta, PRESETS, REGIME_TEXT, runStatus, YOURS_COLOR, type LearningRateExplorerState } from './model';
import { RunPanel } from './RunPanel';
import { LrStyles } from './styles';
import { useLearningRate, type LearningRateModel } from './useLearningRate';

export { diagnoseCurve, DIAGNOSIS_TEXT, learningRateRegime, type Diagnosis, type LearningRateExplorerState, type LearningRateRegime } from './model';

/** Props of {@link LearningRateExplorer}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface LearningRateExplorerProps extends ExplainerCommonProps, ExplainerStateProps<LearningRateExplorerState> {
  /** Width in px. Default 760 (shrinks to the container). */
  width?: number;
  /** Height of the pictures in px (controls and maths come below). Default 480. */
  height?: number;
  /** The curvature L: the parabola's second derivative, the bowl's largest Hessian eigenvalue. Default 4 (so 2/L = 0.5). */
  curvature?: number;
  /** Most steps. Default 40. */
  maxIterations?: number;
  /** Accessible name and title. Default "Learning rate". */
  label?: string;
}

/**
 * The learning rate η of θ ← θ − η∇𝓛(θ), explored on a quadratic of curvature L: your η
 * on a log slider, beside four runs that show the regimes of the slides — too small (slow),
 * good, too large (oscillating) and diverging — with the largest stable η = 2/L marked, and
 * your loss curve read in words ("slow → raise η, growing → lower η").
 */
export function LearningRateExplorer({
  width = 760,
  height = 480,
  curvature: L = 4,
  maxIterations = 40,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  ...rest
}: LearningRateExplorerProps) {
  const model = useLearningRate({ L, maxIterations, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Learning rate', width, height }, model);
  const regime = learningRateRegime(model.state.learningRate, L);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-loss': model.last.loss, 'data-diverged': model.last.diverged }}
      controls={<LrControls model={model} width={width} />}
      legend={<LrLegend model={model} />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      maths={<LrMaths problem={model.state.problem} L={L} etaMax={model.etaMax} />}
    >
      {(layout: ExplainerLayout) => {
        const z = lrSizes(width, height, layout.plotWidth(width), layout.compact);
        const etaText = (eta: number) => `η = ${eta} (${fmt(eta / model.etaMax)} × 2/L)`;
        return (
          <>
            <LrStyles />
            <div className="gl-panel" data-gl-panel="yours">
              <RunPanel
                width={z.mainWidth}
                height={z.topHeight}
                problem={model.state.problem}
                L={L}
                field={model.field}
                steps={model.mine}
                color={YOURS_COLOR}
                title={`Your run: ${etaText(model.state.learningRate)}, ${REGIME_TEXT[regime]}`}
                testId="run-yours"
              />
            </div>
            <div className="gl-panel" data-gl-panel="curves">
              <LineChart
                width={z.chartWidth}
                height={z.topHeight - 32}
                logY
                series={[
                  ...PRESETS.map((p, k) => ({ label: p.title, color: p.color, points: model.presets[k].map((s) => [s.iteration, s.loss] as const) })),
                  { label: 'Yours', color: YOURS_COLOR, dashed: true, points: model.mine.map((s) => [s.iteration, s.loss] as const) },
                ]}
                xDomain={[0, maxIterations]}
                xLabel="iteration"
                yLabel="loss 𝓛"
                label={`Loss against iteration for the four preset runs and yours: ${PRESETS.map((p, k) => `${p.title} ${runStatus(model.presets[k])}`).join(', ')}.`}
                testId="loss-chart"
              />
              <p className="gl-lr-diagnosis" data-testid="diagnosis" data-diagnosis={model.diagnosis} style={{ maxWidth: z.chartWidth }}>
                Your curve: {DIAGNOSIS_TEXT[model.diagnosis]}
              </p>
            </div>
            <div className="gl-panel" data-gl-panel="presets">
              <div className="gl-lr-minis" style={{ gridTemplateColumns: `repeat(${z.miniColumns}, ${z.miniWidth}px)` }}>
              {PRESETS.map((p, k) => (
                <RunPanel
                  key={p.title}
                  width={z.miniWidth}
                  height={z.miniHeight}
                  problem={model.state.problem}
                  L={L}
                  field={model.field}
                  steps={model.presets[k]}
                  color={p.color}
                  title={`${p.title}: η = ${presetEta(p, L)}`}
                  testId={p.testId}
                />
              ))}
              </div>
            </div>
          </>
        );
      }}
    </Explainer>
  );
}

/** Play/Step/Reset, the problem, your η (log slider) and the η ruler. */
function LrControls({ model, width }: { model: LearningRateModel; width: number }) {
  const layout = useExplainerLayout();
  const { state, actions } = model;
  const regime = learningRateRegime(state.learningRate, model.L);
  const rulerWidth = lrSizes(width, 100, layout?.plotWidth(width) ?? width, layout?.compact ?? false).rulerWidth;
  return (
    <>
      <PlaybackButtons playing={model.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={model.done} />
      <Select
        label="Problem"
        options={[
          { value: 'parabola', label: '1-D parabola' },
          { value: 'bowl', label: '2-D bowl' },
        ]}
        value={state.problem}
        onChange={actions.setProblem}
      />
      <Slider
        label="Learning rate η"
        scale="log"
        min={0.001}
        max={10 ** 0.5}
        stepsPerDecade={100}
        value={state.learningRate}
        onChange={actions.setLearningRate}
        format={(v) => String(v)}
        valueText={(v) => `η = ${v}, ${REGIME_TEXT[regime]}`}
        valueTestId="eta"
      />
      <EtaRuler width={rulerWidth} etaMax={model.etaMax} eta={state.learningRate} />
    </>
  );
}

/** The key: the preset runs, yours, and on the bowl the colour map of 𝓛. */
function LrLegend({ model }: { model: LearningRateModel }) {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the runs"
        items={[
          ...PRESETS.map((p) => ({ label: `${p.title} (${p.fraction} × 2/L)`, color: p.color })),
          { label: 'Your η', color: YOURS_COLOR, shape: 'dashed' as const },
        ]}
      />
      {model.state.problem === 'bowl' && (
        <ColorLegend kind="sequential" title="loss 𝓛 (contour bands)" domain={[model.field.min, model.field.max]} thresholds={logThresholds(model.field)} ticks={4} width={220} />
      )}
    </div>
  );
}

/** The update rule and why 2/L is the limit. */
function LrMaths({ problem, L, etaMax }: { problem: 'parabola' | 'bowl'; L: number; etaMax: number }) {
  return (
    <>
      <Tex block>{String.raw`\theta \leftarrow \theta-\eta\,\nabla\mathcal{L}(\theta)`}</Tex>
      {problem === 'parabola' ? (
        <Tex block>{String.raw`\mathcal{L}(\theta)=\tfrac{1}{2}L\theta^2:\quad \theta_{t+1}=(1-\eta L)\,\theta_t`}</Tex>
      ) : (
        <Tex block>{String.raw`\mathcal{L}(\theta)=\tfrac{1}{2}\theta^\top H\theta,\quad L=\lambda_{\max}(H)=${L}`}</Tex>
      )}
      <Tex block>{String.raw`\text{stable iff } \eta<\tfrac{2}{L}=${etaMax}`}</Tex>
    </>
  );
}
