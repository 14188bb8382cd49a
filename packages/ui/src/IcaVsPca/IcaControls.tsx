import { Button } from '../kit/buttons';
import { NumberField } from '../kit/NumberField';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { A_MAX, type SecondSource } from './model';
import type { IcaModel } from './useIcaVsPca';

const SECOND: { value: SecondSource; label: string }[] = [
  { value: 'hum', label: 'Hum (sine)' },
  { value: 'sawtooth', label: 'Sawtooth' },
];
const NAMES = [
  ['a₁₁', 'a₁₂'],
  ['a₂₁', 'a₂₂'],
] as const;

/** The controls: the mixing matrix A as four fields, the second source, FastICA's max_iter, reset. */
export function IcaControls({ model }: { model: IcaModel }) {
  const { state, actions } = model;
  return (
    <>
      <fieldset className="gl-fieldset gl-ica-matrix">
        <legend>Mixing matrix A</legend>
        {([0, 1] as const).flatMap((i) =>
          ([0, 1] as const).map((j) => (
            <NumberField key={`${i}${j}`} label={NAMES[i][j]} value={state.mixing[i][j]} min={-A_MAX} max={A_MAX} step={0.1} onChange={(v) => actions.setEntry(i, j, v)} testId={`a${i + 1}${j + 1}`} />
          )),
        )}
      </fieldset>
      <Segmented label="Second source s₂" options={SECOND} value={state.second} onChange={actions.setSecond} />
      <Slider label="FastICA max_iter" min={1} max={200} scale="log" value={state.maxIter} onChange={(v) => actions.setMaxIter(Math.max(1, Math.round(v)))} format={(v) => String(Math.round(v))} testId="max-iter" />
      <Button onClick={actions.reset}>Reset</Button>
    </>
  );
}
