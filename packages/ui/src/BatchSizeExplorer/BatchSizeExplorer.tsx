import { conceptColor, ON_MAP } from '../common/colors';
import { logThresholds } from '../common/field';
import { Tex } from '../common/Tex';
import { PlaybackButtons } from '../kit/buttons';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { BatchPanels } from './BatchPanels';
import { BATCH_SIZES, batchSizes, type BatchSizeExplorerState } from './model';
import { BatchStyles } from './styles';
import { useBatchSize, type BatchModel } from './useBatchSize';

export { pathTortuosity, type BatchSizeExplorerState } from './model';

/** Props of {@link BatchSizeExplorer}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface BatchSizeExplorerProps extends ExplainerCommonProps, ExplainerStateProps<BatchSizeExplorerState> {
  /** Width in px. Default 760 (shrinks to the container). */
  width?: number;
  /** Height of the pictures in px. Default 360. */
  height?: number;
  /** Seed of the data and of the shuffles. Default 0. */
  seed?: number;
  /** Number of samples N. Default 64. */
  nSamples?: number;
  /** Most epochs. Default 20. */
  maxEpochs?: number;
  /** Modelled cost of one update, ms (overhead: a call, a kernel launch). Default 0.5. */
  stepCost?: number;
  /** Modelled cost per sample in a batch, ms. Default 0.02. */
  sampleCost?: number;
  /** Accessible name and title. Default "Batch size". */
  label?: string;
}

/**
 * Full-batch, stochastic and mini-batch gradient descent on the same least-squares line fit.
 * The full-batch gradient (1/N) Σᵢ ∇𝓛⁽ⁱ⁾(θ) is exact; a batch of B samples estimates it,
 * more noisily for smaller B, but takes N/B steps per epoch. The loss is drawn per epoch and
 * per modelled (not measured) millisecond: each step costs c₀ + B·c₁.
 */
export function BatchSizeExplorer({
  width = 760,
  height = 360,
  seed = 0,
  nSamples = 64,
  maxEpochs = 20,
  stepCost = 0.5,
  sampleCost = 0.02,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  ...rest
}: BatchSizeExplorerProps) {
  const m = useBatchSize({ seed, nSamples, maxEpochs, stepCost, sampleCost, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Batch size', width, height }, m);
  const { state, actions } = m;
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status' }}
      controls={
        <>
          <PlaybackButtons playing={m.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={m.done} stepLabel="Step one epoch" />
          <Select
            label="Mini-batch size B"
            options={BATCH_SIZES.filter((b) => b < nSamples).map((b) => ({ value: String(b), label: String(b) }))}
            value={String(state.batchSize)}
            onChange={(v) => actions.setBatchSize(Number(v))}
          />
          <Slider label="Learning rate η" scale="log" min={0.001} max={1} stepsPerDecade={100} value={state.learningRate} onChange={actions.setLearningRate} format={String} valueText={(v) => `η = ${v}`} />
        </>
      }
      legend={<BatchLegend m={m} />}
      footer={<PerformanceReadout show={showPerformance && m.playing} fps={m.stats.fps} frameTime={m.stats.frameTime} />}
      maths={
        <>
          <Tex block>{String.raw`\text{full batch: } \frac{\partial\mathcal{L}}{\partial\theta}=\frac{1}{N}\sum_{i=1}^{N}\frac{\partial\mathcal{L}^{(i)}}{\partial\theta}`}</Tex>
          <Tex block>{String.raw`\text{mini-batch } \mathcal{B}: \ \widehat{\nabla\mathcal{L}}=\frac{1}{B}\sum_{i\in\mathcal{B}}\frac{\partial\mathcal{L}^{(i)}}{\partial\theta}`}</Tex>
          <Tex block>{String.raw`\theta \leftarrow \theta-\eta\,\widehat{\nabla\mathcal{L}}(\theta)`}</Tex>
          <Tex block>{String.raw`\text{modelled time per step} = c_0 + B\,c_1 = ${stepCost} + B\cdot${sampleCost}\ \text{ms}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => (
        <>
          <BatchStyles />
          <BatchPanels m={m} size={batchSizes(width, height, layout.plotWidth(width), layout.compact)} compact={layout.compact} stepCost={stepCost} sampleCost={sampleCost} />
        </>
      )}
    </Explainer>
  );
}

/** The key to the paths (coloured by batch size), the start, θ* and the loss map. */
function BatchLegend({ m }: { m: BatchModel }) {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the runs"
        items={[
          ...m.runs.map((r) => ({ label: r.name, color: r.color })),
          { label: 'θ₀: the common start', color: ON_MAP.fill, outline: ON_MAP.outline, shape: 'dot' as const },
          { label: 'θ*: the least-squares optimum', color: conceptColor('optimum'), shape: 'dot' as const },
        ]}
      />
      <ColorLegend kind="sequential" title="loss 𝓛 (contour bands)" domain={[m.field.min, m.field.max]} thresholds={logThresholds(m.field)} ticks={4} width={220} />
    </div>
  );
}
