import type { MnistModelKind } from '../common/mnistModels';
import { HELD_OUT_LABELS } from '../common/mnistDigits';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import { caution, pct } from '../FeatureMaps/layers';
import type { Stroke } from './rasterize';
import { isDigitTransform, type DigitTransform } from './transforms';

/**
 * The drawing pad's model: state, checks, pen widths, default layers and the status. Pure.
 */

/** The pen widths offered: thin, medium (MNIST-like strokes) or finger (touch screens). */
export type PenWidth = 'thin' | 'medium' | 'finger';

/** Pen radius as a fraction of the pad's side, per width. */
export const PEN_RADIUS: Record<PenWidth, number> = { thin: 0.03, medium: 0.045, finger: 0.07 };

/** Display names of the pen widths. */
export const PEN_LABELS: Record<PenWidth, string> = { thin: 'Thin', medium: 'Medium', finger: 'Finger' };

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
  /** Pen width. Default 'medium'. */
  pen?: PenWidth;
  /**
   * Invariance mode: the translation, rotation, scaling, shearing, illumination and occlusion
   * applied to the input the networks see, or null (default) for the input as it is.
   */
  invariance?: DigitTransform | null;
}

/** Display names of the models. */
export const MODEL_LABEL: Record<MnistModelKind, string> = { fc: 'Fully connected (784-128-10)', cnn: 'Convolutional (CNN)' };

/** Each model's layers, before its first pass gives the real list. */
export const MODEL_LAYERS: Record<MnistModelKind, string[]> = {
  cnn: ['Input layer', 'Convolution layer 1', 'Downsampling layer 1', 'Convolution layer 2', 'Downsampling layer 2', 'Fully-connected layer 1', 'Output layer'],
  fc: ['Input layer', 'Fully-connected layer 1', 'Output layer'],
};

/** The default state: an empty pad and the CNN. */
export const DEFAULT_STATE: DigitDrawingPadState = { model: 'cnn', strokes: [], sample: null, visibleLayers: ['Input layer', 'Convolution layer 1', 'Fully-connected layer 1'], pen: 'medium' };

const strokes = (v: unknown): v is Stroke[] =>
  Array.isArray(v) && v.every((s) => Array.isArray(s) && s.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x))));

/** How a `defaultValue` is checked field by field. */
export const STATE_CHECKS: FieldChecks<DigitDrawingPadState> = {
  model: fieldCheck.oneOf<MnistModelKind>('fc', 'cnn'),
  strokes,
  sample: (v: unknown): v is number | null => v === null || fieldCheck.integer(0, HELD_OUT_LABELS.length - 1)(v),
  visibleLayers: fieldCheck.arrayOf((x: unknown): x is string => typeof x === 'string'),
  pen: fieldCheck.oneOf<PenWidth>('thin', 'medium', 'finger'),
  invariance: (v: unknown): v is DigitTransform | null => v === null || isDigitTransform(v),
};

/** The status line: loading, an error, the invitation, or the guesses (with a caution when unsure). */
export function statusText(o: {
  error: string | null;
  loaded: boolean;
  hasInput: boolean;
  kind: MnistModelKind;
  sample: number | null;
  order: [number, number][];
  compare?: { kind: MnistModelKind; before: [number, number]; after: [number, number] }[] | null;
}): string {
  const name = o.kind === 'cnn' ? 'CNN' : 'fully connected';
  if (o.error) return `Could not load the ${name} model: ${o.error}`;
  if (!o.loaded) return `Loading the ${name} model…`;
  if (!o.hasInput || o.order.length < 2) return 'Draw a digit, or pick a held-out one.';
  const [first, second] = o.order;
  const held = o.sample !== null ? `Held-out digit ${o.sample + 1} (a ${HELD_OUT_LABELS[o.sample]}). ` : '';
  return `${held}First guess: ${first[0]} (${pct(first[1])}). Second guess: ${second[0]} (${pct(second[1])}).${caution(first[1])}${invarianceText(o.compare)}`;
}

/** "Transformed: fully connected 7 → 2 (55.0%), CNN 7 → 7 (98.0%)." in invariance mode, else ''. */
export function invarianceText(compare: { kind: MnistModelKind; before: [number, number]; after: [number, number] }[] | null | undefined): string {
  if (!compare?.length) return '';
  const parts = compare.map((r) => `${r.kind === 'cnn' ? 'CNN' : 'fully connected'} ${r.before[0]} → ${r.after[0]} (${pct(r.after[1])})`);
  return ` Transformed: ${parts.join(', ')}.`;
}
