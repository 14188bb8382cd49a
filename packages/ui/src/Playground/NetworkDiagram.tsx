import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { LayerWeights, NeuronOutputs } from '@geolearn/algorithms/mlp';
import { Button } from '../kit/buttons';
import { EdgeLayer } from './EdgeLayer';
import { FieldCanvas } from './FieldCanvas';
import { edgesOf, fmt, maxAbsWeight, neuronScale, unitName, type NetworkGeometry, type NeuronRef, type OutputField } from './model';
import { FEATURE_NAMES, FEATURES, MAX_UNITS, MAX_WEIGHT, type FeatureName, type PlaygroundActivation } from './state';
import { GRID_SIZE } from './trainer';

/** Props of {@link NetworkDiagram}. */
export interface NetworkDiagramProps {
  geometry: NetworkGeometry;
  features: readonly FeatureName[];
  hidden: readonly number[];
  activation: PlaygroundActivation;
  nOut: number;
  weights: readonly LayerWeights[];
  grid: NeuronOutputs;
  /** The network's output field (for the output node's thumbnail). */
  output: OutputField;
  /** The seven features over the grid, scaled to [−1, 1]. */
  featureMaps: readonly Float32Array[];
  /** The neuron previewed on the big plot. */
  preview: NeuronRef | null;
  onPreview: (n: NeuronRef | null, pin?: boolean) => void;
  onToggleFeature: (f: FeatureName) => void;
  onSetHidden: (h: number[]) => void;
  /** Sets weight (layer, from, to) to v. */
  onEditWeight: (layer: number, from: number, to: number, v: number) => void;
}

/**
 * The network: the seven features (on/off buttons with their pictures), each hidden neuron's
 * output over the plane as a thumbnail (hover or focus one to see it on the big plot), the
 * output, and the weights as edges (hover to read, click to edit beside the edge).
 */
export function NetworkDiagram(p: NetworkDiagramProps) {
  const g = p.geometry;
  const [editing, setEditing] = useState<string | null>(null);
  const edges = edgesOf(p.weights, g, p.features);
  const nLayers = p.hidden.length + 1;
  const describe = (e: { at: [number, number, number] }) => `from ${unitName(e.at[0], e.at[1], p.features, nLayers, p.nOut)} to ${unitName(e.at[0] + 1, e.at[2], p.features, nLayers, p.nOut)}`;
  const edit = edges.find((e) => e.key === editing) ?? null;
  const sizes = [p.features.length, ...p.hidden, p.nOut];
  return (
    <>
    <div className="gl-pg-network" style={{ width: g.width, height: g.height }} data-testid="network">
      <svg width={g.width} height={g.height} role="group" aria-label={`Network ${sizes.join('-')}: blue weights are positive, orange negative, thicker is larger. Hover a weight to read it, click it to edit it.`}>
        <EdgeLayer edges={edges} wMax={maxAbsWeight(p.weights)} selected={editing} onSelect={setEditing} describe={describe} />
        {sizes.slice(0, -1).map((n, l) => (
          <text key={l} className="gl-pg-layer-title" x={g.colX(l) + g.node / 2} y={12} textAnchor="middle">
            {l === 0 ? 'Features' : g.stackButtons ? `${n}` : `Layer ${l}: ${n}`}
          </text>
        ))}
        <text className="gl-pg-layer-title" x={g.colX(nLayers) + g.node / 2} y={12} textAnchor="middle">
          Output
        </text>
      </svg>
      {FEATURE_NAMES.map((f, i) => (
        <button
          key={f}
          type="button"
          className="gl-pg-node gl-pg-feature"
          aria-pressed={p.features.includes(f)}
          aria-label={`Feature ${FEATURES[f].label}`}
          onClick={() => p.onToggleFeature(f)}
          style={{ left: g.colX(0), top: g.rowY(i), width: g.node, height: g.node }}
        >
          <FieldCanvas values={p.featureMaps[i]} size={GRID_SIZE} width={g.node - 4} height={g.node - 4} kind="diverging" />
          <span className="gl-pg-feature-label" aria-hidden="true">
            {FEATURES[f].label}
          </span>
        </button>
      ))}
      {p.grid.neurons.slice(0, -1).map((layer, l) =>
        layer.map((v, j) => (
          <NeuronThumb key={`${l}-${j}`} values={v} activation={p.activation} left={g.colX(l + 1)} top={g.rowY(j)} size={g.node} name={unitName(l + 1, j, p.features, nLayers, p.nOut)} active={p.preview?.layer === l + 1 && p.preview.unit === j} onPreview={(on, pin) => p.onPreview(on ? { layer: l + 1, unit: j } : null, pin)} />
        )),
      )}
      <div className="gl-pg-node gl-pg-output-node" style={{ left: g.colX(nLayers), top: g.rowY(0), width: g.node, height: g.node }} role="img" aria-label="The network's output">
        <FieldCanvas values={p.output.values} size={GRID_SIZE} width={g.node - 2} height={g.node - 2} kind={p.output.kind} />
      </div>
      {!g.buttonsBelow && p.hidden.map((_, l) => <LayerButtons key={l} layer={l} hidden={p.hidden} onSetHidden={p.onSetHidden} stacked={g.stackButtons} style={{ left: g.colX(l + 1) + g.node / 2 - (g.stackButtons ? 22 : 45), top: 18 }} />)}
      {edit && (
        <WeightEditor
          key={edit.key}
          label={`Weight ${describe(edit)}`}
          value={edit.v}
          left={Math.max(0, Math.min(g.width - EDITOR_W, edit.mid[0] - EDITOR_W / 2))}
          top={edit.mid[1] + 8}
          onCommit={(v) => {
            p.onEditWeight(edit.at[0], edit.at[1], edit.at[2], v);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
      {g.buttonsBelow && (
        <div className="gl-pg-row gl-pg-layer-row" role="group" aria-label="Neurons per layer">
          {p.hidden.map((n, l) => (
            <span key={l} className="gl-pg-row">
              <span>
                Layer {l + 1}: {n}
              </span>
              <LayerButtons layer={l} hidden={p.hidden} onSetHidden={p.onSetHidden} stacked={false} />
            </span>
          ))}
        </div>
      )}
    </>
  );
}

/** The + and − buttons of hidden layer `layer`. */
function LayerButtons({ layer: l, hidden, onSetHidden, stacked, style }: { layer: number; hidden: readonly number[]; onSetHidden: (h: number[]) => void; stacked: boolean; style?: CSSProperties }) {
  const n = hidden[l];
  return (
    <span className="gl-pg-layer-buttons" data-stacked={stacked ? '' : undefined} style={style}>
      <Button aria-label={`Add a neuron to layer ${l + 1}`} disabled={n >= MAX_UNITS} onClick={() => onSetHidden(hidden.map((u, q) => (q === l ? u + 1 : u)))}>
        +
      </Button>
      <Button aria-label={`Remove a neuron from layer ${l + 1}`} disabled={n <= 1} onClick={() => onSetHidden(hidden.map((u, q) => (q === l ? u - 1 : u)))}>
        −
      </Button>
    </span>
  );
}

/** A hidden neuron's output over the plane; hover or focus previews it on the big plot, a click pins it. */
function NeuronThumb({ values, activation, left, top, size, name, active, onPreview }: { values: Float32Array; activation: PlaygroundActivation; left: number; top: number; size: number; name: string; active: boolean; onPreview: (on: boolean, pin?: boolean) => void }) {
  const scaled = scaleValues(values, activation);
  return (
    <button
      type="button"
      className="gl-pg-node"
      data-testid="neuron-thumb"
      data-state={active ? 'preview' : undefined}
      aria-pressed={active}
      aria-label={`${name}: show its output on the big plot`}
      style={{ left, top, width: size, height: size }}
      onPointerEnter={() => onPreview(true)}
      onPointerLeave={() => onPreview(false)}
      onFocus={() => onPreview(true)}
      onBlur={() => onPreview(false)}
      onClick={() => onPreview(!active, true)}
    >
      <FieldCanvas values={scaled} size={GRID_SIZE} width={size - 2} height={size - 2} kind="diverging" />
    </button>
  );
}

const scaledCache = new WeakMap<Float32Array, Float32Array>();
/** A neuron's outputs scaled to [−1, 1] (cached per array, so canvases redraw only when the grid changes). */
function scaleValues(v: Float32Array, activation: PlaygroundActivation): Float32Array {
  const hit = scaledCache.get(v);
  if (hit) return hit;
  const f = neuronScale(v, activation);
  const out = v.map(f);
  scaledCache.set(v, out);
  return out;
}

/** Width of the inline weight editor, px (its CSS max-width). */
const EDITOR_W = 220;

/** The inline weight editor beside an edge: commits on Enter or blur, Escape cancels. */
function WeightEditor({ label, value, left, top, onCommit, onCancel }: { label: string; value: number; left: number; top: number; onCommit: (v: number) => void; onCancel: () => void }) {
  const [text, setText] = useState(String(Number(value.toFixed(3))));
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.select(), []);
  const v = Number(text.trim().replace('−', '-'));
  const valid = text.trim() !== '' && Number.isFinite(v) && Math.abs(v) <= MAX_WEIGHT;
  const commit = () => {
    if (valid && Math.abs(v - value) > 1e-12) onCommit(v);
    else onCancel();
  };
  return (
    <div className="gl-pg-weight-editor" style={{ left, top }} role="group" aria-label={label}>
      <label>
        w ={' '}
        <input
          ref={ref}
          className="gl-number-input"
          type="text"
          inputMode="decimal"
          aria-label={label}
          aria-invalid={!valid}
          value={text}
          data-testid="weight-input"
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            else if (e.key === 'Escape') onCancel();
          }}
        />
      </label>
      <span aria-hidden="true">was {fmt(value)}</span>
      {!valid && <span className="gl-number-error">a number within ±{MAX_WEIGHT}</span>}
    </div>
  );
}
