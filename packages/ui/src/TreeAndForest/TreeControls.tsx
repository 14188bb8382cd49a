import { PlaybackButtons } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { LIMITS, type TreeCriterion, type TreeDataset, type TreeMode } from './model';
import type { TreeModel } from './useTreeAndForest';

const DATASETS = [
  { value: 'iris' as TreeDataset, label: 'Iris (4 features)' },
  { value: 'moons' as TreeDataset, label: 'Moons (2-D)' },
  { value: 'blobs' as TreeDataset, label: 'Blobs (2-D)' },
];
const MODES = [
  { value: 'tree' as TreeMode, label: 'One tree' },
  { value: 'forest' as TreeMode, label: 'Random forest' },
];
const CRITERIA = [
  { value: 'gini' as TreeCriterion, label: 'Gini' },
  { value: 'entropy' as TreeCriterion, label: 'Entropy' },
];

/** The data: set, plotted features (iris), points (2-D sets). */
export function DataControls({ model }: { model: TreeModel }) {
  const { state, actions, data } = model;
  const featureOptions = data.featureTitles.map((t, j) => ({ value: String(j), label: `${data.featureNames[j]}: ${t}` }));
  return (
    <>
      <Select label="Data" options={DATASETS} value={state.dataset} onChange={actions.setDataset} testId="dataset" />
      {state.dataset === 'iris' ? (
        <>
          <Select label="Horizontal axis" options={featureOptions} value={String(state.features[0])} onChange={(v) => actions.setFeature(0, Number(v))} />
          <Select label="Vertical axis" options={featureOptions} value={String(state.features[1])} onChange={(v) => actions.setFeature(1, Number(v))} />
        </>
      ) : (
        <Slider label="Points" min={LIMITS.nSamples[0]} max={LIMITS.nSamples[1]} step={50} value={state.nSamples} onChange={(v) => actions.set('nSamples', v)} />
      )}
      <Segmented label="Mode" options={MODES} value={state.mode} onChange={(m) => actions.set('mode', m)} />
    </>
  );
}

/** Growth: max depth, min samples per leaf, criterion; Play/Step/Reset (tree) or the number of trees (forest). */
export function GrowControls({ model }: { model: TreeModel }) {
  const { state, actions } = model;
  return (
    <>
      <Slider label="Max depth" min={LIMITS.maxDepth[0]} max={LIMITS.maxDepth[1]} step={1} value={state.maxDepth} onChange={(v) => actions.set('maxDepth', v)} testId="max-depth" />
      <Slider label="Min samples per leaf" min={LIMITS.minSamplesLeaf[0]} max={LIMITS.minSamplesLeaf[1]} step={1} value={state.minSamplesLeaf} onChange={(v) => actions.set('minSamplesLeaf', v)} />
      <Segmented label="Criterion" options={CRITERIA} value={state.criterion} onChange={(c) => actions.set('criterion', c)} />
      {state.mode === 'tree' ? (
        <PlaybackButtons playing={model.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={model.grown >= model.total} replayWhenDone stepLabel="Grow one node" />
      ) : (
        <Slider label="Trees" min={LIMITS.nTrees[0]} max={LIMITS.nTrees[1]} step={1} value={state.nTrees} onChange={(v) => actions.set('nTrees', Math.max(1, v))} testId="n-trees" />
      )}
    </>
  );
}
