import type { ComponentPropsWithRef, ReactNode } from 'react';
import { BaseStyles } from './BaseStyles';

function cx(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** Props of {@link Button}: any `<button>` attribute, plus a ref (React 19 ref as a prop). */
export type ButtonProps = ComponentPropsWithRef<'button'>;

/**
 * A button of the kit (class `gl-button`): `type="button"`, at least 44 × 44 px, themed,
 * with the package's focus ring; `data-state` is `disabled` or `enabled`.
 */
export function Button({ className, type = 'button', ...rest }: ButtonProps) {
  return (
    <>
      <BaseStyles />
      <button type={type} data-state={rest.disabled ? 'disabled' : 'enabled'} {...rest} className={cx('gl-button', className)} />
    </>
  );
}

/** Props of {@link ToggleButton}. */
export interface ToggleButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'onChange' | 'value'> {
  /** Whether it is pressed (`aria-pressed`, and it looks pressed). */
  pressed: boolean;
  /** Called with the new pressed state on click. */
  onPressedChange: (pressed: boolean) => void;
}

/** A two-state button (class `gl-toggle`, `aria-pressed`, `data-state="on|off"`) that looks pressed when on. */
export function ToggleButton({ pressed, onPressedChange, className, onClick, ...rest }: ToggleButtonProps) {
  return (
    <>
      <BaseStyles />
      <button
        type="button"
        aria-pressed={pressed}
        data-state={pressed ? 'on' : 'off'}
        {...rest}
        className={cx('gl-toggle', className)}
        onClick={(e) => {
          onClick?.(e);
          if (!e.defaultPrevented) onPressedChange(!pressed);
        }}
      />
    </>
  );
}

/** Props of {@link PlaybackButtons}. */
export interface PlaybackButtonsProps {
  /** Whether the animation runs (the first button then reads "Pause" and looks pressed). */
  playing: boolean;
  /** Starts or pauses the animation. */
  onTogglePlay: () => void;
  /** Advances one step (iteration, epoch…). */
  onStep: () => void;
  /** Goes back to the start. */
  onReset: () => void;
  /** Disables Step and Play once the run has ended or diverged. Default false. */
  done?: boolean;
  /** Whether Play stays enabled when done (it then restarts). Default false. */
  replayWhenDone?: boolean;
  /** Text of the step button. Default "Step". */
  stepLabel?: string;
  /** The speed factor; with `onSpeedChange`, a speed selector follows the buttons. */
  speed?: number;
  /** Called with the chosen speed factor. */
  onSpeedChange?: (speed: number) => void;
  /** The speeds offered. Default [0.5, 1, 2, 4]. */
  speeds?: readonly number[];
  /** Extra buttons after Reset (in the same group). */
  children?: ReactNode;
}

/**
 * The playback row every stepping explainer shares, always in this order: Play/Pause,
 * Step, Reset, then an optional speed selector (class `gl-playback`, buttons `gl-button`;
 * `data-state` = `playing | paused | done`). Buttons are 44 px for touch.
 */
export function PlaybackButtons({
  playing,
  onTogglePlay,
  onStep,
  onReset,
  done = false,
  replayWhenDone = false,
  stepLabel = 'Step',
  speed,
  onSpeedChange,
  speeds = [0.5, 1, 2, 4],
  children,
}: PlaybackButtonsProps) {
  return (
    <span className="gl-playback" data-state={done ? 'done' : playing ? 'playing' : 'paused'}>
      <BaseStyles />
      <button type="button" className="gl-button" data-action="play" onClick={onTogglePlay} disabled={done && !replayWhenDone} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="gl-button" data-action="step" onClick={onStep} disabled={done}>
        {stepLabel}
      </button>
      <button type="button" className="gl-button" data-action="reset" onClick={onReset}>
        Reset
      </button>
      {onSpeedChange && (
        <label className="gl-field">
          Speed
          <select className="gl-select" value={String(speed ?? 1)} onChange={(e) => onSpeedChange(Number(e.target.value))}>
            {speeds.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      )}
      {children}
    </span>
  );
}
