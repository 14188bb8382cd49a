import type { ReactNode } from 'react';
import { Slider } from '../kit/Slider';

/** Props of {@link RangeField}. */
export interface RangeFieldProps {
  /** Visible label (also the slider's accessible name). */
  label: ReactNode;
  /** Current value. */
  value: number;
  /** Smallest value. */
  min: number;
  /** Largest value. */
  max: number;
  /** Step of the slider and the arrow keys. */
  step: number;
  /** Called with the new value. */
  onChange: (value: number) => void;
  /** Text of the value readout and of `aria-valuetext`; default the number with 2 decimals. */
  format?: (value: number) => string;
  /** Width of the slider in px. Default 120. */
  width?: number;
  /** Disables the slider. */
  disabled?: boolean;
  /** `data-testid` of the input. */
  testId?: string;
}

/**
 * A labelled linear slider with its value beside it.
 * @deprecated Use `<Slider>` from the kit.
 */
export function RangeField({ label, value, min, max, step, onChange, format = (v) => v.toFixed(2), width = 120, disabled, testId }: RangeFieldProps) {
  return <Slider label={label} value={value} min={min} max={max} step={step} onChange={onChange} format={format} width={width} disabled={disabled} testId={testId} />;
}
