import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { FEATURE_NAMES, pct, TRAIN_RANGE, TREES_SLIDER, type LidarColorBy } from './model';
import type { LidarModel } from './useLidarClassification';

const COLOR_OPTIONS: { value: LidarColorBy; label: string }[] = [
  { value: 'truth', label: 'Truth' },
  { value: 'prediction', label: 'Prediction' },
  { value: 'errors', label: 'Errors' },
  { value: 'feature', label: 'Feature' },
];

/** The labelled fraction and the trees (they retrain), and what colours the points. */
export function LidarControls({ model }: { model: LidarModel }) {
  const { state, actions } = model;
  return (
    <>
      <Slider
        label="Labelled points"
        value={state.trainFraction}
        onChange={actions.setTrainFraction}
        min={TRAIN_RANGE[0]}
        max={TRAIN_RANGE[1]}
        scale="log"
        format={pct}
        testId="train-slider"
      />
      <Slider label="Trees" {...TREES_SLIDER} value={state.nTrees} onChange={actions.setTrees} testId="trees-slider" />
      <Segmented label="Colour by" options={COLOR_OPTIONS} value={state.colorBy} onChange={actions.setColorBy} />
      <Select label="Feature" options={FEATURE_NAMES.map((f) => ({ value: f, label: f }))} value={state.feature} onChange={actions.setFeature} testId="feature-select" />
    </>
  );
}
