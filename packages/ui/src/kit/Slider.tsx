import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { BaseStyles } from './BaseStyles';

/** Props of {@link Slider}. */
export interface SliderProps {
  /** Visible label (the slider's accessible name), e.g. "Learning rate η". */
  label: ReactNode;
  /** The value; a non-finite one shows as `min`. */
  value: number;
  /** Called with the new value (never NaN, always within [min, max]). */
  onChange: (value: number) => void;
  /** Smallest value (> 0 on a log scale). */
  min: number;
  /** Largest value. */
  max: number;
  /** 'linear' (default) or 'log' (values spread over decades, such as η from 10⁻³ to 1). */
  scale?: 'linear' | 'log';
  /** Linear: one arrow-key step in value units. Default (max − min) / 100. */
  step?: number;
  /** Log: fine steps per decade (one arrow press). Default 10 (×1.26 per press). */
  stepsPerDecade?: number;
  /** Linear: PageUp/PageDown step in value units. Default 10 steps. (Log: always one decade.) */
  pageStep?: number;
  /** Text of the value readout and of `aria-valuetext`. Default: 3 significant digits. */
  format?: (value: number) => string;
  /** What a screen reader says for the value, when it should differ from `format` (e.g. "η = 0.01"). */
  valueText?: (value: number) => string;
  /** Show the formatted value beside the slider. Default true. */
  showValue?: boolean;
  /** Width of the track in px (also settable with the `--gl-slider-width` CSS variable). */
  width?: number;
  /** Disables the slider. */
  disabled?: boolean;
  /** Class added to the root. */
  className?: string;
  /** `data-testid` of the `<input>`. */
  testId?: string;
  /** `data-testid` of the value readout. */
  valueTestId?: string;
}

/** 3 significant digits, without trailing zeros; exponent form when tiny or huge. */
export function formatSignificant(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

/** Rounds to the decimals of `step` so that 0.1 + 0.2 shows as 0.3. */
function roundToStep(v: number, step: number): number {
  const decimals = Math.max(0, Math.min(12, -Math.floor(Math.log10(step)) + 2));
  return Number(v.toFixed(decimals));
}

/**
 * The slider of the kit (classes `gl-field`, `gl-slider`, `gl-slider-input`,
 * `gl-slider-value`), linear or logarithmic, 44 px high, with its value beside it.
 *
 * Keyboard (the same on both scales, handled here so every browser agrees):
 * ←/↓ and →/↑ one fine step (linear: `step`; log: 1/`stepsPerDecade` of a decade, snapped
 * to that grid), PageDown/PageUp one page (linear: `pageStep`; log: one decade, ×10),
 * Home/End the ends. A log slider's position is log₁₀(value), reported rounded to 3
 * significant digits.
 */
export function Slider({
  label,
  value,
  onChange,
  min,
  max,
  scale = 'linear',
  step,
  stepsPerDecade = 10,
  pageStep,
  format = formatSignificant,
  valueText,
  showValue = true,
  width,
  disabled,
  className,
  testId,
  valueTestId,
}: SliderProps) {
  const id = useId();
  const log = scale === 'log' && min > 0 && max > min;
  const v = Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
  // Position on the track: the value itself, or its log₁₀.
  const p0 = log ? Math.log10(min) : min;
  const p1 = log ? Math.log10(max) : max;
  const pos = log ? Math.log10(v) : v;
  const fine = log ? 1 / stepsPerDecade : step && step > 0 ? step : (max - min) / 100 || 1;
  const page = log ? 1 : pageStep && pageStep > 0 ? pageStep : fine * 10;
  const fromPos = (p: number): number => {
    const q = Math.min(p1, Math.max(p0, p));
    const out = log ? Number((10 ** q).toPrecision(3)) : roundToStep(q, fine);
    return Math.min(max, Math.max(min, out));
  };
  const emit = (p: number) => {
    const next = fromPos(p);
    if (Number.isFinite(next) && next !== v) onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    let target: number | null = null;
    // Fine steps snap to the grid of steps counted from the start of the track.
    const snap = (delta: number) => p0 + Math.round((pos + delta - p0) / fine) * fine;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        target = snap(fine);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        target = snap(-fine);
        break;
      case 'PageUp':
        target = pos + page;
        break;
      case 'PageDown':
        target = pos - page;
        break;
      case 'Home':
        target = p0;
        break;
      case 'End':
        target = p1;
        break;
      default:
        return;
    }
    e.preventDefault();
    emit(target);
  };
  const text = format(v);
  return (
    <span className={className ? `gl-field gl-slider ${className}` : 'gl-field gl-slider'} data-state={disabled ? 'disabled' : 'enabled'} data-scale={log ? 'log' : 'linear'}>
      <BaseStyles />
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        className="gl-slider-input"
        min={p0}
        max={p1}
        step={fine}
        value={pos}
        disabled={disabled}
        aria-valuetext={valueText ? valueText(v) : text}
        data-testid={testId}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          const p = Number(e.target.value);
          if (Number.isFinite(p)) emit(p);
        }}
        style={width ? { width } : undefined}
      />
      {showValue && (
        <span className="gl-slider-value" aria-hidden="true" data-testid={valueTestId}>
          {text}
        </span>
      )}
    </span>
  );
}
