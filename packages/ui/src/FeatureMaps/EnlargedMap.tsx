import { Button } from '../kit/buttons';
import { ColorLegend } from '../kit/ColorLegend';
import { Heatmap } from '../kit/Heatmap';
import { layerScale, mapsOf, type ActivationLayer, minusFormat } from './layers';

/** Which map is enlarged: a layer's title and the map's index. */
export interface MapChoice {
  title: string;
  k: number;
}

/** Props of {@link EnlargedMap}. */
export interface EnlargedMapProps {
  /** Every layer of the pass. */
  layers: readonly ActivationLayer[];
  /** The map shown. */
  choice: MapChoice;
  /** The first layer's filters, shown beside map k of Convolution layer 1. */
  filters?: { kernels: Float32Array[]; kh: number; kw: number; max: number } | null;
  /** Side of the enlarged map, px. */
  size: number;
  /** Shows another map. */
  onChoose: (c: MapChoice | null) => void;
}

/** One feature map enlarged (and its filter, for the first layer), with Previous/Next map and Close: the keyboard path too. */
export function EnlargedMap({ layers, choice, filters, size, onChoose }: EnlargedMapProps) {
  const layer = layers.find((l) => l.title === choice.title && l.shape.length === 3);
  if (!layer) return null;
  const [h, w, c] = layer.shape;
  const k = ((choice.k % c) + c) % c;
  const map = mapsOf(layer)[k];
  const m = layerScale(layer);
  const input = layer.type === 'input';
  const filter = layer.title === 'Convolution layer 1' ? filters?.kernels[k] : undefined;
  return (
    <div className="gl-panel gl-fm-enlarged" data-gl-panel="" data-testid="enlarged-map" data-layer={layer.title} data-k={k + 1}>
      <div className="gl-fm-layer-title">
        {layer.title}, map {k + 1} of {c} ({h} × {w})
      </div>
      <div className="gl-fm-enlarged-row">
        {filter && filters && (
          <Heatmap values={filter} rows={filters.kh} cols={filters.kw} width={Math.round(size / 2)} height={Math.round(size / 2)} kind="diverging" domain={[-filters.max, filters.max]} label={`Filter ${k + 1}: the 5 × 5 weights that make map ${k + 1}`} />
        )}
        <Heatmap values={map} rows={h} cols={w} width={size} height={Math.round((size * h) / w)} kind={input ? 'sequential' : 'diverging'} domain={input ? [0, 1] : [-m, m]} label={`${layer.title}, map ${k + 1}, enlarged`} />
      </div>
      <ColorLegend format={minusFormat} kind={input ? 'sequential' : 'diverging'} domain={input ? [0, 1] : [-m, m]} title="activation (the layer's shared scale)" ticks={3} width={Math.min(size, 220)} />
      <div className="gl-fm-row">
        <Button onClick={() => onChoose({ title: layer.title, k: (k + c - 1) % c })}>Previous map</Button>
        <Button onClick={() => onChoose({ title: layer.title, k: (k + 1) % c })}>Next map</Button>
        <Button onClick={() => onChoose(null)}>Close</Button>
      </div>
    </div>
  );
}
