import { MNIST_SIZE, preprocessDigit, type WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import { greyInk, GridCanvas } from '../common/GridCanvas';
import { LayerActivations, type ActivationLayer } from '../common/LayerActivations';
import { HELD_OUT_LABELS, heldOutDigit } from '../common/mnistDigits';
import { layerTitle, type MnistModelKind, type MnistModelSource } from '../common/mnistModels';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { useMnistModel } from '../common/useMnistModel';
import { rasterizeStrokes, type Stroke } from './rasterize';
import { prepareCanvas } from '../common/canvas';

/** The pad's state: plain JSON, so it can live in a permalink. */
export interface DigitDrawingPadState {
  /** The fully connected network or the CNN. */
  model: MnistModelKind;
  /** The drawing: strokes of points in [0, 1]² of the pad. */
  strokes: Stroke[];
  /** A held-out MNIST digit to classify instead of the drawing (index into the 30 shipped), or null. */
  sample: number | null;
  /** Titles of the layers whose activations are shown ("Input layer", "Convolution layer 1"…). */
  visibleLayers: string[];
}

/** Props of {@link DigitDrawingPad}. */
export interface DigitDrawingPadProps {
  /** Width of the widget in px. Default 760. */
  width?: number;
  /** Side of the drawing surface in px. Default 280. */
  height?: number;
  /** Controlled state. */
  value?: DigitDrawingPadState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<DigitDrawingPadState>;
  /** Called with every new state. */
  onValueChange?: (state: DigitDrawingPadState) => void;
  /**
   * Where the models come from: per kind, URLs or the loaded model.json and weights. Default
   * the weights shipped in the package (packages/ui/assets/models). Pass a stable object.
   */
  models?: Partial<Record<MnistModelKind, MnistModelSource>>;
  /** Where the page serves TF.js's .wasm files; by default the copies shipped in this package's assets. */
  wasmPaths?: WasmPaths;
  /** Show the inference time per stroke. Default true. */
  showTiming?: boolean;
  /** Accessible name and title. Default "Draw a digit". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const RASTER = 112;
const ink = greyInk(0, 1);
const MODEL_LABEL: Record<MnistModelKind, string> = { fc: 'Fully connected (784-128-10)', cnn: 'Convolutional (CNN)' };

/** Every layer of the model's pass, titled as the slides' demo ("Convolution layer 1"…), flatten and dropout left out. */
export function titledLayers(acts: { name: string; type: string; shape: number[]; data: Float32Array }[]): ActivationLayer[] {
  const count: Record<string, number> = {};
  const out: ActivationLayer[] = [];
  acts.forEach((a, i) => {
    const title = i === acts.length - 1 ? 'Output layer' : layerTitle(a.type, i, count);
    // A flat input (the fully connected model's 784) is still a 28 × 28 picture.
    const shape = a.type === 'input' && a.shape.length === 1 && a.shape[0] === 784 ? [28, 28, 1] : a.shape;
    if (a.type !== 'flatten' && a.type !== 'dropout') out.push({ title, type: a.type, shape, data: a.data });
  });
  return out;
}

/**
 * The MNIST demo of the slides, and more: draw a digit with mouse, touch or pen; see it as
 * the network sees it, 28 × 28 after MNIST's preprocessing (ink's bounding box fitted into
 * 20 × 20, centre of mass at the centre); the first and second guesses with their
 * probabilities, updated as you draw; the fully connected network or the CNN, with the
 * activations of any layer; clear and undo. Without a pointer, pick one of 30 held-out MNIST
 * digits: the guess is announced.
 */
export function DigitDrawingPad({
  width = 760,
  height = 280,
  value,
  defaultValue,
  onValueChange,
  models,
  wasmPaths,
  showTiming = true,
  label = 'Draw a digit',
  className,
  style,
}: DigitDrawingPadProps) {
  const id = useId();
  const initial: DigitDrawingPadState = { model: 'cnn', strokes: [], sample: null, visibleLayers: ['Input layer', 'Convolution layer 1', 'Fully-connected layer 1'], ...defaultValue };
  const [state, setState] = useControllableState<DigitDrawingPadState>({ value, defaultValue: initial, onChange: onValueChange });
  const { model, backend, error } = useMnistModel(state.model, models?.[state.model], wasmPaths);
  const [drawing, setDrawing] = useState(false);
  // The pen state for the handlers: a ref, so that moves right after the press see it.
  const penDown = useRef(false);

  // The 28 × 28 input: a held-out digit as it is, or the drawing rasterised and preprocessed.
  const input = useMemo(() => {
    if (state.sample !== null) return preprocessDigit(heldOutDigit(state.sample), MNIST_SIZE, MNIST_SIZE);
    if (state.strokes.length === 0) return null;
    return preprocessDigit(rasterizeStrokes(state.strokes, RASTER), RASTER, RASTER);
  }, [state.sample, state.strokes]);

  // One forward pass per change gives every layer's activations, the output's included.
  const [result, setResult] = useState<{ layers: ActivationLayer[]; probs: Float32Array; ms: number } | null>(null);
  useEffect(() => {
    if (!model || !input) {
      setResult(null);
      return;
    }
    const t0 = performance.now();
    const acts = model.activations(input);
    const ms = performance.now() - t0;
    const layers = titledLayers(acts);
    setResult({ layers, probs: layers[layers.length - 1].data, ms });
  }, [model, input]);

  const ranked = result ? Array.from(result.probs, (p, d) => [d, p] as const).sort((a, b) => b[1] - a[1]) : [];
  const pct = (p: number) => `${(100 * p).toFixed(1)}%`;
  const guessText = ranked.length ? `First guess: ${ranked[0][0]} (${pct(ranked[0][1])}). Second guess: ${ranked[1][0]} (${pct(ranked[1][1])}).` : '';
  const status = error
    ? `Could not load the ${state.model === 'cnn' ? 'CNN' : 'fully connected'} model: ${error}`
    : !model
      ? `Loading the ${state.model === 'cnn' ? 'CNN' : 'fully connected'} model…`
      : !input
        ? 'Draw a digit, or pick a held-out one.'
        : `${state.sample !== null ? `Held-out digit ${state.sample + 1} (a ${HELD_OUT_LABELS[state.sample]}). ` : ''}${guessText}`;

  // ---- drawing
  const side = height;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, side, side);
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, side, side);
    ctx.strokeStyle = '#1f2328';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2 * 0.045 * side;
    for (const s of state.strokes) {
      if (!s.length) continue;
      ctx.beginPath();
      ctx.moveTo(s[0][0] * side, s[0][1] * side);
      for (const [x, y] of s.length === 1 ? [s[0], s[0]] : s.slice(1)) ctx.lineTo(x * side + (s.length === 1 ? 0.01 : 0), y * side);
      ctx.stroke();
    }
  }, [state.strokes, side]);

  const toPoint = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    const q = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
    return [q((e.clientX - r.left) / r.width), q((e.clientY - r.top) / r.height)];
  };
  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      // a synthetic pointer (tests, assistive tech) cannot be captured: draw without capture
    }
    penDown.current = true;
    setDrawing(true);
    const p = toPoint(e);
    setState((s) => ({ ...s, sample: null, strokes: [...(s.sample !== null ? [] : s.strokes), [p]] }));
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!penDown.current) return;
    const p = toPoint(e);
    setState((s) => {
      const last = s.strokes[s.strokes.length - 1];
      if (!last) return s;
      const q = last[last.length - 1];
      if (Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.008) return s;
      return { ...s, strokes: [...s.strokes.slice(0, -1), [...last, p]] };
    });
  };
  const onUp = (e: PointerEvent<HTMLCanvasElement>) => {
    penDown.current = false;
    setDrawing(false);
    try {
      e.currentTarget.releasePointerCapture?.(e.pointerId);
    } catch {
      // not captured
    }
  };

  const toggleLayer = (title: string) =>
    setState((s) => ({ ...s, visibleLayers: s.visibleLayers.includes(title) ? s.visibleLayers.filter((t) => t !== title) : [...s.visibleLayers, title] }));
  const allTitles = result?.layers.map((l) => l.title) ?? (state.model === 'cnn'
    ? ['Input layer', 'Convolution layer 1', 'Downsampling layer 1', 'Convolution layer 2', 'Downsampling layer 2', 'Fully-connected layer 1', 'Output layer']
    : ['Input layer', 'Fully-connected layer 1', 'Output layer']);
  // Beside the pad (side) and the downsampled column (~170 px with its gaps).
  const barW = Math.max(160, width - side - 28 * 5 - 90);

  return (
    <figure className={className} aria-labelledby={`${id}-title`} style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, width, maxWidth: '100%', ...style })}>
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div>
          <div style={{ fontSize: 13, marginBottom: 4 }} id={`${id}-pad`}>Draw your number here</div>
          {state.sample !== null ? (
            <div style={{ width: side, height: side, border: `1px solid ${cssVar('--gl-border')}` }}>
              <GridCanvas values={heldOutDigit(state.sample)} rows={MNIST_SIZE} cols={MNIST_SIZE} width={side} height={side} color={ink} testId="sample" />
            </div>
          ) : null}
          <canvas
            ref={canvasRef}
            aria-labelledby={`${id}-pad`}
            aria-describedby={`${id}-status`}
            role="img"
            data-testid="pad"
            data-strokes={state.strokes.length}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
            style={{ width: side, height: side, display: state.sample !== null ? 'none' : 'block', border: `1px solid ${cssVar('--gl-border')}`, touchAction: 'none', cursor: 'crosshair', background: '#fff' }}
          />
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <div style={{ fontSize: 13 }}>Downsampled drawing</div>
          <div role="img" aria-label={input ? 'The 28 × 28 input the network sees' : 'No input yet'} style={{ width: 28 * 5, height: 28 * 5, border: `1px solid ${cssVar('--gl-border')}` }}>
            <GridCanvas values={input ?? new Float32Array(784)} rows={MNIST_SIZE} cols={MNIST_SIZE} width={28 * 5} height={28 * 5} color={ink} testId="downsampled" />
          </div>
          <div data-testid="guesses" style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.6 }}>
            <div>First guess: <strong data-testid="first-guess">{ranked.length ? ranked[0][0] : '–'}</strong>{ranked.length ? ` (${pct(ranked[0][1])})` : ''}</div>
            <div>Second guess: <strong data-testid="second-guess">{ranked.length ? ranked[1][0] : '–'}</strong>{ranked.length ? ` (${pct(ranked[1][1])})` : ''}</div>
          </div>
        </div>
        <svg width={barW} height={10 * 22 + 8} role="img" aria-label={result ? `Probabilities of the ten digits: ${ranked.slice(0, 3).map(([d, p]) => `${d}: ${pct(p)}`).join(', ')}…` : 'Probabilities of the ten digits: none yet'} data-testid="probabilities">
          {Array.from({ length: 10 }, (_, d) => {
            const p = result ? result.probs[d] : 0;
            return (
              <g key={d} transform={`translate(0,${4 + d * 22})`}>
                <text x={10} y={14} textAnchor="middle" fontSize={13} fill={cssVar('--gl-fg')}>{d}</text>
                <rect x={24} y={3} width={barW - 84} height={14} fill={cssVar('--gl-surface')} stroke={cssVar('--gl-border')} />
                <rect x={24} y={3} width={(barW - 84) * p} height={14} fill={ranked[0]?.[0] === d ? cssVar('--gl-accent') : cssVar('--gl-muted')} />
                <text x={barW - 4} y={14} textAnchor="end" fontSize={12} fill={cssVar('--gl-fg')}>{result ? pct(p) : ''}</text>
              </g>
            );
          })}
        </svg>
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <button type="button" style={buttonStyle} onClick={() => setState((s) => ({ ...s, strokes: s.strokes.slice(0, -1) }))} disabled={state.strokes.length === 0 || state.sample !== null}>Undo</button>
        <button type="button" style={buttonStyle} onClick={() => setState((s) => ({ ...s, strokes: [], sample: null }))} disabled={state.strokes.length === 0 && state.sample === null}>Clear</button>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Model
          <select value={state.model} onChange={(e) => setState((s) => ({ ...s, model: e.target.value as MnistModelKind }))} style={{ ...buttonStyle, padding: '0 8px' }}>
            {(['fc', 'cnn'] as const).map((k) => <option key={k} value={k}>{MODEL_LABEL[k]}</option>)}
          </select>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Held-out digit
          <select
            value={state.sample ?? ''}
            onChange={(e) => setState((s) => ({ ...s, strokes: [], sample: e.target.value === '' ? null : Number(e.target.value) }))}
            style={{ ...buttonStyle, padding: '0 8px' }}
          >
            <option value="">none (draw)</option>
            {HELD_OUT_LABELS.map((d, i) => <option key={i} value={i}>#{i + 1}: a {d}</option>)}
          </select>
        </label>
        <button type="button" style={buttonStyle} onClick={() => setState((s) => ({ ...s, strokes: [], sample: s.sample === null ? 0 : (s.sample + 1) % HELD_OUT_LABELS.length }))}>Next held-out digit</button>
      </div>
      <output id={`${id}-status`} aria-live={drawing ? 'off' : 'polite'} data-testid="status" data-guess={ranked[0]?.[0] ?? ''} style={{ color: error ? cssVar('--gl-path') : undefined }}>{status}</output>
      {showTiming && result && (
        <small style={{ color: cssVar('--gl-muted') }} data-testid="timing">
          Inference: {result.ms.toFixed(1)} ms per stroke update on TF.js {backend}
        </small>
      )}
      <fieldset style={{ border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 6, margin: 0, padding: '0 8px 8px' }}>
        <legend>Layer visibility</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
          {allTitles.map((t) => (
            <label key={t} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44 }}>
              <input type="checkbox" checked={state.visibleLayers.includes(t)} onChange={() => toggleLayer(t)} style={{ width: 20, height: 20 }} />
              {t}
            </label>
          ))}
        </div>
        <div style={{ display: 'grid', gap: 8 }}>
          {result?.layers
            .filter((l) => state.visibleLayers.includes(l.title))
            .map((l) => (
              <div key={l.title}>
                <div style={{ fontSize: 13, margin: '4px 0' }}>{l.title} <span style={{ color: cssVar('--gl-muted') }}>({l.shape.join(' × ')})</span></div>
                <LayerActivations layer={l} width={width - 24} mapSize={l.shape[0] > 20 ? 56 : 40} />
              </div>
            ))}
        </div>
      </fieldset>
      <figcaption style={{ display: 'grid', gap: 4 }}>
        {state.model === 'cnn' ? (
          <Tex block>{String.raw`\mathbf{h}^{(1)}_k=\mathrm{ReLU}\bigl(\mathbf{x}\ast\mathbf{W}_k+b_k\bigr),\ \text{max-pool},\ \dots,\ \mathbf{y}=\operatorname{softmax}\bigl(\mathbf{W}\mathbf{h}+\mathbf{b}\bigr),\quad \mathbf{x}\in\mathbb{R}^{28\times 28}`}</Tex>
        ) : (
          <Tex block>{String.raw`\mathbf{y}=\operatorname{softmax}\bigl(\mathbf{W}^{(2)}\,\mathrm{ReLU}(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)})+\mathbf{b}^{(2)}\bigr),\quad \mathbf{x}\in\mathbb{R}^{784},\ y\in\{0,\dots,9\}`}</Tex>
        )}
      </figcaption>
    </figure>
  );
}
