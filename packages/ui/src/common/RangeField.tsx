import { useId, type ReactNode } from 'react';
import { cssVar } from './theme';

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
 * A labelled range slider with its value beside it, 44 px high for touch: the sliders of
 * the neural-network explainers (weights, bias, learning rate, noise…).
 */
export function RangeField({ label, value, min, max, step, onChange, format = (v) => v.toFixed(2), width = 120, disabled, testId }: RangeFieldProps) {
  const id = useId();
  const text = format(value);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={text}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
        style={{ minHeight: 44, width, accentColor: cssVar('--gl-accent') }}
      />
      <span aria-hidden="true" style={{ fontVariantNumeric: 'tabular-nums', minWidth: 44 }}>{text}</span>
    </span>
  );
}
