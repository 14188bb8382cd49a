import { useId, useState, type ReactNode } from 'react';
import { BaseStyles } from './BaseStyles';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  /** Visible label (the field's accessible name). */
  label: ReactNode;
  /** The value. */
  value: number;
  /** Called with each valid number typed (never NaN, always within [min, max]). */
  onChange: (value: number) => void;
  /** Smallest valid value. */
  min?: number;
  /** Largest valid value. */
  max?: number;
  /** Only whole numbers are valid. Default false. */
  integer?: boolean;
  /** ↑/↓ change the value by this much. Default 1. */
  step?: number;
  /** How the value is written in the field. Default `String`. */
  format?: (value: number) => string;
  /** Disables the field. */
  disabled?: boolean;
  /** Class added to the root. */
  className?: string;
  /** `data-testid` of the `<input>`. */
  testId?: string;
}

/** Why `text` is not a valid value, or null with the number. */
export function validateNumber(text: string, { min = -Infinity, max = Infinity, integer = false }: Pick<NumberFieldProps, 'min' | 'max' | 'integer'>): { error: string | null; value: number } {
  const t = text.trim().replace(',', '.').replace('−', '-');
  if (t === '') return { error: 'Enter a number.', value: NaN };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: `"${text.trim()}" is not a number.`, value: NaN };
  if (integer && !Number.isInteger(n)) return { error: 'Enter a whole number.', value: n };
  if (n < min) return { error: `At least ${min}.`, value: n };
  if (n > max) return { error: `At most ${max}.`, value: n };
  return { error: null, value: n };
}

/**
 * A text field for one number (classes `gl-field`, `gl-number`, `gl-number-input`,
 * `gl-number-error`). It reports only valid numbers; while the text is not one (empty,
 * "abc", out of range, not whole) it shows why, sets `aria-invalid` and
 * `data-state="invalid"`, and reports nothing. ↑/↓ step the value.
 */
export function NumberField({ label, value, onChange, min, max, integer = false, step = 1, format = String, disabled, className, testId }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  // The parent changed the value: show it (the "previous prop" pattern, no effect).
  if (!Object.is(shown, value)) {
    setShown(value);
    setDraft(format(value));
  }
  const { error } = validateNumber(draft, { min, max, integer });
  const commit = (text: string) => {
    setDraft(text);
    const r = validateNumber(text, { min, max, integer });
    if (r.error === null && r.value !== value) {
      setShown(r.value);
      onChange(r.value);
    }
  };
  const bump = (dir: 1 | -1) => {
    const base = Number.isFinite(value) ? value : 0;
    let next = base + dir * step;
    if (min !== undefined) next = Math.max(min, next);
    if (max !== undefined) next = Math.min(max, next);
    next = Number(next.toPrecision(12));
    if (integer) next = Math.round(next);
    commit(format(next));
  };
  return (
    <span className={className ? `gl-field gl-number ${className}` : 'gl-field gl-number'} data-state={error ? 'invalid' : disabled ? 'disabled' : 'valid'}>
      <BaseStyles />
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        className="gl-number-input"
        value={draft}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        onChange={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            bump(e.key === 'ArrowUp' ? 1 : -1);
          }
        }}
        onBlur={() => {
          if (!error) setDraft(format(value));
        }}
      />
      {error && (
        <span id={`${id}-error`} className="gl-number-error" role="status">
          {error}
        </span>
      )}
    </span>
  );
}
