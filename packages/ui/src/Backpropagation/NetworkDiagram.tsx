import type { KeyboardEvent, ReactNode } from 'react';
import { conceptColor } from '../common/colors';
import { B1, B2, gradientKnown, num, PARAM_NAMES, stageOf, W1, W2, type Phase } from './model';
import type { BackpropModel } from './useBackpropagation';

const weightColor = (w: number) => conceptColor(w >= 0 ? 'weightPos' : 'weightNeg');
const weightWidth = (w: number) => 1.5 + 1.5 * Math.min(4, Math.abs(w));

/** Which forward values a phase has computed. */
const shows = (phase: Phase) => ({
  hidden: phase !== 'ready',
  output: phase !== 'ready' && phase !== 'hidden',
  loss: stageOf(phase) >= 1,
});

/** Press Enter or Space on a focusable part. */
const onActivate = (f: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    f();
  }
};

/**
 * The 2-2-1 network: links coloured by the weight's sign (width ∝ |w|) with their value, units
 * with the activations the forward pass has reached, δ's and gradients once the backward pass
 * reaches them, and the new weights at the update. Click (or Enter on) a weight or bias to check its gradient.
 */
export function NetworkDiagram({ model, width, height }: { model: BackpropModel; width: number; height: number }) {
  const { state, phase, theta, next, forward: f, backward: b } = model;
  const show = shows(phase);
  const colX = [34, Math.round(width * 0.36), Math.round(width * 0.66), width - 48];
  const rowY = (r: number) => Math.round(height * (r === 0 ? 0.3 : 0.72));
  const midY = Math.round(height * 0.51);
  const isUpdate = phase === 'update';
  const shown = isUpdate ? next : theta;
  const links = [
    ...[0, 1].flatMap((j) => [0, 1].map((i) => ({ k: W1(j, i), x1: colX[0], y1: rowY(i), x2: colX[1], y2: rowY(j), t: i === j ? 0.5 : 0.3 }))),
    ...[0, 1].map((j) => ({ k: W2(j), x1: colX[1], y1: rowY(j), x2: colX[2], y2: midY, t: 0.5 })),
  ];
  const label = `Network 2-2-1, ${phase === 'ready' ? 'before the forward pass' : `phase: ${phase}`}. Selected parameter ${PARAM_NAMES[state.selected]} = ${num(theta[state.selected])}.`;
  return (
    <>
      <svg width={width} height={height} className="gl-bp-diagram" role="group" aria-label={label} data-testid="diagram" data-phase={phase}>
        {links.map((l) => (
          <Link key={l.k} model={model} {...l} value={shown[l.k]} wide={width >= 480} />
        ))}
        <line x1={colX[2]} y1={midY} x2={colX[3] - 30} y2={midY} className="gl-bp-wire" />
        {[0, 1].map((i) => (
          <Unit key={`x${i}`} x={colX[0]} y={rowY(i)} value={num(state.x[i], 2)} name={`x${i ? '₂' : '₁'}`} />
        ))}
        {[0, 1].map((j) => (
          <Unit
            key={`h${j}`}
            x={colX[1]}
            y={rowY(j)}
            value={show.hidden ? num(f.h[j]) : ''}
            fill={show.hidden ? f.h[j] : 0}
            name={`h${j ? '₂' : '₁'}`}
            note={gradientKnown(phase, B1(j)) ? `δ = ${num(b.delta1[j], 4)}` : show.hidden ? `z = ${num(f.z1[j], 2)}` : ''}
            noteKind={gradientKnown(phase, B1(j)) ? 'back' : 'forward'}
            bias={<Bias model={model} k={B1(j)} x={colX[1]} y={rowY(j) + (j === 0 ? -46 : 58)} />}
          />
        ))}
        <Unit
          x={colX[2]}
          y={midY}
          value={show.output ? num(f.yhat) : ''}
          fill={show.output ? f.yhat : 0}
          name="ŷ"
          note={gradientKnown(phase, B2) ? `δ = ${num(b.delta2, 4)}` : show.output ? `z = ${num(f.z2, 2)}` : ''}
          noteKind={gradientKnown(phase, B2) ? 'back' : 'forward'}
          bias={<Bias model={model} k={B2} x={colX[2]} y={midY - 46} />}
        />
        <g className="gl-bp-loss" data-testid="loss-box" data-loss={show.loss ? f.loss : undefined}>
          <rect x={colX[3] - 30} y={midY - 30} width={72} height={60} rx={6} className="gl-bp-loss-box" />
          <text x={colX[3] + 6} y={midY - 10} textAnchor="middle" className="gl-bp-text">
            y = {num(state.y, 2)}
          </text>
          <text x={colX[3] + 6} y={midY + 12} textAnchor="middle" className="gl-bp-text gl-bp-strong">
            {show.loss ? `𝓛 = ${num(f.loss, 4)}` : '𝓛 = ?'}
          </text>
        </g>
      </svg>
    </>
  );
}

/** One weight: the link (coloured by sign), its value, its gradient in the backward pass; selectable. */
function Link({ model, k, x1, y1, x2, y2, t, value, wide }: { model: BackpropModel; k: number; x1: number; y1: number; x2: number; y2: number; t: number; value: number; wide: boolean }) {
  const { state, phase, theta, backward: b, actions } = model;
  const selected = state.selected === k;
  const lx = x1 + t * (x2 - x1);
  const ly = y1 + t * (y2 - y1) - 8;
  const known = gradientKnown(phase, k);
  const text = phase === 'update' && wide ? `${num(theta[k], 2)}→${num(value, 2)}` : num(value, 2);
  const gradText = known && phase !== 'update' ? `∂ ${num(b.grad[k], 4)}` : null;
  // WCAG 2.5.3: the name starts with the visible text, then the details.
  const visible = gradText ? `${text} ${gradText}` : text;
  return (
    <g
      className="gl-bp-link gl-focusable"
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${visible}. Weight ${PARAM_NAMES[k]} = ${num(value)}${known ? `, gradient ${num(b.grad[k], 5)}` : ''}. Check its gradient.`}
      data-testid={`param-${k}`}
      data-selected={selected || undefined}
      onClick={() => actions.select(k)}
      onKeyDown={onActivate(() => actions.select(k))}
    >
      <line x1={x1} y1={y1} x2={x2} y2={y2} className="gl-bp-hit" />
      {selected && <line x1={x1} y1={y1} x2={x2} y2={y2} className="gl-bp-selected" />}
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={weightColor(value)} strokeWidth={weightWidth(value)} className="gl-bp-focus-line" />
      <text x={lx} y={ly} textAnchor="middle" className="gl-bp-text gl-bp-halo">
        {text}
      </text>
      {gradText && (
        <text x={lx} y={ly + 26} textAnchor="middle" className="gl-bp-grad gl-bp-halo">
          {gradText}
        </text>
      )}
    </g>
  );
}

/** A bias, as a selectable label near its unit. */
function Bias({ model, k, x, y }: { model: BackpropModel; k: number; x: number; y: number }) {
  const { state, phase, theta, next, backward: b, actions } = model;
  const selected = state.selected === k;
  const v = phase === 'update' ? next[k] : theta[k];
  const known = gradientKnown(phase, k) && phase !== 'update';
  const half = known ? 66 : 42;
  // WCAG 2.5.3: the name starts with the visible text, then the details.
  const visible = `b = ${num(v, 2)}${known ? ` ∂ ${num(b.grad[k], 3)}` : ''}`;
  return (
    <g
      className="gl-bp-bias gl-focusable"
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${visible}. Bias ${PARAM_NAMES[k]} = ${num(v)}. Check its gradient.`}
      data-testid={`param-${k}`}
      data-selected={selected || undefined}
      onClick={() => actions.select(k)}
      onKeyDown={onActivate(() => actions.select(k))}
    >
      <rect x={x - half - 2} y={y - 25} width={2 * half + 4} height={44} className="gl-bp-bias-hit" />
      <rect x={x - half} y={y - 14} width={2 * half} height={22} rx={4} className={selected ? 'gl-bp-bias-box gl-bp-bias-selected' : 'gl-bp-bias-box'} />
      <text x={x} y={y + 1} textAnchor="middle" className="gl-bp-text">
        {visible}
      </text>
    </g>
  );
}

/** A unit: a circle filled in proportion to its activation, the value inside, its name and a note (z or δ). */
function Unit({ x, y, value, fill = 0, name, note, noteKind = 'forward', bias }: { x: number; y: number; value: string; fill?: number; name: string; note?: string; noteKind?: 'forward' | 'back'; bias?: ReactNode }) {
  return (
    <g className="gl-bp-unit">
      {bias}
      <circle cx={x} cy={y} r={22} className="gl-bp-unit-bg" />
      <circle cx={x} cy={y} r={22} fill={conceptColor('weightPos')} fillOpacity={0.6 * Math.max(0, Math.min(1, fill))} className="gl-bp-unit-ring" />
      <text x={x} y={y} dy="0.35em" textAnchor="middle" className="gl-bp-text gl-bp-strong gl-bp-halo">
        {value}
      </text>
      <text x={x - 26} y={y - 18} textAnchor="end" className="gl-bp-name">
        {name}
      </text>
      {note && (
        <text x={x} y={y + 38} textAnchor="middle" className={noteKind === 'back' ? 'gl-bp-grad gl-bp-halo' : 'gl-bp-text gl-bp-halo'}>
          {note}
        </text>
      )}
    </g>
  );
}
