import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { ADAM, xorSizes, type XorNetState } from './model';
import { NetworkDiagram } from './NetworkDiagram';
import { BoundaryPlot, TablePanel } from './Panels';
import { XorStyles } from './styles';
import { texNumber } from '../common/activations';
import { useXorNet, type XorModel } from './useXorNet';
import { XorControls } from './XorControls';

export type { XorMode, XorNetState } from './model';

/** Props of {@link XorNet}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface XorNetProps extends ExplainerCommonProps, ExplainerStateProps<XorNetState> {
  /** Width of the picture in px. Default 720 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height of the picture in px. Default 280. */
  height?: number;
  /** Seed of the trained MLP's initial weights ("New initial weights" draws seed + 1, + 2…). Default 0. */
  seed?: number;
  /** Most training steps. Default 2000. */
  maxSteps?: number;
  /** Training steps per animation frame while playing. Default 5. */
  stepsPerFrame?: number;
  /** Accessible name and title. Default "Solving XOR". */
  label?: string;
}

/**
 * XOR, the problem a single neuron cannot solve: first the slides' hand-set two-layer
 * network with binary step activations (its truth table lights up, row by row), then a
 * single neuron whose one line can never separate the four points, then a 2-2-1 or 2-3-1
 * MLP trained live by backpropagation with Adam, its decision boundary forming beside the
 * loss curve. A run stuck in a poor local minimum says so and offers new initial weights.
 */
export function XorNet({
  width = 720,
  height = 280,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  maxSteps = 2000,
  stepsPerFrame = 5,
  showPerformance = false,
  ...rest
}: XorNetProps) {
  const model = useXorNet({ seed, value, defaultValue, onValueChange, maxSteps, stepsPerFrame });
  const frame = useExplainerFrame(rest, { label: 'Solving XOR', width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-correct': model.right, 'data-step': model.snap?.step ?? model.target, 'data-stuck': model.stuck || undefined }}
      controls={<XorControls model={model} />}
      legend={<XorLegend />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      maths={<XorMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const s = xorSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <XorStyles />
            <NetworkDiagram model={model} width={s.diagramWidth} height={s.diagramHeight} />
            <BoundaryPlot model={model} side={s.side} />
            <TablePanel model={model} chartWidth={s.chartWidth} chartHeight={s.chartHeight} />
          </>
        );
      }}
    </Explainer>
  );
}

/** The key: the two classes' points, the links' signs, and the output's colour map. */
function XorLegend() {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the XOR pictures"
        items={[
          { label: 'target 0', color: classColor(0), shape: 'dot' },
          { label: 'target 1', color: classColor(1), shape: 'dot' },
          { label: 'positive weight', color: conceptColor('weightPos') },
          { label: 'negative weight', color: conceptColor('weightNeg') },
        ]}
      />
      <ColorLegend kind="diverging" domain={[0, 1]} title="network output y (½ = undecided)" ticks={2} width={220} testId="xor-key" />
    </div>
  );
}

/** The maths of the mode: the hand-set network, the neuron's line, or the MLP with the Adam rule it is trained by. */
function XorMaths({ model }: { model: XorModel }) {
  const { state } = model;
  if (state.mode === 'hand-set') return <Tex block>{String.raw`h_1=H(x_1+x_2-0.5),\quad h_2=H(x_1+x_2-1.5),\quad y=H(h_1-h_2-0.5)`}</Tex>;
  if (state.mode === 'single') {
    const [w1, w2, b] = state.single.map((v) => texNumber(v, 1));
    return <Tex block>{String.raw`y=H(w_1x_1+w_2x_2+b)=H(${w1}\,x_1+(${w2})\,x_2+(${b}))\ \text{— one line: XOR's corners are not linearly separable}`}</Tex>;
  }
  return (
    <>
      <Tex block>{String.raw`y=\sigma\bigl(\mathbf{w}^{(2)}\cdot\tanh(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)})+b^{(2)}\bigr)`}</Tex>
      <Tex block>{String.raw`\mathcal{L}=-\frac{1}{4}\sum_{k=1}^{4}\bigl(t_k\log y_k+(1-t_k)\log(1-y_k)\bigr)`}</Tex>
      <Tex block>{String.raw`\text{Adam: }\mathbf{g}=\nabla_\theta\mathcal{L},\quad \mathbf{m}\leftarrow\beta_1\mathbf{m}+(1-\beta_1)\mathbf{g},\quad \mathbf{v}\leftarrow\beta_2\mathbf{v}+(1-\beta_2)\mathbf{g}^2`}</Tex>
      <Tex block>{String.raw`\theta\leftarrow\theta-\eta\,\frac{\mathbf{m}/(1-\beta_1^{\,t})}{\sqrt{\mathbf{v}/(1-\beta_2^{\,t})}+\varepsilon}\quad\text{(step }t\text{)}`}</Tex>
      <Tex block>{String.raw`\eta=${state.learningRate},\ \beta_1=${ADAM.beta1},\ \beta_2=${ADAM.beta2},\ \varepsilon=10^{-7}`}</Tex>
    </>
  );
}
