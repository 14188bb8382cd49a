import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo, type CSSProperties } from 'react';
import { ACTIVATIONS, isSaturated, texNumber, type ActivationName } from '../common/activations';
import { Axis } from '../common/Axis';
import { RangeField } from '../common/RangeField';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';

/** The activations the neuron offers. */
export type NeuronActivation = Extract<ActivationName, 'sigmoid' | 'relu' | 'tanh'>;

/** The neuron's state: plain JSON, so it can live in a permalink. */
export interface NeuronState {
  /** The inputs xᵢ (1 to 4 of them). */
  inputs: number[];
  /** The weights wᵢ, one per input. */
  weights: number[];
  /** The bias b. */
  bias: number;
  /** The activation function φ. */
  activation: NeuronActivation;
}

/** Props of {@link Neuron}. */
export interface NeuronProps {
  /** Width of the picture (diagram and activation curve) in px. Default 640. */
  width?: number;
  /** Height of the picture in px. Default 260. */
  height?: number;
  /** Controlled state. */
  value?: NeuronState;
  /** Initial state when uncontrolled (merged over the default two-input sigmoid neuron). */
  defaultValue?: Partial<NeuronState>;
  /** Called with every new state. */
  onValueChange?: (state: NeuronState) => void;
  /** Range of the input sliders, ±. Default 2. */
  inputRange?: number;
  /** Range of the weight sliders, ±. Default 3. */
  weightRange?: number;
  /** Range of the bias slider, ±. Default 6. */
  biasRange?: number;
  /** Accessible name and title. Default "A neuron". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const DEFAULT_STATE: NeuronState = { inputs: [1, -0.5], weights: [1.5, 0.8], bias: -0.5, activation: 'sigmoid' };
const POS = '#0969da';
const NEG = '#bc4c00';
const M = { top: 12, right: 12, bottom: 40, left: 44 };
const Z_DOMAIN: [number, number] = [-8, 8];

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (i: number) => String(i).split('').map((d) => SUB[Number(d)]).join('');

/**
 * One artificial neuron, h = φ(Σᵢ wᵢxᵢ + b): its inputs, weights and bias on sliders, the
 * activation φ (sigmoid, ReLU or tanh) drawn with its saturated plateaus shaded (where
 * φ′ ≈ 0 and gradient descent stalls), the operating point (z, h) on that curve, and the
 * formula with the live numbers.
 */
export function Neuron({
  width = 640,
  height = 260,
  value,
  defaultValue,
  onValueChange,
  inputRange = 2,
  weightRange = 3,
  biasRange = 6,
  label = 'A neuron',
  className,
  style,
}: NeuronProps) {
  const id = useId();
  const [state, setState] = useControllableState<NeuronState>({ value, defaultValue: { ...DEFAULT_STATE, ...defaultValue }, onChange: onValueChange });
  const act = ACTIVATIONS[state.activation];
  const n = state.inputs.length;
  const z = state.inputs.reduce((s, x, i) => s + x * (state.weights[i] ?? 0), state.bias);
  const h = act.f(z);
  const saturated = isSaturated(state.activation, z);

  // Layout: the diagram on the left, the activation curve on the right.
  const diagramW = Math.round(width * 0.44);
  const curveW = width - diagramW;
  const pw = Math.max(40, curveW - M.left - M.right);
  const ph = Math.max(40, height - M.top - M.bottom);
  const xs = useMemo(() => scaleLinear().domain(Z_DOMAIN).range([0, pw]), [pw]);
  const yDomain: [number, number] = state.activation === 'relu' ? [-0.5, 8] : state.activation === 'tanh' ? [-1.15, 1.15] : [-0.1, 1.1];
  const ys = scaleLinear().domain(yDomain).range([ph, 0]).clamp(true);
  const curve = useMemo(() => {
    const pts: [number, number][] = [];
    for (let k = 0; k <= 200; k++) {
      const zz = Z_DOMAIN[0] + ((Z_DOMAIN[1] - Z_DOMAIN[0]) * k) / 200;
      pts.push([zz, act.f(zz)]);
    }
    return pts;
  }, [act]);
  const curveD = line<[number, number]>()
    .x(([a]) => xs(a))
    .y(([, b]) => ys(b))(curve) ?? '';
  const zc = Math.min(Z_DOMAIN[1], Math.max(Z_DOMAIN[0], z));
  const offScale = z !== zc;

  // Diagram geometry.
  const nx = 36;
  const cx = diagramW * 0.62;
  const cy = height / 2;
  const r = 30;
  const iy = (i: number) => (height * (i + 1)) / (n + 1);

  const set = (patch: Partial<NeuronState>) => setState((s) => ({ ...s, ...patch }));
  const setAt = (key: 'inputs' | 'weights', i: number, v: number) =>
    setState((s) => ({ ...s, [key]: s[key].map((old, j) => (j === i ? v : old)) }));

  const sumTex = state.inputs.map((x, i) => `(${texNumber(state.weights[i] ?? 0)})(${texNumber(x)})`).join('+');
  const status = `z = ${z.toFixed(2)}, h = ${h.toFixed(3)}${saturated ? ` — in the saturated region, where φ′(z) ≈ ${act.df(z).toFixed(3)}: gradient descent barely moves` : ''}`;

  return (
    <figure
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', width }}>
        <svg
          width={diagramW}
          height={height}
          role="img"
          aria-label={`Diagram: ${n} inputs, each multiplied by its weight, summed with the bias into z = ${z.toFixed(2)}, then h = φ(z) = ${h.toFixed(3)}.`}
          data-testid="neuron-diagram"
        >
          {state.inputs.map((x, i) => {
            const w = state.weights[i] ?? 0;
            return (
              <g key={i}>
                <line x1={nx} y1={iy(i)} x2={cx - r} y2={cy} stroke={w >= 0 ? POS : NEG} strokeWidth={1 + 2.5 * Math.abs(w)} strokeOpacity={0.85} />
                <circle cx={nx} cy={iy(i)} r={18} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
                <text x={nx} y={iy(i)} dy="0.32em" textAnchor="middle" fontSize={12} fill={cssVar('--gl-fg')}>{x.toFixed(1)}</text>
                <text x={nx} y={iy(i) - 22} textAnchor="middle" fontSize={12} fill={cssVar('--gl-fg')}>x{sub(i + 1)}</text>
                <text
                  x={(nx + cx - r) / 2 + 8}
                  y={(iy(i) + cy) / 2 - 6}
                  textAnchor="middle"
                  fontSize={12}
                  fill={cssVar('--gl-fg')}
                  stroke={cssVar('--gl-bg')}
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  w{sub(i + 1)} = {w.toFixed(1)}
                </text>
              </g>
            );
          })}
          <circle cx={cx} cy={cy} r={r} fill={cssVar('--gl-bg')} stroke={cssVar('--gl-fg')} strokeWidth={2} />
          <text x={cx} y={cy - 6} textAnchor="middle" fontSize={13} fill={cssVar('--gl-fg')}>Σ + b</text>
          <text x={cx} y={cy + 12} textAnchor="middle" fontSize={13} fill={cssVar('--gl-fg')}>φ</text>
          <text x={cx} y={cy + r + 16} textAnchor="middle" fontSize={12} fill={cssVar('--gl-fg')}>b = {state.bias.toFixed(1)}</text>
          <line x1={cx + r} y1={cy} x2={diagramW - 8} y2={cy} stroke={cssVar('--gl-fg')} strokeWidth={2} />
          <text x={diagramW - 8} y={cy - 8} textAnchor="end" fontSize={13} fontWeight={600} fill={cssVar('--gl-fg')} data-testid="neuron-output">
            h = {h.toFixed(3)}
          </text>
        </svg>
        <svg
          width={curveW}
          height={height}
          role="img"
          aria-label={`The activation ${act.label} of z, with its saturated regions shaded; the neuron sits at z = ${z.toFixed(2)}, h = ${h.toFixed(3)}.`}
          data-testid="activation-curve"
          data-z={z}
          data-saturated={saturated}
        >
          <g transform={`translate(${M.left},${M.top})`}>
            <rect width={pw} height={ph} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
            {act.plateaus.map(([a, b], k) => {
              const x0 = xs(Math.max(a, Z_DOMAIN[0]));
              const x1 = xs(Math.min(b, Z_DOMAIN[1]));
              return x1 > x0 ? <rect key={k} x={x0} y={0} width={x1 - x0} height={ph} fill="#8c959f" fillOpacity={0.28} data-testid="plateau" /> : null;
            })}
            {act.plateaus.length > 0 && (
              <text x={xs(act.plateaus[0][1] === Infinity ? Z_DOMAIN[0] : Math.max(Z_DOMAIN[0], act.plateaus[0][1])) - 4} y={14} textAnchor="end" fontSize={11} fill={cssVar('--gl-fg')}>
                saturated: φ′ ≈ 0
              </text>
            )}
            <Axis scale={xs} orient="bottom" offset={ph} label="z = Σ wᵢxᵢ + b" ticks={8} />
            <Axis scale={ys} orient="left" offset={0} label="h = φ(z)" ticks={5} />
            <path d={curveD} fill="none" stroke={cssVar('--gl-accent')} strokeWidth={2.5} />
            <line x1={xs(zc)} x2={xs(zc)} y1={ph} y2={ys(h)} stroke={cssVar('--gl-path')} strokeDasharray="4 3" />
            <line x1={0} x2={xs(zc)} y1={ys(h)} y2={ys(h)} stroke={cssVar('--gl-path')} strokeDasharray="4 3" />
            <circle cx={xs(zc)} cy={ys(h)} r={6} fill={cssVar('--gl-path')} stroke="#fff" strokeWidth={2} />
            {offScale && (
              <text x={xs(zc) + (z > 0 ? -8 : 8)} y={ys(h) + (state.activation === 'relu' ? 16 : -10)} textAnchor={z > 0 ? 'end' : 'start'} fontSize={11} fill={cssVar('--gl-fg')}>
                z = {z.toFixed(1)} (off scale)
              </text>
            )}
          </g>
        </svg>
      </div>
      <div role="group" aria-label="Inputs and weights" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', columnGap: 16 }}>
        {state.inputs.map((x, i) => [
          <RangeField key={`x${i}`} label={`Input x${sub(i + 1)}`} value={x} min={-inputRange} max={inputRange} step={0.1} onChange={(v) => setAt('inputs', i, v)} />,
          <RangeField key={`w${i}`} label={`Weight w${sub(i + 1)}`} value={state.weights[i] ?? 0} min={-weightRange} max={weightRange} step={0.1} onChange={(v) => setAt('weights', i, v)} />,
        ])}
      </div>
      <div role="group" aria-label="Bias and activation" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <RangeField label="Bias b" value={state.bias} min={-biasRange} max={biasRange} step={0.1} onChange={(v) => set({ bias: v })} />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Activation φ
          <select value={state.activation} onChange={(e) => set({ activation: e.target.value as NeuronActivation })} style={{ ...buttonStyle, padding: '0 8px' }}>
            {(['sigmoid', 'relu', 'tanh'] as const).map((a) => (
              <option key={a} value={a}>{ACTIVATIONS[a].label}</option>
            ))}
          </select>
        </label>
      </div>
      <output aria-live="polite" data-testid="status" data-h={h} style={{ fontVariantNumeric: 'tabular-nums', fontWeight: saturated ? 600 : undefined }}>
        {status}
      </output>
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`h=\varphi\Bigl(\sum_{i=1}^{${n}} w_i x_i+b\Bigr)=${act.symbol}\bigl(${sumTex}+(${texNumber(state.bias)})\bigr)=${act.symbol}(${texNumber(z)})=${texNumber(h, 3)}`}</Tex>
        <Tex block>{act.tex}</Tex>
      </figcaption>
    </figure>
  );
}
