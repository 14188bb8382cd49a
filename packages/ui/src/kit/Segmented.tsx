import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { BaseStyles } from './BaseStyles';

/** One option of a {@link Segmented} or {@link Select}. */
export interface ChoiceOption<T extends string> {
  /** The value reported when it is chosen. */
  value: T;
  /** What the option shows. */
  label: ReactNode;
  /** Whether it cannot be chosen. */
  disabled?: boolean;
}

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string> {
  /** Visible label of the group (its accessible name). */
  label: ReactNode;
  /** The options, in order. */
  options: readonly ChoiceOption<T>[];
  /** The chosen value. */
  value: T;
  /** Called with the newly chosen value. */
  onChange: (value: T) => void;
  /** Hide the label visually (it still names the group). Default false. */
  hideLabel?: boolean;
  /** Class added to the root. */
  className?: string;
}

/**
 * A segmented control: a radio group of buttons (class `gl-segmented`, options
 * `gl-segment` with `aria-checked` and `data-state="on|off"`). Tab enters at the chosen
 * option; ←/↑ and →/↓ choose the previous/next (wrapping), Home/End the first/last.
 */
export function Segmented<T extends string>({ label, options, value, onChange, hideLabel = false, className }: SegmentedProps<T>) {
  const id = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = options.map((o, i) => (o.disabled ? -1 : i)).filter((i) => i >= 0);
  const current = options.findIndex((o) => o.value === value);
  const choose = (i: number) => {
    const o = options[i];
    if (!o || o.disabled) return;
    onChange(o.value);
    refs.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (enabled.length === 0) return;
    const pos = Math.max(0, enabled.indexOf(current));
    const moves: Record<string, number> = {
      ArrowLeft: enabled[(pos - 1 + enabled.length) % enabled.length],
      ArrowUp: enabled[(pos - 1 + enabled.length) % enabled.length],
      ArrowRight: enabled[(pos + 1) % enabled.length],
      ArrowDown: enabled[(pos + 1) % enabled.length],
      Home: enabled[0],
      End: enabled[enabled.length - 1],
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    choose(moves[e.key]);
  };
  const tabStop = current >= 0 && !options[current].disabled ? current : enabled[0];
  return (
    <div className={className ? `gl-segmented ${className}` : 'gl-segmented'}>
      <BaseStyles />
      <span id={`${id}-label`} style={hideLabel ? visuallyHidden : undefined}>
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="gl-segmented-options" onKeyDown={onKeyDown}>
        {options.map((o, i) => (
          <button
            key={o.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            data-state={o.value === value ? 'on' : 'off'}
            data-value={o.value}
            tabIndex={i === tabStop ? 0 : -1}
            disabled={o.disabled}
            className="gl-segment"
            onClick={() => choose(i)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Hides content visually but keeps it for screen readers. */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Props of {@link Select}. */
export interface SelectProps<T extends string> {
  /** Visible label (its accessible name). */
  label: ReactNode;
  /** The options, in order. */
  options: readonly ChoiceOption<T>[];
  /** The chosen value. */
  value: T;
  /** Called with the newly chosen value. */
  onChange: (value: T) => void;
  /** Disables the select. */
  disabled?: boolean;
  /** Class added to the root label. */
  className?: string;
  /** `data-testid` of the `<select>`. */
  testId?: string;
}

/** A labelled native select (classes `gl-field` and `gl-select`), 44 px high. Options' labels should be text. */
export function Select<T extends string>({ label, options, value, onChange, disabled, className, testId }: SelectProps<T>) {
  const id = useId();
  return (
    <span className={className ? `gl-field ${className}` : 'gl-field'} data-state={disabled ? 'disabled' : 'enabled'}>
      <BaseStyles />
      <label htmlFor={id}>{label}</label>
      <select id={id} className="gl-select" value={value} disabled={disabled} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
