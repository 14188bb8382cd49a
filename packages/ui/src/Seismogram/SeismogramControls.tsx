import { Button, ToggleButton } from '../kit/buttons';
import { NumberField } from '../kit/NumberField';
import type { SeismogramModel } from './useSeismogram';

const hz = (v: number) => String(Number(v.toPrecision(3)));

/** The view and picking controls: pan, zoom, scaling, picks, the STA/LTA picker and its ratio, and the band-pass filter. */
export function SeismogramControls({ model }: { model: SeismogramModel }) {
  const { actions, scaling, picks, filterOn, corners, fs, showRatio } = model;
  const withCursorReset = (f: () => void) => () => {
    actions.setCursor(null);
    f();
  };
  return (
    <>
      <div className="gl-seis-row">
        <Button aria-label="Pan left" onClick={withCursorReset(() => actions.pan(-0.25))}>◀</Button>
        <Button aria-label="Pan right" onClick={withCursorReset(() => actions.pan(0.25))}>▶</Button>
        <Button aria-label="Zoom in" onClick={withCursorReset(() => actions.zoom(1 / 1.5))}>+</Button>
        <Button aria-label="Zoom out" onClick={withCursorReset(() => actions.zoom(1.5))}>−</Button>
        <Button onClick={withCursorReset(actions.resetView)}>Whole record</Button>
        <ToggleButton pressed={scaling === 'view'} onPressedChange={actions.toggleScaling}>
          Scale to view
        </ToggleButton>
      </div>
      <div className="gl-seis-row">
        <Button className="gl-seis-pick-p" onClick={() => actions.setPick('P')}>Pick P</Button>
        <Button className="gl-seis-pick-s" onClick={() => actions.setPick('S')}>Pick S</Button>
        <Button onClick={actions.autoPick}>Pick P by STA/LTA</Button>
        <ToggleButton pressed={showRatio} onPressedChange={actions.toggleRatio}>
          STA/LTA trace
        </ToggleButton>
        <Button disabled={picks.P === undefined && picks.S === undefined} onClick={actions.clearPicks}>
          Clear picks
        </Button>
      </div>
      <div className="gl-seis-row">
        <ToggleButton pressed={filterOn} onPressedChange={actions.setFilter}>
          Band-pass
        </ToggleButton>
        {/* Number fields, not sliders: the time window is the plot's one slider. */}
        <NumberField label="Low corner (Hz)" value={Number(corners[0].toPrecision(3))} onChange={(v) => actions.setCorner(0, v)} min={0.001} max={0.3 * fs} step={0.1} format={hz} disabled={!filterOn} testId="corner-low" />
        <NumberField label="High corner (Hz)" value={Number(corners[1].toPrecision(3))} onChange={(v) => actions.setCorner(1, v)} min={0.002} max={0.45 * fs} step={1} format={hz} disabled={!filterOn} testId="corner-high" />
      </div>
    </>
  );
}
