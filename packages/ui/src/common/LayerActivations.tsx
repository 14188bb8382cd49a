import { useMemo } from 'react';
import { greyInk, GridCanvas } from './GridCanvas';

/** One layer's output, as the nn module's `CNN.activations()` gives it. */
export interface ActivationLayer {
  /** Display title ("Convolution layer 1"…). */
  title: string;
  /** The layer type ('input', 'conv2d', 'maxPool2d', 'dense'…). */
  type: string;
  /** [h, w, c] for maps, [units] for dense layers. */
  shape: number[];
  /** Row-major values, channel last. */
  data: Float32Array;
}

/** Props of {@link LayerActivations}. */
export interface LayerActivationsProps {
  /** The layer's activations. */
  layer: ActivationLayer;
  /** Width available in px. */
  width: number;
  /** Largest side of one feature map in px. Default 56. */
  mapSize?: number;
}

const ink = greyInk(0, 1);

/**
 * A layer's activations: one small picture per feature map for [h, w, c] layers (each map
 * scaled to the layer's largest value, dark = strong), or one square per unit for dense
 * layers. A picture for screen readers, described by its strongest maps or units.
 */
export function LayerActivations({ layer, width, mapSize = 56 }: LayerActivationsProps) {
  const { shape, data } = layer;
  const spatial = shape.length === 3;
  const [h, w, c] = spatial ? shape : [1, shape[0], 1];
  const maps = useMemo(() => {
    let max = 0;
    for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i]));
    const scale = max > 0 ? 1 / max : 1;
    if (!spatial) return { list: [Float32Array.from(data, (v) => v * scale)], strength: Array.from(data) };
    const list: Float32Array[] = [];
    const strength: number[] = [];
    for (let ch = 0; ch < c; ch++) {
      const m = new Float32Array(h * w);
      let s = 0;
      for (let p = 0; p < h * w; p++) {
        m[p] = data[p * c + ch] * scale;
        s += data[p * c + ch];
      }
      list.push(m);
      strength.push(s / (h * w));
    }
    return { list, strength };
  }, [data, spatial, h, w, c]);
  const top = maps.strength
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([, i]) => i + 1);
  const description = spatial
    ? `${layer.title}: ${c} feature map${c > 1 ? 's' : ''} of ${h} × ${w}${c > 1 ? `; strongest maps ${top.join(', ')}` : ''}`
    : `${layer.title}: ${w} units; most active units ${top.join(', ')}`;

  if (!spatial) {
    const cols = Math.min(w, 32);
    const rows = Math.ceil(w / cols);
    const cell = Math.max(6, Math.min(16, Math.floor(width / cols)));
    const padded = new Float32Array(rows * cols);
    padded.set(maps.list[0]);
    return (
      <div role="img" aria-label={description} data-testid={`layer-${layer.title}`}>
        <GridCanvas values={padded} rows={rows} cols={cols} width={cols * cell} height={rows * cell} color={ink} className="gl-layer-map" />
      </div>
    );
  }
  const size = Math.max(12, Math.min(mapSize, Math.floor((width - 7 * Math.min(c, 16)) / Math.min(c, 16))));
  return (
    <div role="img" aria-label={description} data-testid={`layer-${layer.title}`} style={{ display: 'flex', flexWrap: 'wrap', gap: 4, width }}>
      {maps.list.map((m, i) => (
        <GridCanvas key={i} values={m} rows={h} cols={w} width={size} height={size * (h / w)} color={ink} className="gl-layer-map" />
      ))}
    </div>
  );
}
