import { scaleLinear } from 'd3-scale';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { diverging, GridCanvas, type ColorMap } from '../common/GridCanvas';
import { formatNumber, LineChart } from '../common/LineChart';
import { RangeField } from '../common/RangeField';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import {
  ACTIVATION_NAMES,
  DATASET_NAMES,
  DATASETS,
  decodePlaygroundState,
  DEFAULT_PLAYGROUND_STATE,
  encodePlaygroundState,
  FEATURE_NAMES,
  FEATURES,
  formatPointsCsv,
  MAX_CLASSES,
  MAX_LAYERS,
  MAX_UNITS,
  parsePointsCsv,
  type FeatureName,
  type PlaygroundActivation,
  type PlaygroundDataset,
  type PlaygroundEdit,
  type PlaygroundRegularization,
  type PlaygroundState,
  type ProblemType,
} from './state';
import { effectiveSettings, EXTENT, GRID_SIZE, PlaygroundTrainer } from './trainer';

/** Props of {@link Playground}. */
export interface PlaygroundProps {
  /** Width of the whole widget in px. Default 980. */
  width?: number;
  /** Height of the network and output area in px. Default 470. */
  height?: number;
  /** Seed of the data, the split and the initial weights (the state's `seed` overrides it once changed). Default 0. */
  seed?: number;
  /** Controlled state. */
  value?: PlaygroundState;
  /** Initial state when uncontrolled (merged over the Playground's opening state). */
  defaultValue?: Partial<PlaygroundState>;
  /** Called with every new state. */
  onValueChange?: (state: PlaygroundState) => void;
  /**
   * Keep the state in the page URL's hash (`#data=spiral&hidden=8,8…`): read and validated
   * on mount, written back while not playing. Default false.
   */
  syncUrl?: boolean;
  /** Stop playing at this epoch. Default 10,000. */
  maxEpochs?: number;
  /** Accessible name and title. Default "Neural network playground". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/** Class colours: orange and blue as the Playground (class 0 = its −1, class 1 = its +1), then more. */
export const CLASS_COLORS = ['#bc4c00', '#0969da', '#1a7f37', '#8250df', '#bf3989', '#7d4e00'] as const;
const RGB = CLASS_COLORS.map((c) => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)] as const);
const NODE = 36;
const PITCH = 48;
/** Width of a weight edge's invisible click target, px: 44 for touch (the drawn edge stays thin). */
const EDGE_HIT = 44;
const ACT_LABEL: Record<PlaygroundActivation, string> = { tanh: 'Tanh', relu: 'ReLU', sigmoid: 'Sigmoid', linear: 'Linear' };
const REG_LABEL: Record<PlaygroundRegularization, string> = { none: 'None', l1: 'L1', l2: 'L2' };
const kbdStyle: CSSProperties = { font: 'inherit', fontSize: 12, padding: '0 4px', border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 3, color: cssVar('--gl-fg') };

/** A multi-class map: value = class + confidence in [0, 1), white to the class colour. */
const classField: ColorMap = (v) => {
  const c = Math.min(RGB.length - 1, Math.max(0, Math.floor(v)));
  const a = 0.15 + 0.6 * Math.max(0, Math.min(1, v - c));
  const [r, g, b] = RGB[c];
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
};

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Everything the TensorFlow Playground has, and what its users asked for: a small MLP
 * trained live on 2-D data (circle, XOR, Gaussian, spiral, several classes with softmax,
 * two regression sets, or your own points by click or CSV), with input features x₁, x₂,
 * x₁², x₂², x₁x₂, sin x₁, sin x₂, up to 6 hidden layers of 8 neurons, each neuron's output
 * as a thumbnail, weights drawn by sign and magnitude and editable, the 100 × 100 decision
 * boundary from one batched forward pass per frame, train and test loss curves, a seed,
 * a permalink of the whole state, and model (JSON) and data (CSV) export.
 */
export function Playground({
  width = 980,
  height = 470,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  syncUrl = false,
  maxEpochs = 10_000,
  label = 'Neural network playground',
  className,
  style,
}: PlaygroundProps) {
  const id = useId();
  const [state, setState] = useControllableState<PlaygroundState>({
    value,
    defaultValue: { ...DEFAULT_PLAYGROUND_STATE, seed, ...defaultValue },
    onChange: onValueChange,
  });
  const [urlErrors, setUrlErrors] = useState<string[]>([]);
  const [csvMessage, setCsvMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [csvText, setCsvText] = useState('');
  const [link, setLink] = useState('');
  const [brush, setBrush] = useState<number>(1);
  const [selected, setSelected] = useState<[number, number, number]>([0, 0, 0]);
  const [newPoint, setNewPoint] = useState<[number, number, number]>([0, 0, 1]);

  // The training run, replayed to the state's epoch (render is the only place that steps it).
  const trainerRef = useRef<PlaygroundTrainer | null>(null);
  let trainer = trainerRef.current;
  if (!trainer || !trainer.canReach(state)) {
    trainer?.dispose();
    trainer = trainerRef.current = new PlaygroundTrainer(state);
  }
  trainer.syncTo(state);
  useEffect(
    () => () => {
      trainerRef.current?.dispose();
      trainerRef.current = null;
    },
    [],
  );
  const t = trainer;
  const settings = effectiveSettings(state);
  const grid = t.gridOutputs();
  const featureMaps = useMemo(() => allFeatureMaps(), []);
  const classification = state.problem === 'classification';
  const k = t.data.nClasses;
  const diverged = t.divergedAt !== null;
  const done = diverged || state.epoch >= maxEpochs || t.data.train.length === 0;

  // URL: read once on mount, write back while paused.
  useEffect(() => {
    if (!syncUrl || typeof window === 'undefined') return;
    const hash = window.location.hash;
    if (hash.length > 1) {
      const { state: s, errors } = decodePlaygroundState(hash);
      setUrlErrors(errors);
      setState(s);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [syncUrl]);

  const figureRef = useRef<HTMLElement>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    onFrame: () => setState((s) => ({ ...s, epoch: s.epoch + 1 })),
  });
  useEffect(() => {
    if (!syncUrl || playing || typeof window === 'undefined') return;
    const q = encodePlaygroundState(state);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${q}`);
  }, [syncUrl, playing, state]);

  // ---- state changes
  const set = (patch: Partial<PlaygroundState>) => {
    setPlaying(false);
    setState((s) => ({ ...s, ...patch, epoch: 0, edits: [] }));
  };
  /** A training setting: before training it is part of the configuration; during training it is an edit at this epoch. */
  const setSetting = (patch: NonNullable<PlaygroundEdit['set']>) =>
    setState((s) => (s.epoch === 0 ? { ...s, ...patch, edits: [] } : { ...s, edits: [...s.edits, { at: s.epoch, set: patch }] }));
  const setWeight = (layer: number, from: number, to: number, v: number) => {
    if (!Number.isFinite(v)) return;
    setState((s) => ({ ...s, edits: [...s.edits, { at: s.epoch, weight: [layer, from, to, v] }] }));
  };
  const reset = () => {
    setPlaying(false);
    setState((s) => ({ ...s, ...effectiveSettings(s), epoch: 0, edits: [] }));
  };
  const stepOnce = () => setState((s) => ({ ...s, epoch: s.epoch + 1 }));
  /**
   * The TensorFlow Playground's keys, for this widget only (focus inside it): Space plays or
   * pauses, S or → steps, R resets. Fields keep their own keys (typing, arrows on sliders),
   * and Space on a button still presses that button.
   */
  const onShortcut = (e: KeyboardEvent<HTMLElement>) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.target as HTMLElement;
    if (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA|OPTION)$/.test(el.tagName)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === ' ') {
      if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.getAttribute('role') === 'button') return;
      if (!done) setPlaying((p) => !p);
    } else if (key === 's' || key === 'ArrowRight') {
      if (!done) stepOnce();
    } else if (key === 'r') reset();
    else return;
    e.preventDefault();
  };
  const toggleFeature = (f: FeatureName) => {
    const on = state.features.includes(f);
    if (on && state.features.length === 1) return;
    set({ features: on ? state.features.filter((g) => g !== f) : FEATURE_NAMES.filter((g) => g === f || state.features.includes(g)) });
  };
  const setHidden = (h: number[]) => set({ hidden: h });
  const setDataset = (d: PlaygroundDataset) => set({ dataset: d, problem: d === 'custom' ? state.problem : DATASETS[d].problem });

  // ---- geometry
  const rightW = Math.min(360, Math.round(width * 0.36));
  const netW = width - rightW - 16;
  const heat = Math.min(rightW - 20, height - 150);
  const layers = [state.features.length, ...state.hidden];
  const colX = (c: number) => 52 + (c * (netW - NODE - 60)) / Math.max(1, layers.length);
  const outX = colX(layers.length);
  const nodeY = (i: number) => 72 + i * PITCH;
  /** y of unit i of layer l (the features column holds all seven, on or off). */
  const unitY = (l: number, i: number) => (l === 0 ? nodeY(FEATURE_NAMES.indexOf(state.features[i])) : nodeY(i));
  const netH = Math.max(height, 72 + Math.max(FEATURE_NAMES.length, ...state.hidden) * PITCH);

  // Weights of every layer, for the edges.
  const weights = useMemo(() => Array.from({ length: t.mlp.layerSizes.length - 1 }, (_, l) => t.mlp.getWeights(l)), [t, t.epoch, state.edits.length]); // eslint-disable-line react-hooks/exhaustive-deps
  let wMax = 0;
  for (const w of weights) for (const row of w.weights) for (const v of row) wMax = Math.max(wMax, Math.abs(v));

  // ---- fields: output heatmap and neuron thumbnails
  const heatValues = useMemo(() => {
    const n = GRID_SIZE * GRID_SIZE;
    const out = new Float32Array(n);
    const o = grid.output;
    if (!classification) for (let i = 0; i < n; i++) out[i] = o[i];
    else if (t.nOut === 1) for (let i = 0; i < n; i++) out[i] = 2 * o[i] - 1;
    else {
      const K = t.nOut;
      for (let i = 0; i < n; i++) {
        let a = 0;
        for (let c = 1; c < K; c++) if (o[i * K + c] > o[i * K + a]) a = c;
        out[i] = a + Math.min(0.999, (o[i * K + a] - 1 / K) / (1 - 1 / K));
      }
    }
    return out;
  }, [grid, classification, t]);
  const heatColor = useMemo(() => (classification && t.nOut > 1 ? classField : diverging(1)), [classification, t]);
  const neuronColors = useMemo(
    () =>
      grid.neurons.slice(0, -1).map((layer) =>
        layer.map((v) => {
          let m = 0;
          for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
          return state.activation === 'sigmoid' ? (x: number) => diverging(1)(2 * x - 1) : diverging(m || 1);
        }),
      ),
    [grid, state.activation],
  );
  const featureColor = useMemo(() => diverging(1), []);

  // ---- points on the heatmap
  const hs = scaleLinear().domain([-EXTENT, EXTENT]).range([0, heat]);
  const vs = scaleLinear().domain([EXTENT, -EXTENT]).range([0, heat]);
  const targetColor = (y: number) => {
    if (classification) return CLASS_COLORS[Math.min(CLASS_COLORS.length - 1, Math.max(0, Math.round(y)))];
    const [r, g, b] = diverging(1)(y);
    return `rgb(${r},${g},${b})`;
  };
  const onHeatPointer = (e: PointerEvent<SVGRectElement>) => {
    if (brush < 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x1 = Number(hs.invert(e.clientX - r.left).toFixed(2));
    const x2 = Number(vs.invert(e.clientY - r.top).toFixed(2));
    set({ points: [...state.points, [x1, x2, classification ? brush : Number(((brush / Math.max(1, k)) * 2 - 1).toFixed(2))]] });
  };

  // ---- CSV
  const loadCsv = (text: string) => {
    const r = parsePointsCsv(text, state.problem);
    if (!r.ok) {
      setCsvMessage({ ok: false, text: r.error });
      return;
    }
    setCsvMessage({ ok: true, text: `Loaded ${r.points.length} points.` });
    set({ dataset: 'custom', points: r.points });
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    void f.text().then(loadCsv, () => setCsvMessage({ ok: false, text: `Could not read ${f.name}` }));
    e.target.value = '';
  };

  const exportModel = () =>
    download(
      'playground-model.json',
      JSON.stringify({ features: state.features, featureScaling: 'x₁ and x₂ divided by 6, squares and products by 36; sin of the raw value', problem: state.problem, classes: k, epoch: state.epoch, permalink: encodePlaygroundState(state), model: t.mlp.toJSON() }, null, 1),
      'application/json',
    );
  const exportData = () => download('playground-data.csv', formatPointsCsv(t.data, state.problem), 'text/csv');
  const makeLink = () => {
    const q = encodePlaygroundState(state);
    const url = typeof window !== 'undefined' ? `${window.location.href.split('#')[0]}#${q}` : `#${q}`;
    setLink(url);
    void navigator.clipboard?.writeText(url).catch(() => undefined);
  };

  const lastTrain = t.trainLoss.at(-1)?.[1];
  const lastTest = t.testLoss.at(-1)?.[1];
  const acc = classification ? t.testAccuracy() : null;
  const status = diverged
    ? `Diverged at epoch ${t.divergedAt}: η = ${settings.learningRate} is too large.`
    : `Epoch ${state.epoch} · train loss ${lastTrain === undefined ? '–' : formatNumber(lastTrain)} · test loss ${lastTest === undefined ? '–' : formatNumber(lastTest)}${acc !== null ? ` · test accuracy ${(100 * acc).toFixed(1)}%` : ''}`;
  const stepsPerSecond = t.lastMs > 0 ? (t.lastSteps / t.lastMs) * 1000 : 0;

  const [sl, sf, st] = selected;
  const selLayer = Math.min(sl, weights.length - 1);
  const selFrom = Math.min(sf, t.mlp.layerSizes[selLayer] - 1);
  const selTo = Math.min(st, t.mlp.layerSizes[selLayer + 1] - 1);
  const selValue = weights[selLayer]?.weights[selFrom]?.[selTo] ?? 0;
  /** Every weight as an edge from unit i of layer l to unit j of layer l + 1. */
  const edges = weights.flatMap((w, l) =>
    w.weights.flatMap((rowW, i) =>
      rowW.map((v, j) => {
        const x1 = colX(l) + NODE;
        const y1 = unitY(l, i) + NODE / 2;
        const x2 = l + 1 === layers.length ? outX : colX(l + 1);
        const y2 = l + 1 === layers.length ? nodeY(0) + NODE / 2 : nodeY(j) + NODE / 2;
        const d = `M${x1},${y1}C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`;
        return { key: `${l}-${i}-${j}`, at: [l, i, j] as [number, number, number], v, d, isSel: l === selLayer && i === selFrom && j === selTo };
      }),
    ),
  );
  const unitName = (l: number, u: number) => (l === 0 ? FEATURES[state.features[u]].label : l === layers.length ? `output ${u + 1}` : `layer ${l} unit ${u + 1}`);
  const selectStyle: CSSProperties = { ...buttonStyle, padding: '0 8px' };
  const row: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' };

  return (
    <figure ref={figureRef} className={className} aria-labelledby={`${id}-title`} tabIndex={-1} onKeyDown={onShortcut} data-testid="playground" style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, width, maxWidth: '100%', outline: 'none', ...style })}>
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div role="group" aria-label="Training" style={row}>
        <button type="button" style={buttonStyle} onClick={reset} aria-keyshortcuts="R">Reset</button>
        <button type="button" style={buttonStyle} onClick={() => setPlaying((p) => !p)} disabled={done} aria-pressed={playing} aria-keyshortcuts="Space">{playing ? 'Pause' : 'Play'}</button>
        <button type="button" style={buttonStyle} onClick={stepOnce} disabled={done} aria-keyshortcuts="S ArrowRight">Step</button>
        <span style={{ fontVariantNumeric: 'tabular-nums', minWidth: 96 }} data-testid="epoch">Epoch {String(state.epoch).padStart(4, '0')}</span>
        <RangeField label="Learning rate η" value={Math.log10(settings.learningRate)} min={-5} max={1} step={0.1} width={100} format={() => String(settings.learningRate)} onChange={(v) => setSetting({ learningRate: Number((10 ** v).toPrecision(2)) })} />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Activation
          <select value={state.activation} onChange={(e) => set({ activation: e.target.value as PlaygroundActivation })} style={selectStyle}>
            {ACTIVATION_NAMES.map((a) => <option key={a} value={a}>{ACT_LABEL[a]}</option>)}
          </select>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Regularization
          <select value={settings.regularization} onChange={(e) => setSetting({ regularization: e.target.value as PlaygroundRegularization })} style={selectStyle}>
            {(['none', 'l1', 'l2'] as const).map((r) => <option key={r} value={r}>{REG_LABEL[r]}</option>)}
          </select>
        </label>
        <RangeField label="Rate λ" value={settings.regularizationRate} min={0} max={0.1} step={0.001} width={80} format={(v) => String(Number(v.toFixed(3)))} onChange={(v) => setSetting({ regularizationRate: v })} />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Problem
          <select value={state.problem} onChange={(e) => set({ problem: e.target.value as ProblemType, dataset: e.target.value === 'regression' ? (DATASETS[state.dataset].problem === 'regression' || state.dataset === 'custom' ? state.dataset : 'plane') : DATASETS[state.dataset].problem === 'classification' ? state.dataset : 'circle', points: [] })} style={selectStyle}>
            <option value="classification">Classification</option>
            <option value="regression">Regression</option>
          </select>
        </label>
      </div>
      <p style={{ margin: 0, fontSize: 13, color: cssVar('--gl-muted') }} data-testid="shortcuts">
        Keys (with the playground focused): <kbd style={kbdStyle}>Space</kbd> play/pause · <kbd style={kbdStyle}>S</kbd> or <kbd style={kbdStyle}>→</kbd> step · <kbd style={kbdStyle}>R</kbd> reset
      </p>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        {/* The network: features, hidden layers (thumbnails), edges by sign and magnitude. */}
        <div style={{ position: 'relative', width: netW, height: netH }} data-testid="network">
          <svg width={netW} height={netH} role="group" aria-label={`Network ${layers.join('-')}-${t.nOut}; blue weights are positive, orange negative, thicker is larger. Click a weight to edit it, or use the weight editor below.`} style={{ position: 'absolute', left: 0, top: 0 }}>
            {/* Wide invisible click targets first, then the drawn edges on top (also clickable), so a tap on an edge picks it and a tap near one picks a neighbour. */}
            <g data-testid="edge-targets">
              {edges.map((e) => (
                <path key={e.key} d={e.d} fill="none" stroke="transparent" strokeWidth={EDGE_HIT} onClick={() => setSelected(e.at)} style={{ cursor: 'pointer' }} data-testid={`w-${e.key}`} />
              ))}
            </g>
            {edges.map((e) => (
              <path key={e.key} d={e.d} fill="none" stroke={e.v >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0]} strokeOpacity={e.isSel ? 1 : 0.75} strokeWidth={e.isSel ? 4 : 0.5 + (4 * Math.abs(e.v)) / Math.max(1, wMax)} strokeDasharray={e.isSel ? '6 3' : undefined} onClick={() => setSelected(e.at)} style={{ cursor: 'pointer' }} />
            ))}
            {layers.map((n, l) => (
              <text key={l} x={colX(l) + NODE / 2} y={12} textAnchor="middle" fontSize={12} fill={cssVar('--gl-fg')}>
                {l === 0 ? 'Features' : `Layer ${l}: ${n}`}
              </text>
            ))}
            <text x={outX + NODE / 2} y={12} textAnchor="middle" fontSize={12} fill={cssVar('--gl-fg')}>Output</text>
          </svg>
          {FEATURE_NAMES.map((f, i) => {
              const on = state.features.includes(f);
              return (
                <button
                  key={f}
                  type="button"
                  aria-pressed={on}
                  aria-label={`Feature ${FEATURES[f].label}`}
                  onClick={() => toggleFeature(f)}
                  style={{ position: 'absolute', left: colX(0) - 4, top: nodeY(i) - 4, width: NODE + 8, height: NODE + 8, padding: 2, border: `2px solid ${on ? cssVar('--gl-accent') : cssVar('--gl-border')}`, borderRadius: 4, background: cssVar('--gl-bg'), cursor: 'pointer' }}
                >
                  <GridCanvas values={featureMaps[i]} rows={GRID_SIZE} cols={GRID_SIZE} width={NODE} height={NODE} color={featureColor} smooth style={{ opacity: on ? 1 : 0.3 }} />
                  <span style={{ position: 'absolute', right: NODE + 14, top: 12, fontSize: 12, color: cssVar('--gl-fg'), whiteSpace: 'nowrap' }} aria-hidden="true">{FEATURES[f].label}</span>
                </button>
              );
            })}
          {grid.neurons.slice(0, -1).map((layer, l) =>
            layer.map((v, j) => (
              <div key={`${l}-${j}`} style={{ position: 'absolute', left: colX(l + 1), top: nodeY(j), width: NODE, height: NODE, border: `1px solid ${cssVar('--gl-border')}` }} data-testid="neuron-thumb">
                <GridCanvas values={v} rows={GRID_SIZE} cols={GRID_SIZE} width={NODE} height={NODE} color={neuronColors[l][j]} smooth />
              </div>
            )),
          )}
          <div style={{ position: 'absolute', left: outX, top: nodeY(0), width: NODE, height: NODE, border: `1px solid ${cssVar('--gl-fg')}` }}>
            <GridCanvas values={heatValues} rows={GRID_SIZE} cols={GRID_SIZE} width={NODE} height={NODE} color={heatColor} smooth />
          </div>
          {/* Layer and neuron buttons. */}
          {state.hidden.map((n, l) => (
            <div key={l} style={{ position: 'absolute', left: colX(l + 1) - 6, top: 18, display: 'flex', gap: 2 }}>
              <button type="button" style={{ ...buttonStyle, padding: 0, minWidth: 24, width: 24 }} aria-label={`Add a neuron to layer ${l + 1}`} disabled={n >= MAX_UNITS} onClick={() => setHidden(state.hidden.map((u, q) => (q === l ? u + 1 : u)))}>+</button>
              <button type="button" style={{ ...buttonStyle, padding: 0, minWidth: 24, width: 24 }} aria-label={`Remove a neuron from layer ${l + 1}`} disabled={n <= 1} onClick={() => setHidden(state.hidden.map((u, q) => (q === l ? u - 1 : u)))}>−</button>
            </div>
          ))}
        </div>
        {/* The output: decision boundary heatmap with the points, and the loss curves. */}
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, width: rightW }}>
          <div style={{ position: 'relative', width: heat, height: heat, touchAction: 'none' }}>
            <GridCanvas values={heatValues} rows={GRID_SIZE} cols={GRID_SIZE} width={heat} height={heat} color={heatColor} smooth testId="boundary" />
            <svg
              width={heat}
              height={heat}
              role="group"
              aria-label={`Output over the plane with the ${t.data.train.length} training points (filled) and ${t.data.test.length} test points (hollow). ${brush >= 0 ? 'Click to add a point.' : ''}`}
              style={{ position: 'absolute', left: 0, top: 0 }}
              data-testid="heatmap"
              data-points={t.data.X.length}
            >
              <rect width={heat} height={heat} fill="transparent" stroke={cssVar('--gl-border')} onPointerDown={onHeatPointer} style={{ cursor: brush >= 0 ? 'copy' : 'default' }} />
              <g pointerEvents="none">
                {t.data.train.map((i) => <circle key={`a${i}`} cx={hs(t.data.X[i][0])} cy={vs(t.data.X[i][1])} r={3} fill={targetColor(t.data.y[i])} stroke="#fff" strokeWidth={1} />)}
                {t.data.test.map((i) => <circle key={`b${i}`} cx={hs(t.data.X[i][0])} cy={vs(t.data.X[i][1])} r={3} fill="#fff" stroke={targetColor(t.data.y[i])} strokeWidth={1.5} />)}
              </g>
            </svg>
          </div>
          <LineChart
            width={rightW}
            height={130}
            series={[
              { label: 'train', color: cssVar('--gl-fg'), points: t.trainLoss },
              { label: 'test', color: cssVar('--gl-path'), points: t.testLoss, dashed: true },
            ]}
            xLabel="epoch"
            yLabel="𝓛"
            label={`Loss curves: train ${lastTrain === undefined ? 'none yet' : formatNumber(lastTrain)}, test ${lastTest === undefined ? 'none yet' : formatNumber(lastTest)}`}
            testId="loss-curves"
          />
        </div>
      </div>
      <output aria-live={playing ? 'off' : 'polite'} data-testid="status" data-epoch={state.epoch} data-train-loss={lastTrain ?? ''} data-diverged={diverged} style={{ fontVariantNumeric: 'tabular-nums', color: diverged ? cssVar('--gl-path') : undefined, fontWeight: diverged ? 600 : undefined }}>
        {status}
      </output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }} data-testid="perf">
          {Math.round(stepsPerSecond).toLocaleString('en')} steps/s · frame {(t.lastMs + t.gridMs).toFixed(1)} ms (training {t.lastMs.toFixed(1)} ms + every neuron's 100 × 100 grid {t.gridMs.toFixed(1)} ms) · {stats.fps.toFixed(0)} FPS
        </small>
      )}
      <div role="group" aria-label="Data" style={row}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Data
          <select value={state.dataset} onChange={(e) => setDataset(e.target.value as PlaygroundDataset)} style={selectStyle}>
            {DATASET_NAMES.filter((d) => d === 'custom' || DATASETS[d].problem === state.problem).map((d) => <option key={d} value={d}>{DATASETS[d].label}</option>)}
          </select>
        </label>
        {state.dataset === 'blobs' && (
          <RangeField label="Classes" value={state.classes} min={2} max={MAX_CLASSES} step={1} width={80} format={(v) => String(v)} onChange={(v) => set({ classes: v })} />
        )}
        <RangeField label="Ratio of training data" value={state.trainRatio} min={10} max={90} step={10} width={90} format={(v) => `${v}%`} onChange={(v) => set({ trainRatio: v })} />
        <RangeField label="Noise" value={state.noise} min={0} max={50} step={5} width={90} format={(v) => `${v}%`} onChange={(v) => set({ noise: v })} />
        <RangeField label="Batch size" value={settings.batchSize} min={1} max={30} step={1} width={90} format={(v) => String(v)} onChange={(v) => setSetting({ batchSize: v })} />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Seed
          <input type="number" min={0} step={1} value={state.seed} onChange={(e) => { const v = Math.floor(Number(e.target.value)); if (Number.isFinite(v) && v >= 0) set({ seed: v }); }} style={{ ...selectStyle, width: 72 }} />
        </label>
        <button type="button" style={buttonStyle} onClick={() => set({ seed: state.seed + 1 })}>Regenerate</button>
      </div>
      <div role="group" aria-label="Hidden layers" style={row}>
        <span>Hidden layers: {state.hidden.length}</span>
        <button type="button" style={buttonStyle} disabled={state.hidden.length >= MAX_LAYERS} onClick={() => setHidden([...state.hidden, 2])}>Add layer</button>
        <button type="button" style={buttonStyle} disabled={state.hidden.length === 0} onClick={() => setHidden(state.hidden.slice(0, -1))}>Remove layer</button>
        <fieldset style={{ ...row, border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 6, padding: '0 8px 4px', margin: 0 }}>
          <legend>Edit a weight</legend>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            Layer
            <select value={selLayer} onChange={(e) => setSelected([Number(e.target.value), 0, 0])} style={selectStyle}>
              {weights.map((_, l) => <option key={l} value={l}>{l === 0 ? 'features' : `layer ${l}`} → {l + 1 === layers.length ? 'output' : `layer ${l + 1}`}</option>)}
            </select>
          </label>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            From
            <select value={selFrom} onChange={(e) => setSelected([selLayer, Number(e.target.value), selTo])} style={selectStyle}>
              {Array.from({ length: t.mlp.layerSizes[selLayer] }, (_, u) => <option key={u} value={u}>{unitName(selLayer, u)}</option>)}
            </select>
          </label>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            To
            <select value={selTo} onChange={(e) => setSelected([selLayer, selFrom, Number(e.target.value)])} style={selectStyle}>
              {Array.from({ length: t.mlp.layerSizes[selLayer + 1] }, (_, u) => <option key={u} value={u}>{unitName(selLayer + 1, u)}</option>)}
            </select>
          </label>
          <WeightInput key={`${selLayer}-${selFrom}-${selTo}-${selValue}`} value={selValue} onCommit={(v) => setWeight(selLayer, selFrom, selTo, v)} />
        </fieldset>
      </div>
      <div role="group" aria-label="Your points" style={row}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Click on the output adds
          <select value={brush} onChange={(e) => setBrush(Number(e.target.value))} style={selectStyle}>
            <option value={-1}>nothing</option>
            {Array.from({ length: classification ? Math.max(2, k) : 2 }, (_, c) => <option key={c} value={c}>{classification ? `class ${c}` : c ? 'target +1' : 'target −1'}</option>)}
          </select>
        </label>
        <span role="group" aria-label="Add a point by its coordinates" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
          {(['x₁', 'x₂', classification ? 'class' : 'target'] as const).map((n, q) => (
            <input key={n} type="number" aria-label={`New point ${n}`} value={newPoint[q]} step={q === 2 && classification ? 1 : 0.1} min={q < 2 ? -6 : undefined} max={q < 2 ? 6 : undefined} onChange={(e) => setNewPoint(newPoint.map((v, r) => (r === q ? Number(e.target.value) : v)) as [number, number, number])} style={{ ...selectStyle, width: 64 }} />
          ))}
          <button type="button" style={buttonStyle} onClick={() => loadCsv([...state.points, newPoint].map((p) => p.join(',')).join('\n'))}>Add point</button>
        </span>
        <button type="button" style={buttonStyle} disabled={state.points.length === 0} onClick={() => set({ points: [] })}>Clear my points ({state.points.length})</button>
      </div>
      <div role="group" aria-label="Import and export" style={{ ...row, alignItems: 'flex-start' }}>
        <label style={{ display: 'inline-flex', flexDirection: 'column', gap: 2 }}>
          Paste CSV (x1,x2,label)
          <textarea value={csvText} onChange={(e) => setCsvText(e.target.value)} rows={3} cols={24} style={{ font: 'inherit', fontSize: 12, color: cssVar('--gl-fg'), background: cssVar('--gl-bg'), border: `1px solid ${cssVar('--gl-border')}` }} />
        </label>
        <button type="button" style={buttonStyle} onClick={() => loadCsv(csvText)}>Load CSV</button>
        <label style={{ ...buttonStyle, display: 'inline-flex', alignItems: 'center', boxSizing: 'border-box' }}>
          Upload CSV
          <input type="file" accept=".csv,text/csv,text/plain" onChange={onFile} style={{ width: 1, height: 1, opacity: 0, position: 'absolute' }} />
        </label>
        <button type="button" style={buttonStyle} onClick={exportModel}>Export model (JSON)</button>
        <button type="button" style={buttonStyle} onClick={exportData}>Export data (CSV)</button>
        <button type="button" style={buttonStyle} onClick={makeLink}>Permalink</button>
      </div>
      {csvMessage && (
        <p role={csvMessage.ok ? 'status' : 'alert'} data-testid="csv-message" style={{ margin: 0, color: csvMessage.ok ? cssVar('--gl-fg') : cssVar('--gl-path'), fontWeight: csvMessage.ok ? undefined : 600 }}>
          {csvMessage.text}
        </p>
      )}
      {link && (
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          Link to this state
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} style={{ ...selectStyle, flex: 1, minWidth: 0 }} data-testid="permalink" />
        </label>
      )}
      {urlErrors.length > 0 && (
        <p role="alert" style={{ margin: 0, color: cssVar('--gl-path') }} data-testid="url-errors">Ignored in the link: {urlErrors.join('; ')}</p>
      )}
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`\mathbf{x}=(${state.features.map((f) => FEATURES[f].tex).join(',\\,')}),\quad \mathbf{h}^{(\ell)}=\varphi\bigl(\mathbf{W}^{(\ell)}\mathbf{h}^{(\ell-1)}+\mathbf{b}^{(\ell)}\bigr),\ \varphi=\text{${ACT_LABEL[state.activation]}}`}</Tex>
        <Tex block>{String.raw`\theta\leftarrow\theta-\eta\,\frac{\partial}{\partial\theta}\Bigl(\mathcal{L}+\lambda\mathcal{R}\Bigr),\quad \eta=${settings.learningRate},\ \lambda=${settings.regularization === 'none' ? 0 : settings.regularizationRate},\ \mathcal{R}=${settings.regularization === 'l1' ? '\\|\\theta\\|_1' : settings.regularization === 'l2' ? '\\|\\theta\\|_2^2' : '0'},\ \mathcal{L}=${!classification ? '\\text{MSE}' : k > 2 ? '-\\tfrac1n\\sum\\sum_c t_c\\log\\operatorname{softmax}_c' : '\\text{binary cross-entropy}'}`}</Tex>
      </figcaption>
    </figure>
  );
}

/** A number field that commits on Enter or blur (so typing "-0." does not set a weight of 0 halfway). */
function WeightInput({ value, onCommit }: { value: number; onCommit: (v: number) => void }) {
  const [text, setText] = useState(String(Number(value.toFixed(3))));
  const commit = () => {
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v) && Math.abs(v - value) > 1e-12) onCommit(v);
  };
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      Weight
      <input
        type="number"
        step={0.1}
        value={text}
        data-testid="weight-input"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        style={{ ...buttonStyle, padding: '0 6px', width: 80 }}
      />
    </label>
  );
}

/** Each of the seven features over the grid, for the input thumbnails. */
function allFeatureMaps(): Float32Array[] {
  return FEATURE_NAMES.map((f) => {
    const m = new Float32Array(GRID_SIZE * GRID_SIZE);
    for (let j = 0; j < GRID_SIZE; j++) {
      const x2 = EXTENT - ((j + 0.5) * 2 * EXTENT) / GRID_SIZE;
      for (let i = 0; i < GRID_SIZE; i++) m[j * GRID_SIZE + i] = FEATURES[f].f(-EXTENT + ((i + 0.5) * 2 * EXTENT) / GRID_SIZE, x2);
    }
    return m;
  });
}
