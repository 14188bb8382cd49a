import { MLP } from '@geolearn/algorithms/nn';
import { useEffect, useId, useMemo, useRef, type CSSProperties } from 'react';
import { ACTIVATIONS, texNumber } from '../common/activations';
import { diverging, GridCanvas } from '../common/GridCanvas';
import { formatNumber, LineChart } from '../common/LineChart';
import { RangeField } from '../common/RangeField';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';

/** Which network the explainer shows. */
export type XorMode = 'hand-set' | 'single' | 'trained';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface XorNetState {
  /** The slides' hand-set network, a single neuron, or a small MLP trained live. */
  mode: XorMode;
  /** The truth-table row fed to the network (0 … 3 for (0,0), (0,1), (1,0), (1,1)). */
  row: number;
  /** The single neuron's weights and bias [w₁, w₂, b] (binary step activation). */
  single: [number, number, number];
  /** Hidden units of the trained MLP: 2-2-1 or 2-3-1. */
  hidden: 2 | 3;
  /** Learning rate η of the trained MLP (Adam). */
  learningRate: number;
  /** Training steps taken (the weights are a pure function of seed and steps). */
  step: number;
}

/** Props of {@link XorNet}. */
export interface XorNetProps {
  /** Width of the picture in px. Default 720. */
  width?: number;
  /** Height of the picture in px. Default 280. */
  height?: number;
  /** Seed of the trained MLP's initial weights. Default 0. */
  seed?: number;
  /** Controlled state. */
  value?: XorNetState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<XorNetState>;
  /** Called with every new state. */
  onValueChange?: (state: XorNetState) => void;
  /** Most training steps. Default 2000. */
  maxSteps?: number;
  /** Training steps per animation frame while playing. Default 5. */
  stepsPerFrame?: number;
  /** Accessible name and title. Default "Solving XOR". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const X: [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [0, 1, 1, 0];
const step = ACTIVATIONS.step.f;
const POS = '#0969da';
const NEG = '#bc4c00';
const GRID = 100;
const DOMAIN = { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 };
const MODES: Record<XorMode, string> = { 'hand-set': 'Hand-set network', single: 'Single neuron', trained: 'Trained MLP' };

/** The slides' network with binary steps: h₁ = H(x₁ + x₂ − ½) (OR), h₂ = H(x₁ + x₂ − 1.5) (AND), y = H(h₁ − h₂ − ½). */
const HAND = { W1: [[1, 1], [1, 1]], b1: [-0.5, -1.5], W2: [1, -1], b2: -0.5 };

function handForward(x: [number, number]): { h: number[]; y: number } {
  const h = [0, 1].map((j) => step(x[0] * HAND.W1[0][j] + x[1] * HAND.W1[1][j] + HAND.b1[j]));
  return { h, y: step(h[0] * HAND.W2[0] + h[1] * HAND.W2[1] + HAND.b2) };
}

interface Trainer {
  key: string;
  mlp: MLP;
  losses: [number, number][];
  divergedAt: number | null;
}

/**
 * XOR, the problem a single neuron cannot solve: first the slides' hand-set two-layer
 * network with binary step activations (its truth table lights up, row by row), then a
 * single neuron whose one line can never separate the four points, then a 2-2-1 or 2-3-1
 * MLP trained live by backpropagation, its decision boundary forming beside the loss curve.
 */
export function XorNet({
  width = 720,
  height = 280,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  maxSteps = 2000,
  stepsPerFrame = 5,
  label = 'Solving XOR',
  className,
  style,
}: XorNetProps) {
  const id = useId();
  const initial: XorNetState = { mode: 'hand-set', row: 0, single: [1, 1, -0.5], hidden: 3, learningRate: 0.05, step: 0, ...defaultValue };
  const [state, setState] = useControllableState<XorNetState>({ value, defaultValue: initial, onChange: onValueChange });

  // The trained MLP: rebuilt when its configuration changes or the state goes back in time,
  // then stepped forward to state.step (so the weights follow from seed and step alone).
  const trainer = useRef<Trainer | null>(null);
  const key = `${seed}|${state.hidden}|${state.learningRate}`;
  const target = state.mode === 'trained' ? Math.min(maxSteps, state.step) : 0;
  let t = trainer.current;
  if (state.mode === 'trained') {
    if (!t || t.key !== key || t.mlp.stepCount > target) {
      t?.mlp.dispose();
      const mlp = new MLP({ layerSizes: [2, state.hidden, 1], activation: 'tanh', loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: state.learningRate, batchSize: 4, engine: 'plain', randomState: seed });
      mlp.setData(X, Y);
      t = trainer.current = { key, mlp, losses: [], divergedAt: null };
    }
    while (t.mlp.stepCount < target && t.divergedAt === null) {
      const r = t.mlp.step();
      if (r.diverged) t.divergedAt = r.divergedAt;
      else t.losses.push([r.step, r.trainLoss]);
    }
  }
  useEffect(
    () => () => {
      trainer.current?.mlp.dispose();
      trainer.current = null;
    },
    [],
  );

  // Outputs at the four corners, hidden values for the selected row, and the boundary field.
  const view = useMemo(() => {
    const xr = X[state.row] ?? X[0];
    if (state.mode === 'hand-set') {
      const field = new Float64Array(GRID * GRID);
      for (let j = 0; j < GRID; j++) {
        for (let i = 0; i < GRID; i++) {
          const x: [number, number] = [DOMAIN.xMin + ((i + 0.5) * (DOMAIN.xMax - DOMAIN.xMin)) / GRID, DOMAIN.yMax - ((j + 0.5) * (DOMAIN.yMax - DOMAIN.yMin)) / GRID];
          field[j * GRID + i] = handForward(x).y;
        }
      }
      return { outputs: X.map((x) => handForward(x).y), hidden: handForward(xr).h, field };
    }
    if (state.mode === 'single') {
      const [w1, w2, b] = state.single;
      const f = (x: [number, number]) => step(w1 * x[0] + w2 * x[1] + b);
      const field = new Float64Array(GRID * GRID);
      for (let j = 0; j < GRID; j++) {
        for (let i = 0; i < GRID; i++) {
          field[j * GRID + i] = f([DOMAIN.xMin + ((i + 0.5) * (DOMAIN.xMax - DOMAIN.xMin)) / GRID, DOMAIN.yMax - ((j + 0.5) * (DOMAIN.yMax - DOMAIN.yMin)) / GRID]);
        }
      }
      return { outputs: X.map(f), hidden: [] as number[], field };
    }
    const mlp = trainer.current!.mlp;
    // One batched forward pass over the grid's cell centres, rows from the top of the picture down.
    const g = { rows: GRID * GRID, cols: 2, data: new Float64Array(GRID * GRID * 2) };
    for (let j = 0; j < GRID; j++) {
      for (let i = 0; i < GRID; i++) {
        g.data[2 * (j * GRID + i)] = DOMAIN.xMin + ((i + 0.5) * (DOMAIN.xMax - DOMAIN.xMin)) / GRID;
        g.data[2 * (j * GRID + i) + 1] = DOMAIN.yMax - ((j + 0.5) * (DOMAIN.yMax - DOMAIN.yMin)) / GRID;
      }
    }
    const field = Float64Array.from(mlp.neuronOutputs(g).output);
    const corners = mlp.neuronOutputs(X);
    const one = mlp.neuronOutputs([xr]);
    return { outputs: Array.from(corners.output), hidden: one.neurons[0].map((c) => c[0]), field };
    // target is in the deps so the view follows training.
  }, [state.mode, state.row, state.single, target, key]); // eslint-disable-line react-hooks/exhaustive-deps

  const trained = state.mode === 'trained';
  const tr = trained ? trainer.current : null;
  const diverged = tr?.divergedAt != null;
  const done = !trained || diverged || target >= maxSteps;
  const figureRef = useRef<HTMLElement>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    onFrame: (_now, reducedMotion) => setState((s) => ({ ...s, step: Math.min(maxSteps, s.step + (reducedMotion ? stepsPerFrame * 10 : stepsPerFrame)) })),
  });

  const fieldColor = useMemo(() => {
    const d = diverging(1);
    return (v: number) => d(2 * v - 1);
  }, []);
  const predicted = view.outputs.map((o) => (o > 0.5 ? 1 : 0));
  const correct = predicted.filter((p, i) => p === Y[i]).length;

  // Layout: diagram | boundary | loss curve (trained) or nothing.
  const side = Math.min(height, Math.round(width * 0.34));
  const diagramW = Math.round(width * 0.36);
  const chartW = width - diagramW - side - 16;
  const set = (patch: Partial<XorNetState>) => setState((s) => ({ ...s, ...patch }));

  // Diagram weights: hand-set, the single neuron's, or the MLP's current ones.
  const weights = useMemo(() => {
    if (state.mode === 'hand-set') return { W1: HAND.W1, b1: HAND.b1, W2: HAND.W2, b2: HAND.b2 };
    if (state.mode === 'single') return null;
    const m = trainer.current!.mlp;
    const l0 = m.getWeights(0);
    const l1 = m.getWeights(1);
    return { W1: l0.weights, b1: l0.bias, W2: l1.weights.map((r) => r[0]), b2: l1.bias[0] };
  }, [state.mode, target, key]); // eslint-disable-line react-hooks/exhaustive-deps

  const xr = X[state.row] ?? X[0];
  const nH = weights ? weights.b1.length : 0;
  const inY = (i: number) => height * (i === 0 ? 0.3 : 0.7);
  const hY = (j: number) => (height * (j + 1)) / (nH + 1);
  const colX = [30, diagramW / 2 - 6, diagramW - 52];
  const status = trained
    ? diverged
      ? `Diverged at step ${tr!.divergedAt}: η = ${state.learningRate} is too large.`
      : `Step ${target} of ${maxSteps} · loss ${formatNumber(tr!.losses.at(-1)?.[1] ?? NaN)} · ${correct} of 4 correct`
    : state.mode === 'single'
      ? `A single neuron gets ${correct} of 4 right${correct < 4 ? ': one line cannot separate XOR' : ''}.`
      : `Input (${xr[0]}, ${xr[1]}) → h = (${view.hidden.join(', ')}) → y = ${view.outputs[state.row]}. ${correct} of 4 correct.`;

  return (
    <figure ref={figureRef} className={className} aria-labelledby={`${id}-title`} style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}>
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div role="group" aria-label="Network" style={{ display: 'flex', gap: 4 }}>
        {(Object.keys(MODES) as XorMode[]).map((m) => (
          <button key={m} type="button" style={{ ...buttonStyle, fontWeight: state.mode === m ? 600 : undefined, borderColor: state.mode === m ? cssVar('--gl-accent') : undefined }} aria-pressed={state.mode === m} onClick={() => { setPlaying(false); set({ mode: m }); }}>
            {MODES[m]}
          </button>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 8, width, alignItems: 'flex-start' }}>
        <svg width={diagramW} height={height} role="img" aria-label={state.mode === 'single' ? `A single neuron: y = H(${state.single[0]}·x₁ + ${state.single[1]}·x₂ + ${state.single[2]})` : `Network 2-${nH}-1 fed (${xr[0]}, ${xr[1]}): hidden units ${view.hidden.map((h) => h.toFixed(2)).join(', ')}, output ${view.outputs[state.row].toFixed(2)}`} data-testid="xor-diagram">
          {weights ? (
            <>
              {[0, 1].map((i) =>
                weights.W1[i].map((w, j) => <line key={`a${i}${j}`} x1={colX[0]} y1={inY(i)} x2={colX[1]} y2={hY(j)} stroke={w >= 0 ? POS : NEG} strokeWidth={1 + 1.5 * Math.min(4, Math.abs(w))} />),
              )}
              {weights.W2.map((w, j) => <line key={`b${j}`} x1={colX[1]} y1={hY(j)} x2={colX[2]} y2={height / 2} stroke={w >= 0 ? POS : NEG} strokeWidth={1 + 1.5 * Math.min(4, Math.abs(w))} />)}
              {[0, 1].map((i) => <Node key={`x${i}`} x={colX[0]} y={inY(i)} value={xr[i]} label={`x${i ? '₂' : '₁'}`} />)}
              {weights.b1.map((b, j) => <Node key={`h${j}`} x={colX[1]} y={hY(j)} value={view.hidden[j] ?? 0} label={`h${'₁₂₃'[j]}`} note={state.mode === 'hand-set' ? `b = ${b}` : undefined} />)}
              <Node x={colX[2]} y={height / 2} value={view.outputs[state.row]} label="y" note={state.mode === 'hand-set' ? `b = ${weights.b2}` : undefined} />
              {state.mode === 'hand-set' && (
                <text x={colX[1]} y={height - 6} textAnchor="middle" fontSize={11} fill={cssVar('--gl-fg')}>binary step H at every unit</text>
              )}
            </>
          ) : (
            <>
              {[0, 1].map((i) => <line key={i} x1={colX[0]} y1={inY(i)} x2={colX[1]} y2={height / 2} stroke={state.single[i] >= 0 ? POS : NEG} strokeWidth={1 + 1.5 * Math.abs(state.single[i])} />)}
              <line x1={colX[1]} y1={height / 2} x2={colX[2]} y2={height / 2} stroke={cssVar('--gl-fg')} strokeWidth={2} />
              {[0, 1].map((i) => <Node key={`x${i}`} x={colX[0]} y={inY(i)} value={xr[i]} label={`x${i ? '₂' : '₁'}`} />)}
              <Node x={colX[1]} y={height / 2} value={view.outputs[state.row]} label="y" note={`b = ${state.single[2]}`} />
            </>
          )}
        </svg>
        <div style={{ position: 'relative', width: side, height: side }}>
          <GridCanvas values={view.field} rows={GRID} cols={GRID} width={side} height={side} color={fieldColor} smooth={trained} testId="xor-boundary" />
          <svg width={side} height={side} role="img" aria-label={`Decision regions over the unit square: blue means output 1, orange output 0; ${correct} of the 4 points are on the right side.`} style={{ position: 'absolute', left: 0, top: 0 }} data-testid="xor-points" data-correct={correct}>
            {X.map((x, i) => {
              const cx = ((x[0] - DOMAIN.xMin) / (DOMAIN.xMax - DOMAIN.xMin)) * side;
              const cy = ((DOMAIN.yMax - x[1]) / (DOMAIN.yMax - DOMAIN.yMin)) * side;
              return (
                <g key={i}>
                  <circle cx={cx} cy={cy} r={9} fill={Y[i] ? POS : NEG} stroke={i === state.row ? '#1f2328' : '#fff'} strokeWidth={i === state.row ? 4 : 2} />
                  <circle cx={cx} cy={cy} r={i === state.row ? 13 : 11} fill="none" stroke={i === state.row ? '#fff' : '#1f2328'} strokeWidth={1.5} />
                  <text x={cx} y={cy + 24} textAnchor="middle" fontSize={11} fill={cssVar('--gl-fg')} stroke="#fff" strokeWidth={3} paintOrder="stroke">({x[0]},{x[1]})</text>
                </g>
              );
            })}
          </svg>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }} data-testid="truth-table">
            <caption style={{ textAlign: 'left', fontSize: 13 }}>Truth table (XOR)</caption>
            <thead>
              <tr>
                {['x₁', 'x₂', 'target', 'output', ''].map((h, k) => <th key={k} scope="col" style={{ padding: '2px 8px' }}>{h || <span style={{ position: 'absolute', clip: 'rect(0 0 0 0)' }}>right?</span>}</th>)}
              </tr>
            </thead>
            <tbody>
              {X.map((x, i) => {
                const ok = predicted[i] === Y[i];
                return (
                  <tr key={i} data-correct={ok} style={{ background: ok ? '#dafbe1' : '#ffebe9', outline: i === state.row ? `2px solid ${cssVar('--gl-fg')}` : undefined }}>
                    <td style={{ padding: '2px 8px', textAlign: 'center' }}>{x[0]}</td>
                    <td style={{ padding: '2px 8px', textAlign: 'center' }}>{x[1]}</td>
                    <td style={{ padding: '2px 8px', textAlign: 'center' }}>{Y[i]}</td>
                    <td style={{ padding: '2px 8px', textAlign: 'center' }}>{trained ? view.outputs[i].toFixed(2) : view.outputs[i]}</td>
                    <td style={{ padding: '2px 8px', color: '#1f2328' }}>{ok ? '✓' : '✗'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {trained && chartW > 120 && (
            <LineChart
              width={Math.min(chartW, 260)}
              height={Math.max(120, height - 150)}
              series={[{ label: 'train loss', color: cssVar('--gl-path'), points: tr!.losses }]}
              xLabel="step"
              yLabel="𝓛"
              logY
              label={`Loss curve: ${tr!.losses.length} steps${tr!.losses.length ? `, last loss ${formatNumber(tr!.losses.at(-1)![1])}` : ''}`}
              testId="xor-loss"
            />
          )}
        </div>
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Input
          <select value={state.row} onChange={(e) => set({ row: Number(e.target.value) })} style={{ ...buttonStyle, padding: '0 8px' }}>
            {X.map((x, i) => <option key={i} value={i}>({x[0]}, {x[1]})</option>)}
          </select>
        </label>
        <button type="button" style={buttonStyle} onClick={() => set({ row: (state.row + 1) % 4 })}>Next input</button>
        {state.mode === 'single' && (
          <>
            <RangeField label="w₁" value={state.single[0]} min={-2} max={2} step={0.1} width={90} onChange={(v) => set({ single: [v, state.single[1], state.single[2]] })} format={(v) => v.toFixed(1)} />
            <RangeField label="w₂" value={state.single[1]} min={-2} max={2} step={0.1} width={90} onChange={(v) => set({ single: [state.single[0], v, state.single[2]] })} format={(v) => v.toFixed(1)} />
            <RangeField label="b" value={state.single[2]} min={-2} max={2} step={0.1} width={90} onChange={(v) => set({ single: [state.single[0], state.single[1], v] })} format={(v) => v.toFixed(1)} />
          </>
        )}
        {trained && (
          <>
            <button type="button" style={buttonStyle} onClick={() => set({ step: Math.min(maxSteps, state.step + 10) })} disabled={done}>Step ×10</button>
            <button type="button" style={buttonStyle} onClick={() => setPlaying((p) => !p)} disabled={done} aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
            <button type="button" style={buttonStyle} onClick={() => { setPlaying(false); set({ step: 0 }); }}>Reset</button>
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              Hidden units
              <select value={state.hidden} onChange={(e) => set({ hidden: Number(e.target.value) as 2 | 3, step: 0 })} style={{ ...buttonStyle, padding: '0 8px' }}>
                <option value={2}>2 (2-2-1)</option>
                <option value={3}>3 (2-3-1)</option>
              </select>
            </label>
            <RangeField label="η" value={Math.log10(state.learningRate)} min={-3} max={0} step={0.1} width={90} format={() => String(state.learningRate)} onChange={(v) => set({ learningRate: Number((10 ** v).toPrecision(2)), step: 0 })} />
          </>
        )}
      </div>
      <output aria-live="polite" data-testid="status" data-correct={correct} data-step={target} style={{ fontVariantNumeric: 'tabular-nums', color: diverged ? cssVar('--gl-path') : undefined }}>{status}</output>
      {playing && <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }}>{stats.fps.toFixed(0)} FPS · {stats.frameTime.toFixed(1)} ms per frame</small>}
      <figcaption style={{ display: 'grid', gap: 4 }}>
        {state.mode === 'hand-set' && <Tex block>{String.raw`h_1=H(x_1+x_2-0.5),\quad h_2=H(x_1+x_2-1.5),\quad y=H(h_1-h_2-0.5)`}</Tex>}
        {state.mode === 'single' && (
          <Tex block>{String.raw`y=H(w_1x_1+w_2x_2+b)=H(${texNumber(state.single[0], 1)}\,x_1+${texNumber(state.single[1], 1)}\,x_2+${texNumber(state.single[2], 1)})\ \text{— one line: XOR's corners are not linearly separable}`}</Tex>
        )}
        {trained && (
          <>
            <Tex block>{String.raw`y=\sigma\bigl(\mathbf{W}^{(2)}\tanh(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)})+b^{(2)}\bigr),\qquad \theta\leftarrow\theta-\eta\,\frac{\partial\mathcal{L}}{\partial\theta}\ (\text{Adam})`}</Tex>
            <Tex block>{String.raw`\mathcal{L}=-\frac{1}{4}\sum_{k=1}^{4}\bigl(t_k\log y_k+(1-t_k)\log(1-y_k)\bigr)`}</Tex>
          </>
        )}
      </figcaption>
    </figure>
  );
}

function Node({ x, y, value, label, note }: { x: number; y: number; value: number; label: string; note?: string }) {
  // Fill from white (0) to blue (1); the value is dark text on a white halo, readable on any fill.
  const on = Math.max(0, Math.min(1, value));
  const fill = `rgb(${Math.round(255 - 246 * on)},${Math.round(255 - 150 * on)},${Math.round(255 - 37 * on)})`;
  return (
    <g>
      <circle cx={x} cy={y} r={18} fill={fill} stroke={cssVar('--gl-fg')} strokeWidth={1.5} />
      <text x={x} y={y} dy="0.32em" textAnchor="middle" fontSize={12} fill="#1f2328" stroke="#fff" strokeWidth={3} paintOrder="stroke">
        {Number.isInteger(value) ? value : value.toFixed(2)}
      </text>
      <text x={x} y={y - 24} textAnchor="middle" fontSize={12} fill={cssVar('--gl-fg')}>{label}</text>
      {note && <text x={x} y={y + 32} textAnchor="middle" fontSize={11} fill={cssVar('--gl-fg')}>{note}</text>}
    </g>
  );
}
