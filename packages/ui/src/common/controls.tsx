/**
 * The old control exports, kept as thin aliases of the kit (`src/kit`) until every
 * explainer is migrated: new code imports `PlaybackButtons` and `Slider` from the kit.
 */
import { Slider } from '../kit/Slider';

export { PlaybackButtons, type PlaybackButtonsProps } from '../kit/buttons';

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

/**
 * A slider over a log scale (η from 10⁻³ to 1 by default).
 * @deprecated Use `<Slider scale="log">` from the kit.
 */
export function LogSlider({ label, value, onChange, minExp = -3, maxExp = 0, valueText, testId }: LogSliderProps) {
  return (
    <Slider
      label={label}
      value={value}
      onChange={onChange}
      min={10 ** minExp}
      max={10 ** maxExp}
      scale="log"
      stepsPerDecade={100}
      format={(v) => String(v)}
      valueText={(v) => valueText ?? `η = ${v}`}
      valueTestId={testId}
    />
  );
}
