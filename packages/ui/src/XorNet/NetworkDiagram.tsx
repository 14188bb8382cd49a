import { conceptColor } from '../common/colors';
import { signed, X } from './model';
import type { XorModel } from './useXorNet';

const weightColor = (w: number) => conceptColor(w >= 0 ? 'weightPos' : 'weightNeg');
const weightWidth = (w: number) => 1 + 1.5 * Math.min(4, Math.abs(w));
const SUBS = '₁₂₃';

/** The network (or the single neuron) as a diagram: links coloured by the weight's sign, units filled by their value. */
export function NetworkDiagram({ model, width, height }: { model: XorModel; width: number; height: number }) {
  const { state, view } = model;
  const xr = X[state.row] ?? X[0];
  const w = view.weights;
  const nH = w ? w.b1.length : state.mode === 'trained' ? state.hidden : 0;
  const inY = (i: number) => height * (i === 0 ? 0.3 : 0.7);
  const hY = (j: number) => (height * (j + 1)) / (nH + 1);
  const colX = [30, width / 2 - 6, width - 52];
  const out = view.outputs[state.row];
  const label =
    state.mode === 'single'
      ? `A single neuron: y = H(${signed(state.single[0], 1)}·x₁ + ${signed(state.single[1], 1)}·x₂ + ${signed(state.single[2], 1)})`
      : `Network 2-${nH}-1 fed (${xr[0]}, ${xr[1]}): hidden units ${view.hidden.map((h) => signed(h)).join(', ')}, output ${signed(out)}`;
  return (
    <div className="gl-panel" data-gl-panel="">
      <svg width={width} height={height} role="img" aria-label={label} data-testid="xor-diagram" className="gl-xor-diagram">
        {w ? (
          <>
            {[0, 1].map((i) => w.W1[i].map((wij, j) => <line key={`a${i}${j}`} x1={colX[0]} y1={inY(i)} x2={colX[1]} y2={hY(j)} stroke={weightColor(wij)} strokeWidth={weightWidth(wij)} />))}
            {w.W2.map((wj, j) => <line key={`b${j}`} x1={colX[1]} y1={hY(j)} x2={colX[2]} y2={height / 2} stroke={weightColor(wj)} strokeWidth={weightWidth(wj)} />)}
            {[0, 1].map((i) => <Unit key={`x${i}`} x={colX[0]} y={inY(i)} value={xr[i]} label={`x${SUBS[i]}`} />)}
            {w.b1.map((b, j) => <Unit key={`h${j}`} x={colX[1]} y={hY(j)} value={view.hidden[j] ?? 0} label={`h${SUBS[j]}`} note={state.mode === 'hand-set' ? `b = ${signed(b)}` : undefined} />)}
            <Unit x={colX[2]} y={height / 2} value={out} label="y" note={state.mode === 'hand-set' ? `b = ${signed(w.b2)}` : undefined} />
            {state.mode === 'hand-set' && (
              <text x={colX[1]} y={height - 6} textAnchor="middle" className="gl-xor-note">
                binary step H at every unit
              </text>
            )}
          </>
        ) : state.mode === 'single' ? (
          <>
            {[0, 1].map((i) => <line key={i} x1={colX[0]} y1={inY(i)} x2={colX[1]} y2={height / 2} stroke={weightColor(state.single[i])} strokeWidth={1 + 1.5 * Math.abs(state.single[i])} />)}
            <line x1={colX[1]} y1={height / 2} x2={colX[2]} y2={height / 2} className="gl-xor-wire" />
            {[0, 1].map((i) => <Unit key={`x${i}`} x={colX[0]} y={inY(i)} value={xr[i]} label={`x${SUBS[i]}`} />)}
            <Unit x={colX[1]} y={height / 2} value={out} label="y" note={`b = ${signed(state.single[2], 1)}`} />
          </>
        ) : (
          <text x={width / 2} y={height / 2} textAnchor="middle" className="gl-xor-note">
            preparing the network…
          </text>
        )}
      </svg>
    </div>
  );
}

/** One unit: a circle filled in proportion to its value (0 paper … 1 the positive colour), the value on a halo. */
function Unit({ x, y, value, label, note }: { x: number; y: number; value: number; label: string; note?: string }) {
  const on = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  return (
    <g className="gl-xor-unit">
      <circle cx={x} cy={y} r={18} className="gl-xor-unit-bg" />
      <circle cx={x} cy={y} r={18} fill={conceptColor('weightPos')} fillOpacity={on} className="gl-xor-unit-fill" />
      <text x={x} y={y} dy="0.32em" textAnchor="middle" className="gl-xor-value">
        {!Number.isFinite(value) ? '–' : Number.isInteger(value) ? value : signed(value)}
      </text>
      <text x={x} y={y - 24} textAnchor="middle" className="gl-xor-label">
        {label}
      </text>
      {note && (
        <text x={x} y={y + 32} textAnchor="middle" className="gl-xor-note">
          {note}
        </text>
      )}
    </g>
  );
}
