import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { divergingRgb, readThemeColors } from '../common/colors';
import { useColorScheme } from '../hooks/useColorScheme';
import { Button } from '../kit/buttons';
import { NumberField } from '../kit/NumberField';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { readClassColors } from './FieldCanvas';
import { DATASET_NAMES, DATASETS, EXTENT, generatedPoints, PLAYGROUND_RANGES, type PlaygroundDataset, type PlaygroundState } from './state';

/** Props of {@link DataPanel}. */
export interface DataPanelProps {
  width: number;
  state: PlaygroundState;
  /** Batch size in force (edits included). */
  batchSize: number;
  /** Points the user added (CSV, permalink or clicks). */
  userPoints: number;
  /** Largest batch size (the training points). */
  maxBatch: number;
  onDataset: (d: PlaygroundDataset) => void;
  onPatch: (patch: Partial<Pick<PlaygroundState, 'classes' | 'trainRatio' | 'noise' | 'seed'>>) => void;
  onBatchSize: (b: number) => void;
  onClearPoints: () => void;
  /** Reads a CSV text; returns the message to show. */
  onCsv: (text: string) => { ok: boolean; text: string };
  onExportModel: () => void;
  onExportData: () => void;
  /** Makes the permalink (and copies it); returns it. */
  onPermalink: () => string;
}

/** The data: the sets as picture tiles, their settings, the seed, your own points (CSV) and the exports. */
export function DataPanel(p: DataPanelProps) {
  const s = p.state;
  const [csv, setCsv] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState('');
  const load = (text: string) => setMessage(p.onCsv(text));
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    void f.text().then(load, () => setMessage({ ok: false, text: `Could not read ${f.name}` }));
    e.target.value = '';
  };
  const sets = DATASET_NAMES.filter((d) => d === 'custom' || DATASETS[d].problem === s.problem);
  const pct = (v: number) => `${v}%`;
  return (
    <div className="gl-panel gl-pg-data" data-gl-panel="data" style={{ width: p.width }} role="group" aria-label="Data">
      <Segmented
        className="gl-pg-datasets"
        label="Data set"
        value={s.dataset}
        onChange={p.onDataset}
        options={sets.map((d) => ({ value: d, label: <DatasetTile dataset={d} state={s} /> }))}
      />
      <div className="gl-pg-row">
        {s.dataset === 'blobs' && <Slider label="Classes" value={s.classes} {...PLAYGROUND_RANGES.classes} width={80} format={String} onChange={(v) => p.onPatch({ classes: v })} />}
        <Slider label="Ratio of training data" value={s.trainRatio} {...PLAYGROUND_RANGES.trainRatio} width={90} format={pct} onChange={(v) => p.onPatch({ trainRatio: v })} />
        <Slider label="Noise" value={s.noise} {...PLAYGROUND_RANGES.noise} width={90} format={pct} onChange={(v) => p.onPatch({ noise: v })} />
        <Slider label="Batch size" value={p.batchSize} min={1} max={Math.max(2, Math.min(PLAYGROUND_RANGES.batchSize.max, p.maxBatch))} step={1} width={90} format={String} onChange={(v) => p.onBatchSize(v)} />
        <NumberField label="Seed" value={s.seed} min={0} max={PLAYGROUND_RANGES.seed.max} integer onChange={(v) => p.onPatch({ seed: v })} />
        <Button onClick={() => p.onPatch({ seed: s.seed + 1 })}>Regenerate</Button>
        <Button disabled={p.userPoints === 0} onClick={p.onClearPoints}>
          Clear my points ({p.userPoints})
        </Button>
      </div>
      <div className="gl-pg-row" role="group" aria-label="Import and export">
        <label className="gl-field">
          Paste CSV (x1,x2,label)
          <textarea className="gl-pg-csv" value={csv} onChange={(e) => setCsv(e.target.value)} rows={3} cols={22} />
        </label>
        <Button onClick={() => load(csv)}>Load CSV</Button>
        <label className="gl-button gl-pg-file">
          Upload CSV
          <input type="file" accept=".csv,text/csv,text/plain" onChange={onFile} />
        </label>
        <Button onClick={p.onExportModel}>Export model (JSON)</Button>
        <Button onClick={p.onExportData}>Export data (CSV)</Button>
        <Button onClick={() => setLink(p.onPermalink())}>Permalink</Button>
      </div>
      {message && (
        <p className="gl-pg-message" role={message.ok ? 'status' : 'alert'} data-state={message.ok ? 'ok' : 'error'} data-testid="csv-message">
          {message.text}
        </p>
      )}
      {link && (
        <label className="gl-pg-row">
          Link to this state
          <input className="gl-pg-link gl-number-input" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="permalink" />
        </label>
      )}
    </div>
  );
}

/** Side of a data-set tile's picture, px. */
const TILE = 48;

/** A data set's picture: 150 of its points, coloured by class or target (redrawn with the seed, noise and theme). */
function DatasetTile({ dataset, state }: { dataset: PlaygroundDataset; state: PlaygroundState }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const { classes, noise, seed, points, problem } = state;
  const pts = useMemo(() => {
    if (dataset === 'custom') return { X: points.map((q) => [q[0], q[1]]), y: points.map((q) => q[2]) };
    return generatedPoints({ dataset, classes, noise, seed }, 150);
  }, [dataset, classes, noise, seed, points]);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const theme = readThemeColors(c);
    const cls = readClassColors(c);
    ctx.fillStyle = `rgb(${theme.bg.join(',')})`;
    ctx.fillRect(0, 0, TILE, TILE);
    pts.X.forEach(([a, b], i) => {
      const y = pts.y[i];
      const rgb = problem === 'regression' ? divergingRgb(y, theme) : cls[Math.max(0, Math.min(cls.length - 1, Math.round(y)))];
      ctx.fillStyle = `rgb(${rgb.join(',')})`;
      ctx.fillRect(((a + EXTENT) / (2 * EXTENT)) * TILE - 1, ((EXTENT - b) / (2 * EXTENT)) * TILE - 1, 2, 2);
    });
  }, [pts, problem, scheme]);
  return (
    <>
      <canvas ref={ref} width={TILE} height={TILE} aria-hidden="true" style={{ width: TILE, height: TILE }} />
      <span>{DATASETS[dataset].label}</span>
    </>
  );
}
