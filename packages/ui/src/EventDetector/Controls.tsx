import { Button } from '../kit/buttons';
import { Slider } from '../kit/Slider';
import { formatDb, WINDOW_SECONDS } from './model';
import type { EventDetectorModel } from './useEventDetector';

/** The controls: detector threshold, STA/LTA level, SNR of the stream, a new stream, and where to look. */
export function Controls({ model }: { model: EventDetectorModel }) {
  const { state, actions, source, span } = model;
  const duration = source?.duration ?? 0;
  return (
    <>
      <Slider label="Detector threshold on p_event" min={0.05} max={0.95} step={0.01} value={state.threshold} onChange={actions.setThreshold} format={(v) => v.toFixed(2)} testId="threshold-slider" />
      <Slider label="STA/LTA trigger on" min={1.2} max={20} scale="log" value={state.staLtaOn} onChange={actions.setStaLtaOn} format={(v) => v.toFixed(1)} testId="stalta-slider" />
      <Slider label="SNR of the stream" min={-5} max={20} step={1} value={state.snrDb} onChange={actions.setSnr} format={formatDb} valueText={(v) => `SNR ${formatDb(v)}`} testId="snr-slider" />
      <Button onClick={actions.newStream} data-testid="new-stream">New stream</Button>
      <Slider label="View from (s)" min={0} max={Math.max(1, duration - span)} step={1} value={model.view} onChange={actions.setView} format={(v) => `${v.toFixed(0)} s`} disabled={duration <= span} testId="view-slider" />
      <Slider label="Current window (s)" min={0} max={Math.max(1, duration - WINDOW_SECONDS)} step={1} value={model.cursor} onChange={actions.setCursor} format={(v) => `${v.toFixed(0)}–${(v + WINDOW_SECONDS).toFixed(0)} s`} testId="cursor-slider" />
    </>
  );
}
