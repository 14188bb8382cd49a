import { useMemo } from 'react';
import { conceptColor, sequential } from '../common/colors';
import { ColorLegend } from '../kit/ColorLegend';
import { Heatmap } from '../kit/Heatmap';
import { layerScale, mapsOf, pct, type ActivationLayer, minusFormat } from './layers';

/** Props of {@link LayerMaps}. */
export interface LayerMapsProps {
  /** The layer's activations. */
  layer: ActivationLayer;
  /** Width available, px. */
  width: number;
  /** Largest side of one map, px. Default 56. */
  mapSize?: number;
  /** The first layer's filters, filter k drawn right above map k. */
  filters?: { kernels: Float32Array[]; kh: number; kw: number; max: number } | null;
  /** Called when a map is clicked (to enlarge it). */
  onEnlarge?: (title: string, k: number) => void;
  /** The enlarged map's index in this layer, outlined. */
  selected?: number | null;
}

/** How a layer is described to screen readers (its strongest maps or units). */
export function describeLayer(layer: ActivationLayer): string {
  const spatial = layer.shape.length === 3;
  const [h, w, c] = spatial ? layer.shape : [1, layer.shape[0], 1];
  const strength = spatial ? mapsOf(layer).map((m) => m.reduce((s, v) => s + v, 0) / m.length) : Array.from(layer.data);
  const top = strength
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([, i]) => i + (layer.title === 'Output layer' ? 0 : 1));
  if (layer.title === 'Output layer') return `${layer.title}: ${w} units, the probabilities of the digits 0 to 9; most likely ${top.join(', ')}`;
  return spatial ? `${layer.title}: ${c} feature map${c > 1 ? 's' : ''} of ${h} × ${w}${c > 1 ? `; strongest maps ${top.join(', ')}` : ''}` : `${layer.title}: ${w} units; most active units ${top.join(', ')}`;
}

/**
 * A layer's activations: one map per channel for [h, w, c] layers, all on ONE diverging
 * scale shared by the layer (so maps can be compared; its key beside the title), with the
 * first layer's filter k right above map k; dense layers as a row of cells; the output as
 * ten cells labelled with their digits and probabilities. Click a map to enlarge it.
 */
export function LayerMaps({ layer, width, mapSize = 56, filters, onEnlarge, selected }: LayerMapsProps) {
  const m = useMemo(() => layerScale(layer), [layer]);
  const spatial = layer.shape.length === 3;
  const input = layer.type === 'input';
  const maps = useMemo(() => (spatial ? mapsOf(layer) : []), [layer, spatial]);
  const description = describeLayer(layer);
  const head = (
    <div className="gl-fm-layer-head">
      <span className="gl-fm-layer-title">
        {layer.title} <span className="gl-fm-shape">({layer.shape.join(' × ')})</span>
      </span>
      {layer.title !== 'Output layer' && (
        <ColorLegend format={minusFormat} kind={input ? 'sequential' : 'diverging'} domain={input ? [0, 1] : [-m, m]} title={input ? 'ink' : 'activation (shared scale)'} ticks={3} width={150} />
      )}
    </div>
  );
  if (!spatial) return <div className="gl-fm-layer">{head}<DenseCells layer={layer} width={width} m={m} description={description} /></div>;
  const [h, w, c] = layer.shape;
  // 16 maps a row, or 8 or 4 when that keeps each map at least 28 px (a phone).
  const fit = (k: number) => Math.floor((width - 6 * (k - 1)) / k);
  const perRow = Math.min(c, [16, 8, 4].find((k) => fit(Math.min(c, k)) >= 28) ?? 4);
  const size = Math.max(12, Math.min(mapSize, fit(perRow)));
  const mapH = Math.round((size * h) / w);
  return (
    <div className="gl-fm-layer">
      {head}
      <div role="img" aria-label={description} data-testid={`layer-${layer.title}`} className="gl-fm-maps">
        {maps.map((map, k) => (
          <div key={k} className="gl-fm-map" data-selected={selected === k || undefined} data-k={k + 1} onClick={onEnlarge ? () => onEnlarge(layer.title, k) : undefined}>
            {filters?.kernels[k] && (
              <Heatmap values={filters.kernels[k]} rows={filters.kh} cols={filters.kw} width={size} height={size} kind="diverging" domain={[-filters.max, filters.max]} label={`filter ${k + 1}`} />
            )}
            <Heatmap values={map} rows={h} cols={w} width={size} height={mapH} kind={input ? 'sequential' : 'diverging'} domain={input ? [0, 1] : [-m, m]} label={`map ${k + 1}`} />
            {c > 1 && <span className="gl-fm-k">{k + 1}</span>}
          </div>
        ))}
      </div>
    </div>
  );
}

/** A dense layer as cells (up to 32 a row), or the output as ten cells labelled 0–9 with their probabilities. */
function DenseCells({ layer, width, m, description }: { layer: ActivationLayer; width: number; m: number; description: string }) {
  const n = layer.shape[0];
  const output = layer.title === 'Output layer';
  const cols = output ? n : Math.min(n, 32);
  const rows = Math.ceil(n / cols);
  const cell = output ? Math.max(26, Math.min(48, Math.floor(width / cols))) : Math.max(6, Math.min(16, Math.floor(width / cols)));
  const labelH = output ? 34 : 0;
  return (
    <svg width={cols * cell} height={rows * cell + labelH} role="img" aria-label={description} data-testid={`layer-${layer.title}`} className="gl-fm-dense">
      {Array.from(layer.data, (v, i) => {
        const x = (i % cols) * cell;
        const y = Math.floor(i / cols) * cell;
        return (
          <g key={i} data-unit={i}>
            <rect x={x} y={y} width={cell} height={cell} className="gl-fm-cell-bg" />
            {output ? (
              <rect x={x} y={y} width={cell} height={cell} fill={sequential(v)} className="gl-fm-cell" />
            ) : (
              <rect x={x} y={y} width={cell} height={cell} fill={conceptColor(v >= 0 ? 'weightPos' : 'weightNeg')} fillOpacity={Math.abs(v) / m} className="gl-fm-cell" />
            )}
            {output && (
              <>
                <text x={x + cell / 2} y={rows * cell + 14} textAnchor="middle" className="gl-fm-digit" data-testid={`output-digit-${i}`}>
                  {i}
                </text>
                <text x={x + cell / 2} y={rows * cell + 28} textAnchor="middle" className="gl-fm-prob">
                  {pct(v).replace('.0%', '%')}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
