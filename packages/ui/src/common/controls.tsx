import { buttonStyle } from './theme';

/** Props of {@link PlaybackButtons}. */
export interface PlaybackButtonsProps {
  /** Text of the step button. Default "Step". */
  stepLabel?: string;
  /** Advances one step (iteration, epoch…). */
  onStep: () => void;
  /** Starts or pauses the animation. */
  onTogglePlay: () => void;
  /** Goes back to the start. */
  onReset: () => void;
  /** Whether the animation runs (the play button is then "Pause" and pressed). */
  playing: boolean;
  /** Disables Step and Play once the run has ended or diverged. Default false. */
  done?: boolean;
  /** Whether Play stays enabled when done (it then restarts). Default false. */
  replayWhenDone?: boolean;
}

/** The Step / Play-Pause / Reset buttons every stepping explainer shares, 44 px for touch. */
export function PlaybackButtons({ stepLabel = 'Step', onStep, onTogglePlay, onReset, playing, done = false, replayWhenDone = false }: PlaybackButtonsProps) {
  return (
    <>
      <button type="button" style={buttonStyle} onClick={onStep} disabled={done}>
        {stepLabel}
      </button>
      <button type="button" style={buttonStyle} onClick={onTogglePlay} disabled={done && !replayWhenDone} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" style={buttonStyle} onClick={onReset}>
        Reset
      </button>
    </>
  );
}

/** Props of {@link LogSlider}. */
export interface LogSliderProps {
  /** Visible label, which also names the slider (e.g. "Learning rate η"). */
  label: string;
  /** The value (> 0). */
  value: number;
  /** Called with the new value, rounded to 3 significant digits. */
  onChange: (value: number) => void;
  /** log₁₀ of the smallest value. Default −3. */
  minExp?: number;
  /** log₁₀ of the largest value. Default 0. */
  maxExp?: number;
  /** What a screen reader says. Default "η = value". */
  valueText?: string;
  /** data-testid of the shown value. */
  testId?: string;
}

/** A slider over a log scale (η from 10⁻³ to 1 by default), with the value shown beside it. */
export function LogSlider({ label, value, onChange, minExp = -3, maxExp = 0, valueText, testId }: LogSliderProps) {
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {label}
      <input
        type="range"
        min={minExp}
        max={maxExp}
        step={0.01}
        value={Math.log10(value)}
        aria-valuetext={valueText ?? `η = ${value}`}
        onChange={(e) => onChange(Number((10 ** Number(e.target.value)).toPrecision(3)))}
        style={{ minHeight: 44 }}
      />
      <span style={{ fontVariantNumeric: 'tabular-nums', minWidth: 48 }} data-testid={testId}>
        {value}
      </span>
    </label>
  );
}
