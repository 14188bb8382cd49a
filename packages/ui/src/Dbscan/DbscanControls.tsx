import { Button, PlaybackButtons } from '../kit/buttons';
import { NumberField } from '../kit/NumberField';
import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { DBSCAN_DATASETS, type DbscanDatasetName } from './model';
import type { DbscanModel } from './useDbscan';

const DATASET_OPTIONS = Object.entries(DBSCAN_DATASETS).map(([value, d]) => ({ value: value as DbscanDatasetName, label: d.label }));

/** The controls: Play/Step/Reset, run to the end, ε, minSamples, the seed sample and the data set. */
export function DbscanControls({ model }: { model: DbscanModel }) {
  const { state, actions, playing, done, custom, X } = model;
  return (
    <>
      <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={done} />
      <Button onClick={actions.toEnd} disabled={done}>
        To the end
      </Button>
      <Slider label="ε (radius)" min={0} max={1} step={0.01} pageStep={0.1} value={state.eps} onChange={actions.setEps} valueText={(v) => `ε = ${v}`} testId="eps-slider" />
      <Slider label="minSamples" min={1} max={20} step={1} pageStep={5} value={state.minSamples} onChange={(v) => actions.setMinSamples(Math.round(v))} valueText={(v) => `minSamples = ${v}`} testId="min-samples-slider" />
      <NumberField label="Seed sample #" integer min={0} max={Math.max(0, X.length - 1)} value={Math.min(state.seed, Math.max(0, X.length - 1))} onChange={actions.setSeed} testId="seed-field" />
      {!custom && <Select label="Data set" options={DATASET_OPTIONS} value={state.dataset} onChange={actions.setDataset} />}
    </>
  );
}
