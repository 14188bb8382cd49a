import { conceptColor } from '../common/colors';
import { signed, sub, type NeuronOutput, type NeuronState } from './model';

/** Props of {@link NeuronDiagram}. */
export interface NeuronDiagramProps {
  state: NeuronState;
  out: NeuronOutput;
  width: number;
  height: number;
}

/** The inputs, the links (colour = sign of the weight, width = its size), the unit Σ + b → φ and the output h. */
export function NeuronDiagram({ state, out, width, height }: NeuronDiagramProps) {
  const n = state.inputs.length;
  const nx = 36;
  const cx = width * 0.62;
  const cy = height / 2;
  const r = 30;
  const iy = (i: number) => (height * (i + 1)) / (n + 1);
  return (
    <div className="gl-panel" data-gl-panel="">
      <svg
        width={width}
        height={height}
        className="gl-neuron-diagram"
        role="img"
        aria-label={`Diagram: ${n} inputs, each multiplied by its weight, summed with the bias into z = ${signed(out.z)}, then h = φ(z) = ${signed(out.h, 3)}.`}
        data-testid="neuron-diagram"
      >
        {state.inputs.map((x, i) => {
          const w = state.weights[i] ?? 0;
          return (
            <g key={i}>
              <line x1={nx} y1={iy(i)} x2={cx - r} y2={cy} stroke={conceptColor(w >= 0 ? 'weightPos' : 'weightNeg')} strokeWidth={1 + 2.5 * Math.abs(w)} className="gl-neuron-link" />
              <circle cx={nx} cy={iy(i)} r={18} className="gl-neuron-input" />
              <text x={nx} y={iy(i)} dy="0.32em" textAnchor="middle" className="gl-neuron-text">
                {signed(x, 1)}
              </text>
              <text x={nx} y={iy(i) - 22} textAnchor="middle" className="gl-neuron-text">
                x{sub(i + 1)}
              </text>
              <text x={(nx + cx - r) / 2 + 8} y={(iy(i) + cy) / 2 - 6} textAnchor="middle" className="gl-neuron-text gl-neuron-halo">
                w{sub(i + 1)} = {signed(w, 1)}
              </text>
            </g>
          );
        })}
        <circle cx={cx} cy={cy} r={r} className="gl-neuron-unit" />
        <text x={cx} y={cy - 6} textAnchor="middle" className="gl-neuron-text gl-neuron-big">
          Σ + b
        </text>
        <text x={cx} y={cy + 12} textAnchor="middle" className="gl-neuron-text gl-neuron-big">
          φ
        </text>
        <text x={cx} y={cy + r + 16} textAnchor="middle" className="gl-neuron-text">
          b = {signed(state.bias, 1)}
        </text>
        <line x1={cx + r} y1={cy} x2={width - 8} y2={cy} className="gl-neuron-wire" />
        <text x={width - 8} y={cy - 8} textAnchor="end" className="gl-neuron-text gl-neuron-output" data-testid="neuron-output">
          h = {signed(out.h, 3)}
        </text>
      </svg>
    </div>
  );
}
