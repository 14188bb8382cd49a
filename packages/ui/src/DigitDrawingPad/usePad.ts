import { MNIST_SIZE, preprocessDigit, type WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { HELD_OUT_LABELS, useHeldOutDigits } from '../common/mnistDigits';
import type { MnistModelKind, MnistModelSource } from '../common/mnistModels';
import { useMnistModel } from '../common/useMnistModel';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { ranked, titledLayers, type ActivationLayer } from '../FeatureMaps/layers';
import { temperatureScale } from '../common/calibration';
import { DEFAULT_STATE, MODEL_LAYERS, PEN_RADIUS, STATE_CHECKS, statusText, type DigitDrawingPadState, type PenWidth } from './model';
import { rasterizeStrokes } from './rasterize';
import { IDENTITY_TRANSFORM, transformDigit, type DigitTransform } from './transforms';

/** One model's top guess before and after the invariance transform. */
export interface InvarianceRow {
  /** The model. */
  kind: MnistModelKind;
  /** Top digit and its (calibrated) probability on the untransformed input. */
  before: [number, number];
  /** Top digit and its (calibrated) probability on the transformed input. */
  after: [number, number];
}

/** Side of the grid the strokes are rasterised on before MNIST's preprocessing. */
export const RASTER = 112;

/** What the hook needs from the props. */
export interface PadInputs {
  value?: DigitDrawingPadState;
  defaultValue?: Partial<DigitDrawingPadState>;
  onValueChange?: (state: DigitDrawingPadState) => void;
  models?: Partial<Record<MnistModelKind, MnistModelSource>>;
  wasmPaths?: WasmPaths;
}

/**
 * The pad's state: the drawing or held-out digit, the model (loaded in an effect), one
 * forward pass per change (in an effect: every layer's activations and the output), the
 * ranked guesses, the pointer handlers and the actions.
 */
export function usePad({ value, defaultValue, onValueChange, models, wasmPaths }: PadInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<DigitDrawingPadState>('DigitDrawingPad', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<DigitDrawingPadState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const { model, backend, error, temperature } = useMnistModel(state.model, models?.[state.model], wasmPaths);
  const invariance: DigitTransform | null = state.invariance ?? null;
  // In invariance mode the other model is loaded too, so that both guesses can be compared.
  const other: MnistModelKind = state.model === 'cnn' ? 'fc' : 'cnn';
  const second = useMnistModel(other, models?.[other], wasmPaths, invariance !== null);
  const digitAt = useHeldOutDigits();
  const pen: PenWidth = state.pen ?? 'medium';
  const [drawing, setDrawing] = useState(false);
  // The pen state for the handlers: a ref, so that moves right after the press see it.
  const penDown = useRef(false);

  // The 28 × 28 input: a held-out digit as it is, or the drawing rasterised and preprocessed.
  const base = useMemo(() => {
    if (state.sample !== null) return preprocessDigit(digitAt(state.sample), MNIST_SIZE, MNIST_SIZE);
    if (state.strokes.length === 0) return null;
    return preprocessDigit(rasterizeStrokes(state.strokes, RASTER, RASTER * PEN_RADIUS[pen]), RASTER, RASTER);
  }, [state.sample, state.strokes, digitAt, pen]);
  // What the network sees: the input, moved, lit and occluded in invariance mode.
  const input = useMemo(() => (base && invariance ? transformDigit(base, invariance) : base), [base, invariance]);

  // One forward pass per change gives every layer's activations, the output's included.
  const [result, setResult] = useState<{ layers: ActivationLayer[]; probs: Float32Array; ms: number } | null>(null);
  useEffect(() => {
    if (!model || !input) {
      setResult(null);
      return;
    }
    const t0 = performance.now();
    const layers = titledLayers(model.activations(input));
    // Calibrated output: softmax(log p / T), T from the model's calibration.json.
    const out = layers[layers.length - 1];
    const probs = temperatureScale(out.data, temperature);
    layers[layers.length - 1] = { ...out, data: probs };
    setResult({ layers, probs, ms: performance.now() - t0 });
  }, [model, input, temperature]);
  const order = result ? ranked(result.probs) : [];

  // Invariance mode: each loaded model's top guess before and after the transform.
  const [compare, setCompare] = useState<InvarianceRow[] | null>(null);
  useEffect(() => {
    if (!invariance || !base || !input) {
      setCompare(null);
      return;
    }
    const rows: InvarianceRow[] = [];
    for (const [kind, m, t] of [[state.model, model, temperature], [other, second.model, second.temperature]] as const) {
      if (!m) continue;
      const top = (x: Float32Array) => ranked(temperatureScale(m.predictProba(x), t))[0];
      rows.push({ kind, before: top(base), after: top(input) });
    }
    rows.sort((a, b) => (a.kind === 'fc' ? -1 : 1) - (b.kind === 'fc' ? -1 : 1));
    setCompare(rows);
  }, [invariance, base, input, model, temperature, state.model, other, second.model, second.temperature]);

  const toPoint = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    // A fraction of the on-screen box: exact under CSS transforms (scaled slides).
    const r = e.currentTarget.getBoundingClientRect();
    const q = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
    return [q((e.clientX - r.left) / r.width), q((e.clientY - r.top) / r.height)];
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
  const pointer = {
    onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => {
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
    },
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (!penDown.current) return;
      const p = toPoint(e);
      setState((s) => {
        const last = s.strokes[s.strokes.length - 1];
        if (!last) return s;
        const q = last[last.length - 1];
        if (Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.008) return s;
        return { ...s, strokes: [...s.strokes.slice(0, -1), [...last, p]] };
      });
    },
    onPointerUp: onUp,
    onPointerCancel: onUp,
  };
  const n = HELD_OUT_LABELS.length;
  const actions = {
    undo: () => setState((s) => ({ ...s, strokes: s.strokes.slice(0, -1) })),
    clear: () => setState((s) => ({ ...s, strokes: [], sample: null })),
    setModel: (m: MnistModelKind) => setState((s) => ({ ...s, model: m })),
    setSample: (v: number | null) => setState((s) => ({ ...s, strokes: [], sample: v })),
    nextSample: () => setState((s) => ({ ...s, strokes: [], sample: s.sample === null ? 0 : (s.sample + 1) % n })),
    setPen: (p: PenWidth) => setState((s) => ({ ...s, pen: p })),
    /** Invariance mode on (from the identity) or off. */
    setInvarianceMode: (on: boolean) => setState((s) => ({ ...s, invariance: on ? { ...IDENTITY_TRANSFORM } : null })),
    /** Changes one setting of the invariance transform. */
    setTransform: (key: keyof DigitTransform, v: number) => setState((s) => ({ ...s, invariance: { ...(s.invariance ?? IDENTITY_TRANSFORM), [key]: v } })),
    /** Back to the identity (invariance mode stays on). */
    resetTransform: () => setState((s) => ({ ...s, invariance: s.invariance ? { ...IDENTITY_TRANSFORM } : null })),
    toggleLayer: (title: string) =>
      setState((s) => ({ ...s, visibleLayers: s.visibleLayers.includes(title) ? s.visibleLayers.filter((t) => t !== title) : [...s.visibleLayers, title] })),
  };
  return {
    state,
    pen,
    digitAt,
    input,
    base,
    invariance,
    compare,
    temperature,
    result,
    order,
    backend,
    error,
    drawing,
    pointer,
    actions,
    layerTitles: result?.layers.map((l) => l.title) ?? MODEL_LAYERS[state.model],
    status: statusText({ error, loaded: Boolean(model), hasInput: Boolean(input), kind: state.model, sample: state.sample, order, compare }),
  };
}

/** Everything {@link usePad} returns. */
export type PadModel = ReturnType<typeof usePad>;
