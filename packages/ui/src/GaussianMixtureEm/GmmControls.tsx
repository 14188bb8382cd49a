import type { CovarianceType } from '@geolearn/algorithms';
import { Button, PlaybackButtons } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { COVARIANCE_TYPES, GMM_DATASETS, type GmmDatasetName, type GmmInit } from './model';
import type { GmmModel } from './useGaussianMixtureEm';

const DATASET_OPTIONS = Object.entries(GMM_DATASETS).map(([value, d]) => ({ value: value as GmmDatasetName, label: d.label }));
const COV_OPTIONS = COVARIANCE_TYPES.map((value: CovarianceType) => ({ value, label: value }));
const INIT_OPTIONS: { value: GmmInit; label: string }[] = [
  { value: 'random', label: 'Random samples' },
  { value: 'kmeans', label: 'k-means' },
];

/** The controls: Play/Step/Reset, k, the covariance type, the initialisation, re-initialise and the data set. */
export function GmmControls({ model }: { model: GmmModel }) {
  const { state, actions, playing, done, custom } = model;
  return (
    <>
      <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={done} />
      <Slider label="Components k" min={1} max={6} step={1} value={Math.min(6, state.k)} onChange={(k) => actions.setK(Math.round(k))} valueText={(k) => `k = ${k}`} testId="k-slider" />
      <Segmented label="Covariance type" options={COV_OPTIONS} value={state.covarianceType} onChange={actions.setCovarianceType} />
      <Segmented label="Initial means" options={INIT_OPTIONS} value={state.init} onChange={actions.setInit} />
      <Button onClick={actions.reinitialise} disabled={Boolean(model.run.error)}>
        Re-initialise
      </Button>
      {!custom && <Select label="Data set" options={DATASET_OPTIONS} value={state.dataset} onChange={actions.setDataset} />}
    </>
  );
}
