import { Button, ToggleButton } from '../kit/buttons';
import { Segmented } from '../kit/Segmented';
import type { PcaStep } from './model';
import type { PcaModel } from './usePcaExplorer';

const STEP_OPTIONS = [
  { value: '1', label: '1 Covariance' },
  { value: '2', label: '2 Eigenvectors' },
  { value: '3', label: '3 Project' },
];
const K_OPTIONS = [
  { value: '1', label: 'k = 1' },
  { value: '2', label: 'k = 2' },
];

/** The controls: the slide's step, k, project (animated) and reset the cloud. */
export function PcaControls({ model }: { model: PcaModel }) {
  const { state, actions } = model;
  return (
    <>
      <Segmented label="Step" options={STEP_OPTIONS} value={String(state.step)} onChange={(v) => actions.setStep(Number(v) as PcaStep)} />
      <Segmented label="Components kept" options={K_OPTIONS} value={String(state.k)} onChange={(v) => actions.setK(v === '2' ? 2 : 1)} />
      <ToggleButton pressed={state.step === 3 && state.projected} onPressedChange={actions.setProjected} disabled={Boolean(model.fit.problem)}>
        Project the samples
      </ToggleButton>
      <Button onClick={actions.resetCloud}>Reset the cloud</Button>
      <ToggleButton pressed={Boolean(state.svd)} onPressedChange={actions.setSvd}>
        SVD view
      </ToggleButton>
    </>
  );
}
