import type { WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useMemo, useState } from 'react';
import { HELD_OUT_LABELS, useHeldOutDigits } from '../common/mnistDigits';
import type { MnistModelSource } from '../common/mnistModels';
import { useMnistModel } from '../common/useMnistModel';
import { fieldCheck, sanitizeDefaultValue, useControllableState, type FieldChecks } from '../hooks/useControllableState';
import type { MapChoice } from './EnlargedMap';
import { temperatureScale } from '../common/calibration';
import { caution, filtersOf, pct, ranked, titledLayers, type ActivationLayer } from './layers';

/** The explainer's state: plain JSON. */
export interface FeatureMapsState {
  /** The held-out MNIST digit shown (index into the 30 shipped). */
  sample: number;
}

const CHECKS: FieldChecks<FeatureMapsState> = { sample: fieldCheck.integer(0, HELD_OUT_LABELS.length - 1) };

/** What the hook needs from the props. */
export interface FeatureMapsInputs {
  value?: FeatureMapsState;
  defaultValue?: Partial<FeatureMapsState>;
  onValueChange?: (state: FeatureMapsState) => void;
  model?: MnistModelSource;
  wasmPaths?: WasmPaths;
}

/**
 * The feature maps' state: the chosen digit, the CNN (loaded in an effect), every layer's
 * activations and the first layer's filters (computed in effects, never on the server),
 * the enlarged map, the status and the actions.
 */
export function useFeatureMaps({ value, defaultValue, onValueChange, model: source, wasmPaths }: FeatureMapsInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<FeatureMapsState>('FeatureMaps', defaultValue, CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<FeatureMapsState>({ value, defaultValue: { sample: 0, ...clean }, onChange: onValueChange });
  const { model, error, temperature } = useMnistModel('cnn', source, wasmPaths);
  const digitAt = useHeldOutDigits();
  const digit = useMemo(() => digitAt(state.sample), [state.sample, digitAt]);
  const [layers, setLayers] = useState<ActivationLayer[] | null>(null);
  const [rawFilters, setRawFilters] = useState<{ shape: number[]; data: Float32Array } | null>(null);
  const [enlarged, setEnlarged] = useState<MapChoice | null>(null);
  useEffect(() => {
    if (!model) return setLayers(null);
    const all = titledLayers(model.activations(digit));
    // Calibrated output: softmax(log p / T), T from the model's calibration.json.
    const out = all[all.length - 1];
    all[all.length - 1] = { ...out, data: temperatureScale(out.data, temperature) };
    setLayers(all);
  }, [model, digit, temperature]);
  useEffect(() => {
    if (!model) return setRawFilters(null);
    const first = model.net.layers.findIndex((l) => l.type === 'conv2d');
    setRawFilters(first >= 0 ? model.filters(first) : null);
  }, [model]);
  const filters = useMemo(() => (rawFilters ? filtersOf(rawFilters) : null), [rawFilters]);
  const out = layers?.[layers.length - 1];
  const order = out ? ranked(out.data) : [];
  const best = order.length ? order[0][0] : -1;
  const n = HELD_OUT_LABELS.length;
  const status = error
    ? `Could not load the CNN: ${error}`
    : !layers
      ? 'Loading the CNN…'
      : `Held-out digit ${state.sample + 1}, a ${HELD_OUT_LABELS[state.sample]}: the CNN says ${best} (${pct(order[0][1])}).${caution(order[0][1])}`;
  const actions = {
    choose: (sample: number) => setState({ sample }),
    previous: () => setState((s) => ({ sample: (s.sample + n - 1) % n })),
    next: () => setState((s) => ({ sample: (s.sample + 1) % n })),
    enlarge: (c: MapChoice | null) => setEnlarged(c),
  };
  return { state, digit, layers, filters, enlarged, best, error, status, actions, temperature };
}

/** Everything {@link useFeatureMaps} returns. */
export type FeatureMapsModel = ReturnType<typeof useFeatureMaps>;
