import type { WasmPaths } from '@geolearn/algorithms/nn';
import { useEffect, useId, useMemo, useState, type CSSProperties } from 'react';
import { diverging, greyInk, GridCanvas } from '../common/GridCanvas';
import { LayerActivations, type ActivationLayer } from '../common/LayerActivations';
import { HELD_OUT_LABELS, heldOutDigit } from '../common/mnistDigits';
import type { MnistModelSource } from '../common/mnistModels';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { useMnistModel } from '../common/useMnistModel';
import { titledLayers } from '../DigitDrawingPad/DigitDrawingPad';

const ink = greyInk(0, 1);

/** The explainer's state: plain JSON. */
export interface FeatureMapsState {
  /** The held-out MNIST digit shown (index into the 30 shipped). */
  sample: number;
}

/** Props of {@link FeatureMaps}. */
export interface FeatureMapsProps {
  /** Width in px. Default 760. */
  width?: number;
  /** Height of the digit picture in px. Default 140. */
  height?: number;
  /** Controlled state. */
  value?: FeatureMapsState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<FeatureMapsState>;
  /** Called with every new state. */
  onValueChange?: (state: FeatureMapsState) => void;
  /** The CNN: URLs or loaded model.json and weights. Default the shipped weights. Pass a stable object. */
  model?: MnistModelSource;
  /** Where the page serves TF.js's .wasm files; by default the copies shipped in this package's assets. */
  wasmPaths?: WasmPaths;
  /** Accessible name and title. Default "What the CNN sees". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/**
 * Inside the trained MNIST CNN: its first-layer filters (the 5 × 5 kernels it learned, blue
 * positive, orange negative) and every layer's feature maps for a chosen held-out digit,
 * from the input through convolution, ReLU and max-pooling to the dense layer and the
 * softmax output.
 */
export function FeatureMaps({ width = 760, height = 140, value, defaultValue, onValueChange, model: source, wasmPaths, label = 'What the CNN sees', className, style }: FeatureMapsProps) {
  const id = useId();
  const [state, setState] = useControllableState<FeatureMapsState>({ value, defaultValue: { sample: 0, ...defaultValue }, onChange: onValueChange });
  const { model, error } = useMnistModel('cnn', source, wasmPaths);
  const digit = useMemo(() => heldOutDigit(state.sample), [state.sample]);
  const [layers, setLayers] = useState<ActivationLayer[] | null>(null);
  const [filters, setFilters] = useState<{ shape: number[]; data: Float32Array } | null>(null);
  useEffect(() => {
    if (!model) {
      setLayers(null);
      return;
    }
    setLayers(titledLayers(model.activations(digit)));
  }, [model, digit]);
  useEffect(() => {
    if (!model) return setFilters(null);
    const first = model.net.layers.findIndex((l) => l.type === 'conv2d');
    setFilters(first >= 0 ? model.filters(first) : null);
  }, [model]);

  const kernels = useMemo(() => {
    if (!filters) return [];
    const [kh, kw, cin, nf] = filters.shape;
    let max = 0;
    for (const v of filters.data) max = Math.max(max, Math.abs(v));
    return Array.from({ length: nf }, (_, f) => {
      const k = new Float32Array(kh * kw);
      for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) k[y * kw + x] = filters.data[((y * kw + x) * cin + 0) * nf + f];
      return { k, kh, kw, max };
    });
  }, [filters]);
  const filterColor = useMemo(() => diverging(kernels[0]?.max ?? 1), [kernels]);
  const out = layers?.[layers.length - 1];
  let best = -1;
  if (out) for (let d = 0; d < out.data.length; d++) if (best < 0 || out.data[d] > out.data[best]) best = d;
  const status = error
    ? `Could not load the CNN: ${error}`
    : !layers
      ? 'Loading the CNN…'
      : `Held-out digit ${state.sample + 1}, a ${HELD_OUT_LABELS[state.sample]}: the CNN says ${best} (${(100 * out!.data[best]).toFixed(1)}%).`;

  return (
    <figure className={className} aria-labelledby={`${id}-title`} style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, width, maxWidth: '100%', ...style })}>
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Digit
          <select value={state.sample} onChange={(e) => setState({ sample: Number(e.target.value) })} style={{ ...buttonStyle, padding: '0 8px' }}>
            {HELD_OUT_LABELS.map((d, i) => <option key={i} value={i}>#{i + 1}: a {d}</option>)}
          </select>
        </label>
        <button type="button" style={buttonStyle} onClick={() => setState((s) => ({ sample: (s.sample + HELD_OUT_LABELS.length - 1) % HELD_OUT_LABELS.length }))}>Previous</button>
        <button type="button" style={buttonStyle} onClick={() => setState((s) => ({ sample: (s.sample + 1) % HELD_OUT_LABELS.length }))}>Next</button>
      </div>
      <output aria-live="polite" data-testid="status" data-guess={best} style={{ color: error ? cssVar('--gl-path') : undefined }}>{status}</output>
      <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start' }}>
        <div role="img" aria-label={`Held-out digit ${state.sample + 1}, a ${HELD_OUT_LABELS[state.sample]}`} style={{ border: `1px solid ${cssVar('--gl-border')}` }}>
          <GridCanvas values={digit} rows={28} cols={28} width={height} height={height} color={ink} testId="digit" />
        </div>
        <div>
          <div style={{ fontSize: 13, marginBottom: 4 }}>First-layer filters W<sub>k</sub> (5 × 5, learned)</div>
          <div role="img" aria-label={`${kernels.length} learned 5 × 5 filters of the first convolution layer; blue weights are positive, orange negative`} data-testid="filters" data-count={kernels.length} style={{ display: 'flex', flexWrap: 'wrap', gap: 4, width: Math.min(width - height - 24, 8 * 44) }}>
            {kernels.map(({ k, kh, kw }, f) => (
              <GridCanvas key={f} values={k} rows={kh} cols={kw} width={40} height={40} color={filterColor} style={{ border: `1px solid ${cssVar('--gl-border')}` }} />
            ))}
          </div>
        </div>
      </div>
      <div style={{ display: 'grid', gap: 8 }} data-testid="maps" data-layers={layers?.length ?? 0}>
        {layers
          ?.filter((l) => l.type !== 'input')
          .map((l) => (
            <div key={l.title}>
              <div style={{ fontSize: 13, margin: '4px 0' }}>{l.title} <span style={{ color: cssVar('--gl-muted') }}>({l.shape.join(' × ')})</span></div>
              <LayerActivations layer={l} width={width} mapSize={l.shape[0] > 20 ? 56 : 40} />
            </div>
          ))}
      </div>
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`\mathbf{h}_k=\mathrm{ReLU}\Bigl(\sum_n\sum_m x_{nm}\,W_{k,\,i-n,\,j-m}+b_k\Bigr),\qquad \text{max-pool: } p_{ij}=\max_{(n,m)\in 2\times 2\ \text{block}} h_{nm}`}</Tex>
      </figcaption>
    </figure>
  );
}
