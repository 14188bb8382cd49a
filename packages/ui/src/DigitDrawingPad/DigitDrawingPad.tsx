import type { WasmPaths } from '@geolearn/algorithms/nn';
import { useId } from 'react';
import { calibrationLine } from '../common/calibration';
import { HELD_OUT_LABELS } from '../common/mnistDigits';
import type { MnistModelKind, MnistModelSource } from '../common/mnistModels';
import { Tex } from '../common/Tex';
import { UNSURE_BELOW } from '../FeatureMaps/layers';
import { FeatureMapsStyles } from '../FeatureMaps/styles';
import { Button, ToggleButton } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Segmented, Select } from '../kit/Segmented';
import { InvariancePanel } from './InvariancePanel';
import { LayerPanel } from './LayerPanel';
import { MODEL_LABEL, PEN_LABELS, type DigitDrawingPadState, type PenWidth } from './model';
import { DrawingSurface, GuessPanel } from './PadParts';
import { usePad, type PadModel } from './usePad';

export { titledLayers } from '../FeatureMaps/layers';
export type { DigitDrawingPadState, PenWidth } from './model';

/** Props of {@link DigitDrawingPad}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface DigitDrawingPadProps extends ExplainerCommonProps, ExplainerStateProps<DigitDrawingPadState> {
  /** Width of the widget in px. Default 760 (shrinks to the container). */
  width?: number;
  /** Side of the drawing surface in px. Default 280. */
  height?: number;
  /**
   * Where the models come from: per kind, URLs or the loaded model.json and weights. Default
   * the weights shipped in the package (packages/ui/assets/models). Pass a stable object.
   */
  models?: Partial<Record<MnistModelKind, MnistModelSource>>;
  /** Where the page serves TF.js's .wasm files; by default the copies shipped in this package's assets. */
  wasmPaths?: WasmPaths;
  /** Show the inference time per stroke (developer telemetry). Default false; kept beside `showPerformance`. */
  showTiming?: boolean;
  /** Show the inference time per stroke (developer telemetry). Default false. */
  showPerformance?: boolean;
  /** Accessible name and title. Default "Draw a digit". */
  label?: string;
}

const MODEL_OPTIONS = (['fc', 'cnn'] as const).map((k) => ({ value: k, label: MODEL_LABEL[k] }));
const SAMPLE_OPTIONS = [{ value: '', label: 'none (draw)' }, ...HELD_OUT_LABELS.map((d, i) => ({ value: String(i), label: `#${i + 1}: a ${d}` }))];
const PEN_OPTIONS = (Object.keys(PEN_LABELS) as PenWidth[]).map((p) => ({ value: p, label: PEN_LABELS[p] }));

/**
 * The MNIST demo of the slides, and more: draw a digit with mouse, touch or pen (thin,
 * medium or finger-wide); see it as the network sees it, 28 × 28 after MNIST's preprocessing
 * (ink's bounding box fitted into 20 × 20, centre of mass at the centre); the first and second
 * guesses with their probabilities, updated as you draw, and a caution when the network is
 * unsure; the fully connected network or the CNN, with the activations of any of the slides'
 * layers; clear and undo. Without a pointer, pick one of 30 held-out MNIST digits.
 * Invariance mode ("Invariances") moves, rotates, scales, shears, lights or covers the input the
 * networks see and compares the fully connected network's guess with the CNN's. The probabilities
 * are temperature-scaled, softmax(z / T), with each shipped model's calibration.json.
 */
export function DigitDrawingPad({ width = 760, height = 280, value, defaultValue, onValueChange, models, wasmPaths, showTiming = false, showPerformance = false, ...rest }: DigitDrawingPadProps) {
  const id = useId();
  const pad = usePad({ value, defaultValue, onValueChange, models, wasmPaths });
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Draw a digit', width, height })}
      state={pad.error ? 'error' : 'idle'}
      status={pad.status}
      statusProps={{ id: `${id}-status`, 'aria-live': pad.drawing ? 'off' : 'polite', 'data-testid': 'status', 'data-guess': pad.order[0]?.[0] ?? '', 'data-unsure': (pad.order[0]?.[1] ?? 1) < UNSURE_BELOW || undefined }}
      controls={<PadControls pad={pad} />}
      footer={
        (showTiming || showPerformance) && pad.result ? (
          <small className="gl-perf" data-testid="timing">
            Inference: {pad.result.ms.toFixed(1)} ms per stroke update on TF.js {pad.backend}
          </small>
        ) : null
      }
      caption={
        <>
          {pad.state.model === 'cnn' && <span>The CNN&apos;s layers compute a cross-correlation ⋆ (no kernel flip); the learned kernels absorb the flip of the slides&apos; convolution ∗. </span>}
          <span data-testid="calibration">{calibrationLine(pad.temperature)}</span>
        </>
      }
      maths={<PadMaths kind={pad.state.model} />}
    >
      {(layout: ExplainerLayout) => {
        const w = layout.plotWidth(width);
        const side = Math.min(height, w);
        return (
          <>
            <FeatureMapsStyles />
            <DrawingSurface pad={pad} side={side} labelId={`${id}-pad`} statusId={`${id}-status`} />
            <GuessPanel pad={pad} barWidth={layout.compact ? Math.min(w, 360) : Math.max(180, Math.min(360, w - side - 200))} />
            <InvariancePanel pad={pad} />
            <LayerPanel pad={pad} width={Math.max(160, w - 24)} />
          </>
        );
      }}
    </Explainer>
  );
}

/** Undo, Clear, the pen width, the model and the held-out digits (the keyboard path). */
function PadControls({ pad }: { pad: PadModel }) {
  const { state, actions } = pad;
  return (
    <>
      <Button onClick={actions.undo} disabled={state.strokes.length === 0 || state.sample !== null}>
        Undo
      </Button>
      <Button onClick={actions.clear} disabled={state.strokes.length === 0 && state.sample === null}>
        Clear
      </Button>
      <Segmented label="Pen" options={PEN_OPTIONS} value={pad.pen} onChange={actions.setPen} />
      <Select label="Model" options={MODEL_OPTIONS} value={state.model} onChange={actions.setModel} />
      <Select label="Held-out digit" options={SAMPLE_OPTIONS} value={state.sample === null ? '' : String(state.sample)} onChange={(v) => actions.setSample(v === '' ? null : Number(v))} />
      <Button onClick={actions.nextSample}>Next held-out digit</Button>
      <ToggleButton pressed={pad.invariance !== null} onPressedChange={actions.setInvarianceMode}>
        Invariances
      </ToggleButton>
    </>
  );
}

/** The model's formula: the CNN's cross-correlation layers, or the fully connected network. */
function PadMaths({ kind }: { kind: MnistModelKind }) {
  return kind === 'cnn' ? (
    <>
      <Tex block>{String.raw`\mathbf{h}^{(1)}_k[i,j]=\mathrm{ReLU}\Bigl(\sum_{n,m}x[i+n,\,j+m]\,W_k[n,m]+b_k\Bigr)=\mathrm{ReLU}\bigl((\mathbf{x}\star\mathbf{W}_k)[i,j]+b_k\bigr)`}</Tex>
      <Tex block>{String.raw`\text{max-pool},\ \dots,\quad \mathbf{y}=\operatorname{softmax}\bigl(\mathbf{W}\mathbf{h}+\mathbf{b}\bigr),\quad \mathbf{x}\in\mathbb{R}^{28\times 28}`}</Tex>
    </>
  ) : (
    <Tex block>{String.raw`\mathbf{y}=\operatorname{softmax}\bigl(\mathbf{W}^{(2)}\,\mathrm{ReLU}(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)})+\mathbf{b}^{(2)}\bigr),\quad \mathbf{x}\in\mathbb{R}^{784},\ y\in\{0,\dots,9\}`}</Tex>
  );
}
