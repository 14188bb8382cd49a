import { useId, type ComponentPropsWithRef } from 'react';
import { Button } from '../kit/buttons';
import { BaseStyles } from '../kit/BaseStyles';

/** The CSS of {@link FitProgress} (tokens only), rendered once per document like the base CSS. */
export const FIT_PROGRESS_CSS = String.raw`
.gl-progress { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; min-width: 0; max-width: 100%; font-family: var(--gl-font); color: var(--gl-fg); }
.gl-progress-label { font-weight: 600; }
.gl-progress-bar { position: relative; flex: 1 1 120px; min-width: 80px; max-width: var(--gl-progress-width, 240px); height: 10px; border: 1px solid var(--gl-border); border-radius: 5px; background: var(--gl-surface); overflow: hidden; }
.gl-progress-fill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--gl-accent); transition: width 120ms linear; }
.gl-progress[data-indeterminate] .gl-progress-fill { width: 30%; animation: gl-progress-slide 1.2s ease-in-out infinite; }
@keyframes gl-progress-slide { from { left: -30%; } to { left: 100%; } }
.gl-progress-value { color: var(--gl-muted); font-variant-numeric: tabular-nums; min-width: 3.5em; }
.gl-progress[data-state="error"] .gl-progress-value { color: var(--gl-diverged); }
@media (prefers-reduced-motion: reduce) {
  .gl-progress-fill { transition: none; }
  .gl-progress[data-indeterminate] .gl-progress-fill { animation: none; left: 0; width: 100%; opacity: 0.4; }
}
`;

/** Props of {@link FitProgress}. */
export interface FitProgressProps extends Omit<ComponentPropsWithRef<'div'>, 'children'> {
  /** Fraction done in [0, 1]; null (or NaN) for unknown, shown as an indeterminate bar. */
  value: number | null;
  /** Whether the fit runs (enables Cancel; `data-state="running"`). */
  running: boolean;
  /** The progress bar's accessible name and visible label. Default "Fitting". */
  label?: string;
  /** Called by the Cancel button; without it there is no button. */
  onCancel?: () => void;
  /** Text of the cancel button. Default "Cancel". */
  cancelLabel?: string;
  /** The failure to show (sets `data-state="error"`), e.g. the hook's `error`. */
  error?: Error | null;
  /** Hides the visible label (it still names the bar). Default false. */
  hideLabel?: boolean;
}

/**
 * The progress of a long fit (class `gl-progress`): a labelled `role="progressbar"` with its
 * value in % (`aria-valuenow`, absent when unknown), the value as text, and a kit Cancel
 * button. `data-state` is `running | done | error | idle`. Pair it with {@link useWorkerFit}:
 * `<FitProgress value={fit.progress} running={fit.running} error={fit.error} onCancel={fit.cancel} />`.
 */
export function FitProgress({ value, running, label = 'Fitting', onCancel, cancelLabel = 'Cancel', error = null, hideLabel = false, className, ...rest }: FitProgressProps) {
  const id = useId();
  const known = typeof value === 'number' && Number.isFinite(value);
  const pct = known ? Math.round(Math.min(1, Math.max(0, value)) * 100) : null;
  const state = error ? 'error' : running ? 'running' : pct === 100 ? 'done' : 'idle';
  const text = error ? error.message : pct === null ? (running ? 'working…' : '') : `${pct}%`;
  return (
    <div
      data-state={state}
      data-indeterminate={running && pct === null ? '' : undefined}
      {...rest}
      className={className ? `gl-progress ${className}` : 'gl-progress'}
    >
      <BaseStyles />
      <style href="gl-progress" precedence="default">
        {FIT_PROGRESS_CSS}
      </style>
      <span id={`${id}-label`} className="gl-progress-label" hidden={hideLabel}>
        {label}
      </span>
      <div
        role="progressbar"
        className="gl-progress-bar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? (running ? 'working' : undefined) : `${pct}%`}
        aria-busy={running}
      >
        <div className="gl-progress-fill" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <span className="gl-progress-value">
        {text}
      </span>
      {onCancel && (
        <Button className="gl-progress-cancel" onClick={onCancel} disabled={!running}>
          {cancelLabel}
        </Button>
      )}
    </div>
  );
}
