import { scaleLinear } from 'd3-scale';
import { useRef, useState, type PointerEvent } from 'react';
import { classColor, conceptColor } from '../common/colors';
import { LineChart } from '../common/LineChart';
import { clientToLocal } from '../hooks/useMovable';
import { Button, ToggleButton } from '../kit/buttons';
import { ColorLegend } from '../kit/ColorLegend';
import { Legend } from '../kit/Legend';
import { NumberField } from '../kit/NumberField';
import { Select } from '../kit/Segmented';
import { FieldCanvas } from './FieldCanvas';
import { decimate, fmt, type OutputField } from './model';
import { EXTENT, MAX_TARGET, type PlaygroundData, type ProblemType } from './state';
import { GRID_SIZE } from './trainer';

/** Props of {@link OutputPanel}. */
export interface OutputPanelProps {
  width: number;
  /** Side of the plot, px. */
  heat: number;
  field: OutputField;
  /** What the plot shows ("the output", "layer 1 unit 2"). */
  showing: string;
  data: PlaygroundData;
  problem: ProblemType;
  /** Classes the network tells apart (2 for a sigmoid output). */
  classes: number;
  showTestData: boolean;
  discretize: boolean;
  onShowTestData: (on: boolean) => void;
  onDiscretize: (on: boolean) => void;
  /** Adds a training point (the weights are kept). */
  onAddPoint: (p: [number, number, number]) => void;
  trainLoss: readonly [number, number][];
  testLoss: readonly [number, number][];
}

/** The colour of a target: its class, or for regression its value on the diverging map (blended with the paper by CSS). */
export function targetColor(y: number, problem: ProblemType): string {
  if (problem === 'classification') return classColor(Math.round(y));
  const t = Math.max(-1, Math.min(1, y));
  return `color-mix(in srgb, ${conceptColor(t >= 0 ? 'weightPos' : 'weightNeg')} ${Math.round(25 + 75 * Math.abs(t))}%, var(--gl-bg))`;
}

/**
 * The big plot: the output (or the previewed neuron) over the plane with the training
 * points (and the test points, ringed, when shown), its colour key, the view toggles, the
 * "add points" mode and fields, and the loss curves.
 */
export function OutputPanel(p: OutputPanelProps) {
  const area = useRef<SVGRectElement>(null);
  const [adding, setAdding] = useState(false);
  const [brush, setBrush] = useState<[number, number, number]>([0, 0, 1]);
  const hs = scaleLinear().domain([-EXTENT, EXTENT]).range([0, p.heat]);
  const vs = scaleLinear().domain([EXTENT, -EXTENT]).range([0, p.heat]);
  const classification = p.problem === 'classification';
  const onPointer = (e: PointerEvent<SVGRectElement>) => {
    // A click on the plot does nothing unless "Add points" is on (as the TensorFlow Playground).
    if (!adding || !area.current) return;
    const local = clientToLocal(area.current, e.clientX, e.clientY);
    if (!local) return;
    const x1 = Number(Math.max(-EXTENT, Math.min(EXTENT, hs.invert(local[0]))).toFixed(2));
    const x2 = Number(Math.max(-EXTENT, Math.min(EXTENT, vs.invert(local[1]))).toFixed(2));
    p.onAddPoint([x1, x2, brush[2]]);
  };
  const d = p.data;
  const lastTrain = p.trainLoss.at(-1)?.[1];
  const lastTest = p.testLoss.at(-1)?.[1];
  const labelName = classification ? 'Class' : 'Target';
  return (
    <div className="gl-panel gl-pg-output-panel" data-gl-panel="output" style={{ width: p.width }}>
      <div className="gl-stack gl-pg-plot" data-state={adding ? 'adding' : 'idle'} style={{ width: p.heat, height: p.heat }}>
        <FieldCanvas values={p.field.values} size={GRID_SIZE} width={p.heat} height={p.heat} kind={p.field.kind} testId="boundary" />
        <svg width={p.heat} height={p.heat} role="group" data-testid="heatmap" data-points={d.X.length} data-showing={p.showing} aria-label={`${p.showing} over the plane, with the ${d.train.length} training points${p.showTestData ? ` and ${d.test.length} test points (ringed)` : ''}.${adding ? ' Click to add a point.' : ''}`}>
          <rect ref={area} width={p.heat} height={p.heat} fill="transparent" stroke={conceptColor('data')} strokeOpacity={0.3} onPointerDown={onPointer} />
          <g pointerEvents="none">
            {d.train.map((i) => (
              <circle key={`a${i}`} className="gl-pg-point" data-split="train" cx={hs(d.X[i][0])} cy={vs(d.X[i][1])} r={3} fill={targetColor(d.y[i], p.problem)} />
            ))}
            {p.showTestData && d.test.map((i) => <circle key={`b${i}`} className="gl-pg-point" data-split="test" cx={hs(d.X[i][0])} cy={vs(d.X[i][1])} r={3} fill={targetColor(d.y[i], p.problem)} />)}
          </g>
        </svg>
      </div>
      {p.field.kind === 'diverging' ? (
        <ColorLegend kind="diverging" domain={[-1, 1]} width={Math.min(p.heat, 260)} format={fmt} title={classification && p.showing === 'Output' ? 'output: class 0 (−1) … class 1 (+1)' : p.showing === 'Output' ? 'prediction ŷ' : `${p.showing}, scaled`} testId="output-legend" />
      ) : (
        <Legend label="Classes" items={Array.from({ length: p.classes }, (_, k) => ({ label: `class ${k}`, color: classColor(k), shape: 'dot' as const }))} />
      )}
      <div className="gl-pg-row" role="group" aria-label="View">
        <ToggleButton pressed={p.showTestData} onPressedChange={p.onShowTestData}>
          Show test data
        </ToggleButton>
        <ToggleButton pressed={p.discretize} onPressedChange={p.onDiscretize}>
          Discretize output
        </ToggleButton>
        <ToggleButton pressed={adding} onPressedChange={setAdding}>
          Add points
        </ToggleButton>
      </div>
      <div className="gl-pg-row" role="group" aria-label="Add a point">
        {classification ? (
          <Select label="Class of new points" value={String(brush[2])} options={Array.from({ length: p.classes }, (_, k) => ({ value: String(k), label: `class ${k}` }))} onChange={(v) => setBrush([brush[0], brush[1], Number(v)])} />
        ) : (
          <NumberField label="Target of new points" value={brush[2]} min={-MAX_TARGET} max={MAX_TARGET} step={0.1} onChange={(v) => setBrush([brush[0], brush[1], v])} />
        )}
        <NumberField label="x₁" value={brush[0]} min={-EXTENT} max={EXTENT} step={0.1} onChange={(v) => setBrush([v, brush[1], brush[2]])} />
        <NumberField label="x₂" value={brush[1]} min={-EXTENT} max={EXTENT} step={0.1} onChange={(v) => setBrush([brush[0], v, brush[2]])} />
        <Button onClick={() => p.onAddPoint(brush)}>Add point</Button>
      </div>
      <LineChart
        width={p.width}
        height={130}
        series={[
          { label: 'train', color: conceptColor('train'), points: decimate(p.trainLoss) },
          { label: 'test', color: conceptColor('test'), points: decimate(p.testLoss), dashed: true },
        ]}
        xLabel="epoch"
        yLabel="𝓛"
        label={`Loss curves: train ${lastTrain === undefined ? 'none yet' : fmt(lastTrain)}, test ${lastTest === undefined ? 'none yet' : fmt(lastTest)}`}
        testId="loss-curves"
      />
      <Legend
        items={[
          { label: 'train loss', color: conceptColor('train') },
          { label: 'test loss', color: conceptColor('test'), shape: 'dashed' },
          { label: `${labelName} colours the points`, color: classification ? classColor(1) : conceptColor('weightPos'), shape: 'dot' },
        ]}
      />
    </div>
  );
}
