import { Button, PlaybackButtons } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { MODES, signed, X, type XorMode } from './model';
import type { XorModel } from './useXorNet';

const MODE_OPTIONS = (Object.keys(MODES) as XorMode[]).map((m) => ({ value: m, label: MODES[m] }));
const ROW_OPTIONS = X.map((x, i) => ({ value: String(i), label: `(${x[0]}, ${x[1]})` }));
const HIDDEN_OPTIONS = [
  { value: '2', label: '2 (2-2-1)' },
  { value: '3', label: '3 (2-3-1)' },
];
const WEIGHT_LABELS = ['w₁', 'w₂', 'b'] as const;

/** The controls: the network, the input row, and per mode the neuron's sliders or the training controls. */
export function XorControls({ model }: { model: XorModel }) {
  const { state, actions, trained, playing, done } = model;
  return (
    <>
      <Segmented label="Network" options={MODE_OPTIONS} value={state.mode} onChange={actions.setMode} />
      <Select label="Input" options={ROW_OPTIONS} value={String(state.row)} onChange={(v) => actions.setRow(Number(v))} />
      <Button onClick={actions.nextRow}>Next input</Button>
      {state.mode === 'single' &&
        WEIGHT_LABELS.map((l, k) => (
          <Slider key={l} label={l} value={state.single[k]} min={-2} max={2} step={0.1} width={90} format={(v) => signed(v, 1)} onChange={(v) => actions.setSingle(k as 0 | 1 | 2, v)} />
        ))}
      {trained && (
        <>
          <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step10} onReset={actions.reset} done={done} stepLabel="Step ×10" />
          <Select label="Hidden units" options={HIDDEN_OPTIONS} value={String(state.hidden)} onChange={(v) => actions.setHidden(Number(v) as 2 | 3)} />
          <Slider label="η" scale="log" min={0.001} max={1} value={state.learningRate} width={90} onChange={actions.setLearningRate} format={(v) => String(v)} valueText={(v) => `η = ${v}`} />
          <Button onClick={actions.newWeights} data-seed={model.weightSeed}>
            New initial weights
          </Button>
          <span className="gl-xor-seed">seed {model.weightSeed}</span>
        </>
      )}
    </>
  );
}
