import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { C_SLIDER, DATASET_LABELS, fmt, gammaOf, KERNEL_LABELS, LIFT_LABELS, SIGMA_SLIDER, type KernelDataset, type KernelName, type LiftName } from './model';
import type { KernelModel } from './useKernelTrick';

const opts = <T extends string>(labels: Record<T, string>) => (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

/** Data set, kernel, σ (with γ = 1/(2σ²) beside it), C, and the lift's feature. */
export function KernelControls({ model }: { model: KernelModel }) {
  const { state, actions, binary } = model;
  return (
    <>
      <Select label="Data" options={opts<KernelDataset>(DATASET_LABELS)} value={state.dataset} onChange={actions.setDataset} />
      <Segmented label="Kernel" options={opts<KernelName>(KERNEL_LABELS)} value={state.kernel} onChange={actions.setKernel} />
      <Slider
        label="Width σ"
        {...SIGMA_SLIDER}
        value={state.sigma}
        onChange={actions.setSigma}
        format={(v) => `${v} (γ = ${fmt(gammaOf(v))})`}
        valueText={(v) => `σ = ${v}, γ = ${fmt(gammaOf(v))}`}
        testId="sigma-slider"
        valueTestId="sigma-value"
        // σ shapes the RBF kernel and the RBF lift only.
        disabled={state.kernel !== 'rbf' && !(binary && state.lift === 'rbf')}
      />
      <Slider label="Penalty C" {...C_SLIDER} value={state.C} onChange={actions.setC} valueText={(v) => `C = ${v}`} />
      {binary && <Select label="3-D lift" options={opts<LiftName>(LIFT_LABELS)} value={state.lift} onChange={actions.setLift} />}
    </>
  );
}
