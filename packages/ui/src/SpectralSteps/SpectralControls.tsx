import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { EPS_RANGE, K_RANGE, type GraphKind, type SpectralDataset } from './model';
import type { SpectralModel } from './useSpectralSteps';

const DATASETS: { value: SpectralDataset; label: string }[] = [
  { value: 'moons', label: 'Two moons' },
  { value: 'rings', label: 'Rings' },
];
const GRAPHS: { value: GraphKind; label: string }[] = [
  { value: 'knn', label: 'k nearest neighbours' },
  { value: 'epsilon', label: 'ε radius' },
];

/** The controls: data set, how W is built, and its k or ε. */
export function SpectralControls({ model }: { model: SpectralModel }) {
  const { state, actions } = model;
  return (
    <>
      <Segmented label="Data set" options={DATASETS} value={state.dataset} onChange={actions.setDataset} />
      <Segmented label="Graph W" options={GRAPHS} value={state.graph} onChange={actions.setGraph} />
      {state.graph === 'knn' ? (
        <Slider label="Neighbours k" min={K_RANGE[0]} max={K_RANGE[1]} step={1} value={Math.min(K_RANGE[1], state.nNeighbors)} onChange={actions.setNeighbors} valueText={(k) => `k = ${k}`} testId="k-slider" />
      ) : (
        <Slider label="Radius ε" min={EPS_RANGE[0]} max={EPS_RANGE[1]} scale="log" value={Math.max(EPS_RANGE[0], Math.min(EPS_RANGE[1], state.epsilon))} onChange={actions.setEpsilon} valueText={(e) => `ε = ${e}`} testId="eps-slider" />
      )}
    </>
  );
}
