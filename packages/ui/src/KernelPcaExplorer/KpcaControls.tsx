import { ToggleButton } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { COMPONENT_CHOICES, fmt, KPCA_DATASETS, sigmaOf, type KernelPcaState, type KpcaDatasetName } from './model';
import type { KpcaModel } from './useKernelPca';

const DATASET_OPTIONS = Object.entries(KPCA_DATASETS).map(([value, d]) => ({ value: value as KpcaDatasetName, label: d.label }));
const COMPONENT_OPTIONS = COMPONENT_CHOICES.map((value) => ({ value: String(value), label: String(value) }));

/** The controls: γ on a log slider (σ beside it), the components kept, the pre-images, the data set. */
export function KpcaControls({ model }: { model: KpcaModel }) {
  const { state, actions } = model;
  return (
    <>
      <Slider
        label="RBF γ"
        scale="log"
        min={0.1}
        max={100}
        value={state.gamma}
        onChange={actions.setGamma}
        format={(g) => `${fmt(g)} (σ = ${fmt(sigmaOf(g))})`}
        valueText={(g) => `γ = ${fmt(g)}, σ = ${fmt(sigmaOf(g))}`}
        testId="gamma-slider"
      />
      <Segmented label="Components kept" options={COMPONENT_OPTIONS} value={String(state.nComponents)} onChange={(v) => actions.setComponents(Number(v) as KernelPcaState['nComponents'])} />
      <ToggleButton pressed={state.preImage} onPressedChange={actions.setPreImage}>
        Pre-images
      </ToggleButton>
      <Select label="Data set" options={DATASET_OPTIONS} value={state.dataset} onChange={actions.setDataset} />
    </>
  );
}
