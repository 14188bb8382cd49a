import { OPTIMIZERS } from '@geolearn/algorithms';
import { PlaybackButtons, ToggleButton } from '../kit/buttons';
import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { LANDSCAPE_OBJECTIVES, LANDSCAPE_SPEEDS, OPTIMIZER_COLORS, OPTIMIZER_LABELS, type LandscapeObjectiveName } from './model';
import type { LandscapeModel } from './useLossLandscape';

const OBJECTIVE_OPTIONS = [
  { value: 'mse' as LandscapeObjectiveName, label: 'Line fit: MSE of y = a·x + b' },
  ...Object.entries(LANDSCAPE_OBJECTIVES).map(([value, o]) => ({ value: value as LandscapeObjectiveName, label: o.label })),
];

/** The controls row: Play/Step/Reset with the speed (steps per frame), the 3-D toggle, η (log slider), α (momentum) and the objective. */
export function LandscapeControls({ model, chooser }: { model: LandscapeModel; chooser: boolean }) {
  const { state, actions, playing, done } = model;
  return (
    <>
      <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={done} speed={model.speed} onSpeedChange={actions.setSpeed} speeds={LANDSCAPE_SPEEDS} />
      <ToggleButton pressed={(state.view ?? 'contours') === 'surface'} onPressedChange={actions.setView}>
        3-D surface
      </ToggleButton>
      <Slider
        label="Learning rate η"
        scale="log"
        min={0.001}
        max={1}
        value={state.learningRate}
        onChange={actions.setLearningRate}
        format={(v) => String(v)}
        valueText={(v) => `η = ${v}`}
      />
      {(model.active.includes('momentum') || model.active.includes('nesterov')) && (
        <Slider label="Momentum α" min={0} max={0.99} step={0.01} value={model.momentum} onChange={actions.setMomentum} format={(v) => v.toFixed(2)} valueText={(v) => `α = ${v.toFixed(2)}`} />
      )}
      {chooser && <Select label="Objective" options={OBJECTIVE_OPTIONS} value={model.objectiveName} onChange={actions.chooseObjective} />}
    </>
  );
}

/** The optimisers to race, as checkboxes with their colour. */
export function OptimizerPicker({ model }: { model: LandscapeModel }) {
  return (
    <fieldset className="gl-fieldset">
      <legend>Optimizers</legend>
      {OPTIMIZERS.map((o) => (
        <label key={o} className="gl-checkbox">
          <input type="checkbox" checked={model.active.includes(o)} onChange={(e) => model.actions.toggleOptimizer(o, e.target.checked)} />
          <span className="gl-swatch" aria-hidden="true" style={{ color: OPTIMIZER_COLORS[o] }} />
          {OPTIMIZER_LABELS[o]}
        </label>
      ))}
    </fieldset>
  );
}
