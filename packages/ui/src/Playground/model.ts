/**
 * The playground's pure model and layout: panel sizes from the measured width, the
 * network diagram's geometry and edges, the output field shown on the big plot (the
 * network's output, or one neuron's while hovered), the status text and small helpers.
 * No DOM, no React.
 */
import type { LayerWeights, NeuronOutputs } from '@geolearn/algorithms/mlp';
import { FEATURE_NAMES, FEATURES, type FeatureName, type PlaygroundActivation, type PlaygroundState } from './state';

/** Layout of the three panels for a content width. */
export interface PanelLayout {
  /** One column (width < 640 px). */
  compact: boolean;
  /** Width of the network panel, px. */
  netW: number;
  /** Width of the output panel, px. */
  outW: number;
  /** Side of the output heatmap, px. */
  heat: number;
  /** Width of the data panel, px. */
  dataW: number;
}

/** Gap between panels (the `.gl-body` gap), px. */
export const PANEL_GAP = 12;

/**
 * Panel sizes: side by side (network | output) when wide, stacked when compact. The widths
 * sum to at most `avail`, so the output can never cover the network.
 */
export function panelLayout(avail: number, height: number, compact: boolean): PanelLayout {
  const w = Math.max(200, Math.floor(avail));
  if (compact) {
    const heat = Math.min(w, 420);
    return { compact, netW: w, outW: w, heat, dataW: w };
  }
  const outW = Math.max(220, Math.min(360, Math.round(w * 0.36)));
  const netW = Math.max(200, w - outW - PANEL_GAP);
  const heat = Math.max(120, Math.min(outW, height - 150, 360));
  return { compact, netW, outW, heat, dataW: w };
}

/** Geometry of the network diagram. */
export interface NetworkGeometry {
  width: number;
  height: number;
  /** Side of a neuron's thumbnail, px. */
  node: number;
  /** Vertical pitch of the neurons, px. */
  pitch: number;
  /** Height of the header (layer titles and +/− buttons), px. */
  top: number;
  /** Whether a layer's + and − buttons are stacked (narrow columns). */
  stackButtons: boolean;
  /** Columns too narrow for 44 px buttons: the layer buttons go in a row under the diagram. */
  buttonsBelow: boolean;
  /** x of column c (0 = features, 1… hidden layers, last = output). */
  colX: (c: number) => number;
  /** y of row i. */
  rowY: (i: number) => number;
}

/** Width reserved at the left for the feature labels, px. */
const LABEL_W = 46;

/** Lays the diagram out in `width` px: features, hidden layers, output, evenly spaced. */
export function networkGeometry(width: number, height: number, hidden: readonly number[], compact: boolean): NetworkGeometry {
  const cols = hidden.length + 2;
  const pitchX = (width - LABEL_W - 4) / Math.max(1, cols - 1);
  const node = Math.max(22, Math.min(36, Math.floor(pitchX * 0.55), compact ? 30 : 36));
  const stackButtons = pitchX < 96;
  const buttonsBelow = pitchX < 48;
  const top = buttonsBelow ? 24 : stackButtons ? 112 : 70;
  const rows = Math.max(FEATURE_NAMES.length, ...hidden, 1);
  const pitch = Math.max(node + 6, Math.min(48, compact ? node + 10 : 48));
  const span = (width - LABEL_W - node - 4) / Math.max(1, cols - 1);
  const colX = (c: number) => Math.round(LABEL_W + c * span);
  const rowY = (i: number) => top + i * pitch;
  return { width, height: Math.max(compact ? 0 : height, top + rows * pitch), node, pitch, top, stackButtons, buttonsBelow, colX, rowY };
}

/** One weight as an edge of the diagram. */
export interface Edge {
  key: string;
  /** Weight layer, from unit, to unit. */
  at: [number, number, number];
  v: number;
  /** SVG path. */
  d: string;
  /** Middle of the curve (where its editor opens). */
  mid: [number, number];
}

/** Every weight as an edge from unit i of layer l to unit j of layer l + 1 (features drawn at their fixed rows). */
export function edgesOf(weights: readonly LayerWeights[], g: NetworkGeometry, features: readonly FeatureName[]): Edge[] {
  const L = weights.length;
  const unitY = (l: number, i: number) => (l === 0 ? g.rowY(FEATURE_NAMES.indexOf(features[i])) : g.rowY(i)) + g.node / 2;
  return weights.flatMap((w, l) =>
    w.weights.flatMap((row, i) =>
      row.map((v, j) => {
        const x1 = g.colX(l) + g.node;
        const y1 = unitY(l, i);
        const x2 = g.colX(l + 1);
        const y2 = l + 1 === L ? g.rowY(0) + g.node / 2 : unitY(l + 1, j);
        const xm = (x1 + x2) / 2;
        return { key: `${l}-${i}-${j}`, at: [l, i, j] as [number, number, number], v, d: `M${x1},${y1}C${xm},${y1} ${xm},${y2} ${x2},${y2}`, mid: [xm, (y1 + y2) / 2] as [number, number] };
      }),
    ),
  );
}

/** Largest |w| over the layers (for the edges' thickness); at least 1. */
export function maxAbsWeight(weights: readonly LayerWeights[]): number {
  let m = 0;
  for (const w of weights) for (const row of w.weights) for (const v of row) m = Math.max(m, Math.abs(v));
  return Math.max(1, m);
}

/** Name of unit u of layer l, for labels ("x₁", "layer 2 unit 3", "output"). */
export function unitName(l: number, u: number, features: readonly FeatureName[], nLayers: number, nOut: number): string {
  if (l === 0) return FEATURES[features[u]].label;
  if (l === nLayers) return nOut > 1 ? `output ${u + 1}` : 'output';
  return `layer ${l} unit ${u + 1}`;
}

/** A neuron picked on the diagram: hidden layer (1-based, as in the labels) and unit. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

/** What the big plot shows: values in [−1, 1] (diverging) or class + confidence (classes). */
export interface OutputField {
  values: Float32Array;
  kind: 'diverging' | 'classes';
}

/**
 * The field on the big plot. Binary classification: 2p − 1 ∈ [−1, 1] (class 0 at −1, as the
 * Playground's orange); k classes: argmax + confidence ∈ [0, 1); regression: the prediction.
 * A hovered neuron: its output scaled to [−1, 1]. Discretized: the sign, or the argmax.
 */
export function outputField(grid: NeuronOutputs, s: Pick<PlaygroundState, 'problem' | 'discretize' | 'activation'>, nOut: number, preview: NeuronRef | null): OutputField {
  const n = grid.n;
  const out = new Float32Array(n);
  const disc = s.discretize;
  if (preview) {
    const v = grid.neurons[preview.layer - 1]?.[preview.unit];
    if (v) {
      const scale = neuronScale(v, s.activation);
      for (let i = 0; i < n; i++) out[i] = disc ? Math.sign(scale(v[i])) : scale(v[i]);
      return { values: out, kind: 'diverging' };
    }
  }
  const o = grid.output;
  if (s.problem === 'regression') for (let i = 0; i < n; i++) out[i] = disc ? Math.sign(o[i]) : o[i];
  else if (nOut === 1) for (let i = 0; i < n; i++) out[i] = disc ? (o[i] >= 0.5 ? 1 : -1) : 2 * o[i] - 1;
  else {
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let c = 1; c < nOut; c++) if (o[i * nOut + c] > o[i * nOut + a]) a = c;
      out[i] = a + (disc ? 0.999 : Math.min(0.999, Math.max(0, (o[i * nOut + a] - 1 / nOut) / (1 - 1 / nOut))));
    }
    return { values: out, kind: 'classes' };
  }
  return { values: out, kind: 'diverging' };
}

/** Maps a neuron's output to [−1, 1] for its thumbnail: sigmoid 2h − 1, tanh as is, others by their largest |h|. */
export function neuronScale(v: ArrayLike<number>, activation: PlaygroundActivation): (h: number) => number {
  if (activation === 'sigmoid') return (h) => 2 * h - 1;
  if (activation === 'tanh') return (h) => h;
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  const k = 1 / (m || 1);
  return (h) => h * k;
}

/** At most `max` points of a curve (every k-th, the last kept), so a 10,000-epoch curve stays light. */
export function decimate(points: readonly [number, number][], max = 600): [number, number][] {
  if (points.length <= max) return points as [number, number][];
  const k = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % k === 0);
  if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]);
  return out;
}

/** Numbers with the minus sign "−" and 3 significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const s = a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
  return s.replace('-', '−');
}

/** The status line. */
export function statusText(o: { epoch: number; diverged: number | null; learningRate: number; train?: number; test?: number; accuracy: number | null; capped: boolean; maxEpochs: number }): string {
  if (o.diverged !== null) return `Diverged at epoch ${o.diverged}: η = ${fmt(o.learningRate)} is too large. Lower it and press Reset.`;
  const parts = [`Epoch ${o.epoch}`, `train loss ${o.train === undefined ? '–' : fmt(o.train)}`, `test loss ${o.test === undefined ? '–' : fmt(o.test)}`];
  if (o.accuracy !== null) parts.push(`test accuracy ${(100 * o.accuracy).toFixed(1)}%`);
  if (o.capped) parts.push(`stopped at the limit of ${o.maxEpochs.toLocaleString('en')} epochs`);
  return parts.join(' · ');
}

/** Each of the seven features over the grid (standardised for display only, to [−1, 1]), for the input thumbnails. */
export function featureMaps(size: number, extent: number): Float32Array[] {
  return FEATURE_NAMES.map((f) => {
    const m = new Float32Array(size * size);
    let peak = 0;
    for (let j = 0; j < size; j++) {
      const x2 = extent - ((j + 0.5) * 2 * extent) / size;
      for (let i = 0; i < size; i++) {
        const v = FEATURES[f].f(-extent + ((i + 0.5) * 2 * extent) / size, x2);
        m[j * size + i] = v;
        peak = Math.max(peak, Math.abs(v));
      }
    }
    for (let k = 0; k < m.length; k++) m[k] /= peak || 1;
    return m;
  });
}
