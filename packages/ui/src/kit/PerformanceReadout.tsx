/** Props of {@link PerformanceReadout}. */
export interface PerformanceReadoutProps {
  /** Show it at all: pass the explainer's `showPerformance` prop. Default false (students never see it). */
  show?: boolean;
  /** Frames per second. */
  fps?: number;
  /** Mean time per frame, ms. */
  frameTime?: number;
  /** Optimisation or training steps per second. */
  stepsPerSecond?: number;
  /** Any other timing, e.g. `{ inference: 3.2 }` (ms). */
  extra?: Record<string, number>;
}

/**
 * Developer telemetry (FPS, ms per frame, steps/s), shown only when `show` is true: every
 * explainer has a `showPerformance` prop for it, off by default. Class `gl-perf`,
 * `data-testid="fps"`, hidden from screen readers.
 */
export function PerformanceReadout({ show = false, fps, frameTime, stepsPerSecond, extra }: PerformanceReadoutProps) {
  if (!show) return null;
  const parts: string[] = [];
  if (fps !== undefined && Number.isFinite(fps)) parts.push(`${fps.toFixed(0)} FPS`);
  if (frameTime !== undefined && Number.isFinite(frameTime)) parts.push(`${frameTime.toFixed(1)} ms per frame`);
  if (stepsPerSecond !== undefined && Number.isFinite(stepsPerSecond)) parts.push(`${Math.round(stepsPerSecond).toLocaleString('en')} steps/s`);
  for (const [k, v] of Object.entries(extra ?? {})) if (Number.isFinite(v)) parts.push(`${k} ${v.toFixed(1)} ms`);
  return (
    <small className="gl-perf" aria-hidden="true" data-testid="fps" data-gl-timing="">
      {parts.length ? parts.join(' · ') : 'performance: waiting for frames'}
    </small>
  );
}
