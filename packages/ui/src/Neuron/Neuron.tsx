import { useMemo } from 'react';
import { ACTIVATIONS, texNumber } from '../common/activations';
import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { ActivationPlot } from './ActivationPlot';
import { DEFAULT_STATE, evaluate, NEURON_ACTIVATIONS, neuronSizes, signed, STATE_CHECKS, statusText, sub, type NeuronActivation, type NeuronOutput, type NeuronState } from './model';
import { NeuronDiagram } from './NeuronDiagram';
import { NeuronStyles } from './styles';

export type { NeuronActivation, NeuronState } from './model';

/** Props of {@link Neuron}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface NeuronProps extends ExplainerCommonProps, ExplainerStateProps<NeuronState> {
  /** Width of the picture (diagram and activation curve) in px. Default 640 (shrinks to the container). */
  width?: number;
  /** Height of the picture in px. Default 260. */
  height?: number;
  /** Initial state when uncontrolled (merged over the default two-input sigmoid neuron; bad fields are reported once and ignored). */
  defaultValue?: Partial<NeuronState>;
  /** Range of the input sliders, ±. Default 2. */
  inputRange?: number;
  /** Range of the weight sliders, ±. Default 3. */
  weightRange?: number;
  /** Range of the bias slider, ±. Default 6. */
  biasRange?: number;
  /** Accessible name and title. Default "A neuron". */
  label?: string;
  /** Accepted for a uniform API; the neuron has no animation, so nothing is shown. Default false. */
  showPerformance?: boolean;
}

const ACTIVATION_OPTIONS = NEURON_ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATIONS[a].label }));

/**
 * One artificial neuron, h = φ(Σᵢ wᵢxᵢ + b): its inputs, weights and bias on sliders, the
 * activation φ (sigmoid, ReLU or tanh) drawn with its flat parts shaded (the sigmoid's and
 * tanh's saturated plateaus where φ′ ≈ 0; ReLU's dead half where φ′ = 0 exactly), the
 * operating point (z, h) on that curve, and the formula with the live numbers.
 */
export function Neuron({
  width = 640,
  height = 260,
  value,
  defaultValue,
  onValueChange,
  inputRange = 2,
  weightRange = 3,
  biasRange = 6,
  showPerformance: _showPerformance,
  ...rest
}: NeuronProps) {
  const clean = useMemo(() => sanitizeDefaultValue<NeuronState>('Neuron', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<NeuronState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const out = evaluate(state);
  const setAt = (key: 'inputs' | 'weights', i: number, v: number) => setState((s) => ({ ...s, [key]: s[key].map((old, j) => (j === i ? v : old)) }));
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'A neuron', width, height })}
      status={statusText(out)}
      statusProps={{ 'data-testid': 'status', 'data-h': out.h, 'data-flat': out.flat, 'data-dead': out.dead }}
      controls={
        <>
          <div role="group" aria-label="Inputs and weights" className="gl-neuron-sliders">
            {state.inputs.map((x, i) => [
              <Slider key={`x${i}`} label={`Input x${sub(i + 1)}`} value={x} min={-inputRange} max={inputRange} step={0.1} format={(v) => signed(v)} onChange={(v) => setAt('inputs', i, v)} />,
              <Slider key={`w${i}`} label={`Weight w${sub(i + 1)}`} value={state.weights[i] ?? 0} min={-weightRange} max={weightRange} step={0.1} format={(v) => signed(v)} onChange={(v) => setAt('weights', i, v)} />,
            ])}
          </div>
          <Slider label="Bias b" value={state.bias} min={-biasRange} max={biasRange} step={0.1} format={(v) => signed(v)} onChange={(v) => setState((s) => ({ ...s, bias: v }))} />
          <Select label="Activation φ" options={ACTIVATION_OPTIONS} value={state.activation} onChange={(a: NeuronActivation) => setState((s) => ({ ...s, activation: a }))} />
        </>
      }
      legend={<NeuronLegend dead={state.activation === 'relu'} />}
      maths={<NeuronMaths state={state} out={out} />}
    >
      {(layout: ExplainerLayout) => {
        const s = neuronSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <NeuronStyles />
            <NeuronDiagram state={state} out={out} width={s.diagramWidth} height={s.diagramHeight} />
            <ActivationPlot activation={state.activation} out={out} width={s.curveWidth} height={s.curveHeight} />
          </>
        );
      }}
    </Explainer>
  );
}

/** The key: the links' signs, the curve, the operating point and the shaded flat part. */
function NeuronLegend({ dead }: { dead: boolean }) {
  return (
    <Legend
      label="Key to the neuron"
      items={[
        { label: 'positive weight', color: conceptColor('weightPos') },
        { label: 'negative weight', color: conceptColor('weightNeg') },
        { label: 'activation φ(z)', color: 'var(--gl-accent)' },
        { label: 'the neuron now: (z, h)', color: 'var(--gl-fg)', shape: 'dot' },
        { label: dead ? 'dead half: φ′(z) = 0, no gradient' : 'saturated: φ′(z) < 0.02', color: 'var(--gl-muted)', shape: 'dot' },
      ]}
    />
  );
}

/** The formula with the live numbers, and φ's definition. */
function NeuronMaths({ state, out }: { state: NeuronState; out: NeuronOutput }) {
  const act = ACTIVATIONS[state.activation];
  const n = state.inputs.length;
  const sumTex = state.inputs.map((x, i) => `(${texNumber(state.weights[i] ?? 0)})(${texNumber(x)})`).join('+');
  return (
    <>
      <Tex block>{String.raw`h=\varphi\Bigl(\sum_{i=1}^{${n}} w_i x_i+b\Bigr)=${act.symbol}\bigl(${sumTex}+(${texNumber(state.bias)})\bigr)=${act.symbol}(${texNumber(out.z)})=${texNumber(out.h, 3)}`}</Tex>
      <Tex block>{state.activation === 'relu' ? String.raw`${act.tex},\qquad \mathrm{ReLU}'(z)=\begin{cases}1 & z>0\\ 0 & z\le 0\ \text{(dead: no gradient)}\end{cases}` : act.tex}</Tex>
    </>
  );
}
