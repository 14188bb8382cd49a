import { PlaybackButtons, ToggleButton } from '../kit/buttons';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { C_SLIDER, MAX_STEPS, type SvmSolver } from './model';
import type { SvmModel } from './useSvmMargin';

const SOLVERS = [
  { value: 'exact' as SvmSolver, label: 'Exact (SMO)' },
  { value: 'steps' as SvmSolver, label: 'Sub-gradient steps' },
];

/** The editing tools: add points (of a chosen class), delete mode. */
export function EditControls({ model }: { model: SvmModel }) {
  const { state, actions } = model;
  return (
    <>
      <ToggleButton pressed={state.tool === 'add'} onPressedChange={(on) => actions.setTool(on ? 'add' : 'move')}>
        Add points
      </ToggleButton>
      <Segmented
        label="Class to add"
        options={[
          { value: '0', label: 'class 0 (y = −1)' },
          { value: '1', label: 'class 1 (y = +1)' },
        ]}
        value={String(state.addClass) as '0' | '1'}
        onChange={(v) => actions.setAddClass(v === '1' ? 1 : 0)}
      />
      <ToggleButton pressed={state.tool === 'delete'} onPressedChange={(on) => actions.setTool(on ? 'delete' : 'move')}>
        Delete mode
      </ToggleButton>
    </>
  );
}

/** C (log slider), the solver, and Play/Step/Reset for the sub-gradient steps. */
export function FitControls({ model }: { model: SvmModel }) {
  const { state, actions, playing } = model;
  return (
    <>
      <Slider
        label="Penalty C"
        {...C_SLIDER}
        value={state.C}
        onChange={actions.setC}
        valueText={(v) => `C = ${v}`}
        testId="c-slider"
      />
      <Segmented label="Solver" options={SOLVERS} value={state.solver} onChange={actions.setSolver} />
      {state.solver === 'steps' && (
        <PlaybackButtons
          playing={playing}
          onTogglePlay={actions.togglePlay}
          onStep={actions.step}
          onReset={actions.reset}
          done={model.done && state.iteration >= MAX_STEPS}
        />
      )}
    </>
  );
}
