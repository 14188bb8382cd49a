import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { full, gradientKnown, N_PARAMS, PARAM_NAMES, tiny } from './model';
import type { BackpropModel } from './useBackpropagation';

const OPTIONS = Array.from({ length: N_PARAMS }, (_, k) => ({ value: String(k), label: PARAM_NAMES[k] }));

/** How close backprop and the finite difference must be to "agree". */
export const AGREE = 1e-8;

/**
 * The gradient check: ∂𝓛/∂θₖ from backpropagation beside the central finite difference
 * (𝓛(θ + h) − 𝓛(θ − h))/2h, and their difference. Too large an h leaves a truncation error
 * O(h²); too small a one, rounding error ε/h.
 */
export function CheckPanel({ model, width }: { model: BackpropModel; width: number }) {
  const { state, phase, theta, backward: b, fd, actions } = model;
  const k = state.selected;
  const known = gradientKnown(phase, k);
  const diff = Math.abs(b.grad[k] - fd);
  const agree = diff <= AGREE;
  const why = agree ? '' : state.h > 1e-4 ? ' (h too large: truncation error ∝ h²)' : ' (h too small: rounding error ∝ ε/h)';
  return (
    <div className="gl-panel gl-bp-check" data-gl-panel="" style={{ width }} data-testid="check">
      <p className="gl-bp-title">Gradient check</p>
      <Select label="Parameter" options={OPTIONS} value={String(k)} onChange={(v) => actions.select(Number(v))} testId="param-select" />
      <Slider label="Step h" scale="log" min={1e-10} max={0.1} value={state.h} onChange={actions.setH} format={(v) => tiny(v)} valueText={(v) => `h = ${tiny(v)}`} />
      <dl className="gl-bp-dl">
        <dt>{PARAM_NAMES[k]}</dt>
        <dd>{full(theta[k])}</dd>
        <dt>Backpropagation ∂𝓛/∂{PARAM_NAMES[k]}</dt>
        <dd data-testid="grad-backprop" data-value={known ? b.grad[k] : undefined}>
          {known ? full(b.grad[k]) : 'reached in the backward pass: press Step'}
        </dd>
        <dt>Finite difference (𝓛(θ + h) − 𝓛(θ − h))/2h</dt>
        <dd data-testid="grad-fd" data-value={fd}>
          {full(fd)}
        </dd>
        <dt>Difference</dt>
        <dd data-testid="grad-diff" data-agree={known ? agree : undefined} data-verdict={known ? (agree ? 'right' : 'off') : undefined}>
          {known ? `${tiny(diff)} ${agree ? `✓ agree (< ${tiny(AGREE)})` : `✗ off${why}`}` : '—'}
        </dd>
      </dl>
    </div>
  );
}
