import { ToggleButton } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { LIVE_DATASETS, type CmSource, type LiveDataset } from './model';
import type { CmModel } from './useConfusionMatrix';

const SOURCES: { value: CmSource; label: string }[] = [
  { value: 'live', label: 'Live classifier' },
  { value: 'table3', label: 'Slides’ Table 3' },
];
const DATASETS = Object.entries(LIVE_DATASETS).map(([value, label]) => ({ value: value as LiveDataset, label }));

/** The controls: the source, the live data set and threshold (two classes only), and Transpose. */
export function CmControls({ model }: { model: CmModel }) {
  const { state, actions, binary } = model;
  const live = state.source === 'live';
  return (
    <>
      <Segmented label="Counts from" options={SOURCES} value={state.source} onChange={actions.setSource} />
      {live && <Select label="Data" options={DATASETS} value={state.dataset} onChange={actions.setDataset} />}
      {live && binary && (
        <Slider
          label="Threshold t on P(y = 1 | x)"
          min={0.01}
          max={0.99}
          step={0.01}
          value={state.threshold}
          onChange={actions.setThreshold}
          format={(t) => t.toFixed(2)}
          valueText={(t) => `t = ${t.toFixed(2)}`}
          testId="threshold"
        />
      )}
      <ToggleButton pressed={state.rows === 'predicted'} onPressedChange={actions.transpose}>
        Transpose (rows = predicted)
      </ToggleButton>
    </>
  );
}
