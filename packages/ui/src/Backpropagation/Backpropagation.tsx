import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Button, PlaybackButtons } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Slider } from '../kit/Slider';
import { token } from '../styles/tokens';
import { CheckPanel } from './CheckPanel';
import { ChainRule } from './ChainRule';
import { STAGES, stageOf, type BackpropagationState } from './model';
import { NetworkDiagram } from './NetworkDiagram';
import { BackpropStyles } from './styles';
import { useBackpropagation, type BackpropModel } from './useBackpropagation';

export { backward, finiteDifference, forward, type BackpropagationState } from './model';

/** Props of {@link Backpropagation}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface BackpropagationProps extends ExplainerCommonProps, ExplainerStateProps<BackpropagationState> {
  /** Width of the network diagram in px. Default 560 (shrinks to the container). */
  width?: number;
  /** Height of the network diagram in px. Default 300. */
  height?: number;
  /** Accessible name and title. Default "Backpropagation". */
  label?: string;
}

/**
 * Backpropagation made visible on a 2-2-1 sigmoid network with one sample: Step goes through
 * the forward pass (hidden layer, output), the loss 𝓛 = ½(ŷ − y)², the backward pass (δ⁽²⁾ and
 * the output gradients, then δ⁽¹⁾ and the hidden gradients) and the update θ ← θ − η∂𝓛/∂θ,
 * one phase at a time. Pick a weight to see its chain rule with numbers and its gradient
 * checked against a central finite difference.
 */
export function Backpropagation({ width = 560, height = 300, value, defaultValue, onValueChange, showPerformance = false, ...rest }: BackpropagationProps) {
  const model = useBackpropagation({ value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Backpropagation', width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-step': model.state.step, 'data-phase': model.phase, 'data-iteration': model.iteration, 'data-loss': model.forward.loss }}
      controls={<BackpropControls model={model} />}
      legend={
        <Legend
          label="Key to the network"
          items={[
            { label: 'positive weight (width ∝ |w|)', color: conceptColor('weightPos') },
            { label: 'negative weight', color: conceptColor('weightNeg') },
            { label: 'italic ∂ …, δ = …: gradients of the backward pass', color: token('--gl-fg'), shape: 'dot' },
            { label: 'the weight being checked', color: token('--gl-focus') },
          ]}
        />
      }
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption="The backward pass reuses what the forward pass computed: each layer's δ = ∂𝓛/∂z is the next layer's δ times the weight times σ′(z). One backward pass gives all nine gradients; the finite difference needs two forward passes per parameter."
      maths={<BackpropMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const w = Math.max(300, Math.min(layout.plotWidth(width), width));
        const diagramW = layout.compact ? w : Math.max(360, Math.min(w, layout.width ? layout.width - 292 : w));
        const h = Math.round((diagramW * height) / width);
        return (
          <>
            <BackpropStyles />
            <div className="gl-panel" data-gl-panel="">
              <Phases model={model} />
              <NetworkDiagram model={model} width={diagramW} height={Math.max(260, h)} />
            </div>
            <CheckPanel model={model} width={layout.compact ? w : 270} />
          </>
        );
      }}
    </Explainer>
  );
}

/** The four stages of an iteration, the current one marked. */
function Phases({ model }: { model: BackpropModel }) {
  const stage = stageOf(model.phase);
  return (
    <ol className="gl-bp-phases" aria-label={`Iteration ${model.iteration + 1}`} data-testid="phases">
      {STAGES.map((s, i) => (
        <li key={s} aria-current={i === stage ? 'step' : undefined} data-done={i < stage || undefined}>
          {i + 1}. {s}
        </li>
      ))}
    </ol>
  );
}

/** Play/Step/Reset through the phases, η, the sample (x, y) and new initial weights. */
function BackpropControls({ model }: { model: BackpropModel }) {
  const { state, actions } = model;
  const f2 = (v: number) => v.toFixed(2).replace('-', '−');
  return (
    <>
      <PlaybackButtons playing={model.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={model.done} />
      <Slider label="Learning rate η" scale="log" min={0.01} max={10} value={state.learningRate} onChange={actions.setLearningRate} format={(v) => String(v)} valueText={(v) => `η = ${v}`} />
      <Slider label="x₁" min={-2} max={2} step={0.1} value={state.x[0]} onChange={(v) => actions.setInput(0, Number(v.toFixed(2)))} format={f2} />
      <Slider label="x₂" min={-2} max={2} step={0.1} value={state.x[1]} onChange={(v) => actions.setInput(1, Number(v.toFixed(2)))} format={f2} />
      <Slider label="Target y" min={0} max={1} step={0.05} value={state.y} onChange={(v) => actions.setTarget(Number(v.toFixed(2)))} format={f2} />
      <Button onClick={actions.newWeights}>New initial weights</Button>
    </>
  );
}

/** The network's equations, the update rule and the chain rule of the chosen parameter. */
function BackpropMaths({ model }: { model: BackpropModel }) {
  return (
    <>
      <Tex block>{String.raw`\mathbf{h}=\varphi\bigl(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)}\bigr),\quad \hat{y}=\varphi\bigl(\mathbf{W}^{(2)}\mathbf{h}+b^{(2)}\bigr),\quad \varphi=\sigma,\quad \mathcal{L}=\tfrac{1}{2}(\hat{y}-y)^2,\quad \theta\leftarrow\theta-\eta\,\frac{\partial\mathcal{L}}{\partial\theta}`}</Tex>
      <ChainRule model={model} />
    </>
  );
}
