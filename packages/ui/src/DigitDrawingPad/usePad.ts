import { MNIST_SIZE, preprocessDigit, type WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { HELD_OUT_LABELS, useHeldOutDigits } from '../common/mnistDigits';
import type { MnistModelKind, MnistModelSource } from '../common/mnistModels';
import { useMnistModel } from '../common/useMnistModel';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { ranked, titledLayers, type ActivationLayer } from '../FeatureMaps/layers';
import { DEFAULT_STATE, MODEL_LAYERS, PEN_RADIUS, STATE_CHECKS, statusText, type DigitDrawingPadState, type PenWidth } from './model';
import { rasterizeStrokes } from './rasterize';

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
  const { model, backend, error } = useMnistModel(state.model, models?.[state.model], wasmPaths);
  const digitAt = useHeldOutDigits();
  const pen: PenWidth = state.pen ?? 'medium';
  const [drawing, setDrawing] = useState(false);
  // The pen state for the handlers: a ref, so that moves right after the press see it.
  const penDown = useRef(false);

  // The 28 × 28 input: a held-out digit as it is, or the drawing rasterised and preprocessed.
  const input = useMemo(() => {
    if (state.sample !== null) return preprocessDigit(digitAt(state.sample), MNIST_SIZE, MNIST_SIZE);
    if (state.strokes.length === 0) return null;
    return preprocessDigit(rasterizeStrokes(state.strokes, RASTER, RASTER * PEN_RADIUS[pen]), RASTER, RASTER);
  }, [state.sample, state.strokes, digitAt, pen]);

  // One forward pass per change gives every layer's activations, the output's included.
  const [result, setResult] = useState<{ layers: ActivationLayer[]; probs: Float32Array; ms: number } | null>(null);
  useEffect(() => {
    if (!model || !input) {
      setResult(null);
      return;
    }
    const t0 = performance.now();
    const layers = titledLayers(model.activations(input));
    setResult({ layers, probs: layers[layers.length - 1].data, ms: performance.now() - t0 });
  }, [model, input]);
  const order = result ? ranked(result.probs) : [];

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
    toggleLayer: (title: string) =>
      setState((s) => ({ ...s, visibleLayers: s.visibleLayers.includes(title) ? s.visibleLayers.filter((t) => t !== title) : [...s.visibleLayers, title] })),
  };
  return {
    state,
    pen,
    digitAt,
    input,
    result,
    order,
    backend,
    error,
    drawing,
    pointer,
    actions,
    layerTitles: result?.layers.map((l) => l.title) ?? MODEL_LAYERS[state.model],
    status: statusText({ error, loaded: Boolean(model), hasInput: Boolean(input), kind: state.model, sample: state.sample, order }),
  };
}

/** Everything {@link usePad} returns. */
export type PadModel = ReturnType<typeof usePad>;
