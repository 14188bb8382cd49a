import { Button, ToggleButton } from '../kit/buttons';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { FitProgress } from '../worker/FitProgress';
import { RATE, SECONDS, type Phase } from './model';
import type { PhasePickerModel } from './usePhasePicker';

const PHASES = [
  { value: 'P' as Phase, label: 'P' },
  { value: 'S' as Phase, label: 'S' },
];

/** The PhasePicker's controls: the event (SNR, distance, a new window) or the record's window, the threshold, and your picks. */
export function Controls({ model }: { model: PhasePickerModel }) {
  const { state, actions, checked } = model;
  const rec = checked?.ok ? checked : null;
  return (
    <>
      {rec ? (
        <>
          <Slider label="Window start" min={0} max={Math.max(0, (rec.length - 3000) / RATE)} step={1} value={state.windowStart} onChange={actions.setWindowStart} format={(v) => `${v.toFixed(0)} s`} testId="start-slider" disabled={rec.length <= 3000} />
          <Button onClick={actions.useSynthetic} data-testid="use-synthetic">
            Back to synthetic events
          </Button>
        </>
      ) : (
        <>
          <Slider label="SNR" min={-5} max={20} step={1} value={state.snrDb} onChange={actions.setSnr} format={(v) => `${v.toFixed(0)} dB`} testId="snr-slider" />
          <Slider label="Distance (S − P)" min={10} max={120} step={5} value={state.distance} onChange={actions.setDistance} format={(v) => `${v.toFixed(0)} km`} testId="distance-slider" />
          <Button onClick={actions.newWindow} data-testid="new-window">
            New window
          </Button>
        </>
      )}
      <Slider label="Pick threshold" min={0.1} max={0.9} step={0.05} value={state.threshold} onChange={actions.setThreshold} format={(v) => v.toFixed(2)} testId="threshold-slider" />
      <Segmented label="Your pick" options={PHASES} value={state.phase} onChange={actions.setPhase} />
      <Button onClick={actions.clearMine} disabled={state.myP === null && state.myS === null} data-testid="clear-picks">
        Clear my picks
      </Button>
      <ToggleButton pressed={state.showTruth} onPressedChange={actions.setShowTruth} data-testid="show-truth" disabled={model.w?.pTrue === null}>
        Show true arrivals
      </ToggleButton>
    </>
  );
}

/** For a record longer than one window: pick all of it by sliding windows, with progress. */
export function WholeRecord({ model }: { model: PhasePickerModel }) {
  const { checked, whole, actions } = model;
  if (!checked?.ok || checked.length <= 3000) return null;
  const r = whole.result;
  const list = (picks: { index: number }[]) => (picks.length ? picks.slice(0, 8).map((p) => (p.index / RATE).toFixed(1)).join(', ') + (picks.length > 8 ? '…' : '') : 'none');
  return (
    <div className="gl-pp-whole" data-testid="whole-record">
      <div className="gl-pp-run">
        <Button onClick={actions.pickWhole} disabled={whole.busy} data-testid="pick-whole">
          Pick the whole record ({(checked.length / RATE / 60).toFixed(1)} min)
        </Button>
        <FitProgress value={whole.progress} running={whole.busy} label="Sliding windows" onCancel={actions.cancelWhole} error={whole.error} data-testid="whole-progress" />
      </div>
      {r && (
        <p className="gl-pp-small" data-testid="whole-picks">
          {r.windows} windows of {SECONDS} s: P at {list(r.P)} s; S at {list(r.S)} s.
        </p>
      )}
    </div>
  );
}
