import { Button, PlaybackButtons, ToggleButton } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { K_SLIDER, KMEANS_DATASETS, type KMeansDatasetName, type KMeansInit } from './model';
import type { KMeansModel } from './useKMeansStepper';

const DATASET_OPTIONS = Object.entries(KMEANS_DATASETS).map(([value, d]) => ({ value: value as KMeansDatasetName, label: d.label }));
const INIT_OPTIONS: { value: KMeansInit; label: string }[] = [
  { value: 'random', label: 'Random' },
  { value: 'k-means++', label: 'k-means++' },
];

/** The controls: Play/Step/Reset, k, the data set, how centroids are drawn, re-draw, the bad start, Voronoi and best of 10. */
export function KMeansControls({ model }: { model: KMeansModel }) {
  const { state, actions, playing, done, custom } = model;
  const error = Boolean(model.run.error);
  return (
    <>
      <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={done || error} />
      <Slider label="Clusters k" {...K_SLIDER} value={state.k} onChange={(k) => actions.setK(Math.round(k))} valueText={(k) => `k = ${k}`} testId="k-slider" />
      {!custom && <Select label="Data set" options={DATASET_OPTIONS} value={state.dataset} onChange={actions.setDataset} />}
      <Segmented label="Initial centroids" options={INIT_OPTIONS} value={state.init} onChange={actions.setInit} />
      <Button onClick={actions.redraw} disabled={error}>
        Re-draw centroids
      </Button>
      {!custom && <Button onClick={actions.badStart}>Bad start</Button>}
      <ToggleButton pressed={Boolean(state.bestOf)} onPressedChange={actions.setBestOf} disabled={error}>
        Best of 10 runs
      </ToggleButton>
      <ToggleButton pressed={state.voronoi !== false} onPressedChange={actions.setVoronoi}>
        Voronoi cells
      </ToggleButton>
    </>
  );
}
