/**
 * The PhasePicker's TF.js work, as one nn-worker task ('phasePicker.run'; DOM-free and
 * React-free): load the shipped picker from its URLs, then
 * - 'window': the P, S and noise probabilities of one normalised 3000×3 window;
 * - 'batch': generate n held-out windows (`PICKING_HELD_OUT`, optionally an SNR band), run the
 *   model on them in batches with progress, and return the picks' residuals and scores beside
 *   STA/LTA's;
 * - 'record': a long three-component record by sliding windows (`pickRecordSteps`), with
 *   progress after each batch and cancellation between batches.
 */
import { ValidationError } from '@geolearn/algorithms';
import { loadLayersModel, pickRecordSteps, predictPicker, type RecordPicks } from '@geolearn/algorithms/nn';
import { evaluatePickingDataset, makePickingWindow, pickingDatasetPlan, PICKING_HELD_OUT, PICKING_WINDOW, type PickingBandReport, type PickingDataset } from '@geolearn/algorithms/seismic';
import type { TaskContext } from '../worker/core';
import type { TaskStep } from '../worker/registry';
import { readBytes } from '../common/readBytes';

type LayersModel = Awaited<ReturnType<typeof loadLayersModel>>;

/** Where the model's files are (URLs; `file:` under Node). */
export interface PickerModelSource {
  modelUrl: string;
  weightsUrl: string;
}

/** Payload of 'phasePicker.run'. */
export type PhasePickerPayload = PickerModelSource &
  (
    | { kind: 'window'; x: Float32Array }
    | { kind: 'batch'; n: number; threshold: number; snrRange?: [number, number] }
    | { kind: 'record'; components: Float32Array[]; threshold: number; step?: number }
  );

/** Result of a 'window' run: q[t·3 + i], i = P, S, noise. */
export interface WindowResult {
  kind: 'window';
  q: Float32Array;
}

/** Result of a 'batch' run. */
export interface BatchResult {
  kind: 'batch';
  /** Windows scored. */
  n: number;
  /** Residuals (s) of the model's P and S picks and STA/LTA's P picks, matched within 0.5 s. */
  residualsP: number[];
  residualsS: number[];
  residualsStaLta: number[];
  /** Scores over the batch ('all'). */
  report: PickingBandReport;
  /** The pick threshold used. */
  threshold: number;
}

/** Result of a 'record' run. */
export interface RecordResult extends RecordPicks {
  kind: 'record';
}

/** What 'phasePicker.run' resolves with. */
export type PhasePickerResult = WindowResult | BatchResult | RecordResult;

const cache = new Map<string, Promise<LayersModel>>();

/** The shipped picker, loaded once per thread. */
export function loadPicker(src: PickerModelSource): Promise<LayersModel> {
  const key = `${src.modelUrl}|${src.weightsUrl}`;
  let m = cache.get(key);
  if (!m) {
    m = Promise.all([readBytes(src.modelUrl), readBytes(src.weightsUrl)]).then(([json, w]) => loadLayersModel(new TextDecoder().decode(json), w));
    m.catch(() => cache.delete(key));
    cache.set(key, m);
  }
  return m;
}

const isNumber = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/** Validates a payload; a {@link ValidationError} names the field at fault. */
export function checkPhasePickerPayload(payload: unknown): PhasePickerPayload {
  if (typeof payload !== 'object' || payload === null) throw new ValidationError('payload', 'wrong-type', "must be an object { kind: 'window' | 'batch' | 'record', modelUrl, weightsUrl, … }");
  const p = payload as PhasePickerPayload;
  if (typeof p.modelUrl !== 'string' || typeof p.weightsUrl !== 'string') throw new ValidationError('modelUrl', 'wrong-type', 'modelUrl and weightsUrl must be URLs of the model files');
  if (p.kind === 'window') {
    if (!(p.x instanceof Float32Array) || p.x.length !== PICKING_WINDOW * 3) throw new ValidationError('x', 'shape-mismatch', `must be a Float32Array of ${PICKING_WINDOW} × 3 samples`);
    return p;
  }
  if (p.kind === 'batch') {
    if (!Number.isInteger(p.n) || p.n < 1 || p.n > PICKING_HELD_OUT.nSamples) throw new ValidationError('n', 'out-of-range', `must be an integer in 1 … ${PICKING_HELD_OUT.nSamples}, got ${String(p.n)}`);
    if (!isNumber(p.threshold, 0.01, 1)) throw new ValidationError('threshold', 'out-of-range', `must be in (0, 1], got ${String(p.threshold)}`);
    return p;
  }
  if (p.kind === 'record') {
    if (!Array.isArray(p.components) || p.components.length !== 3 || !p.components.every((c) => c instanceof Float32Array)) throw new ValidationError('components', 'wrong-type', 'must be three Float32Array traces [Z, N, E]');
    if (!isNumber(p.threshold, 0.01, 1)) throw new ValidationError('threshold', 'out-of-range', `must be in (0, 1], got ${String(p.threshold)}`);
    return p;
  }
  throw new ValidationError('kind', 'bad-option', `must be 'window', 'batch' or 'record', got ${JSON.stringify((p as { kind?: unknown }).kind)}`);
}

/** The 'phasePicker.run' task (see the module comment). */
export async function* phasePickerTask(payload: unknown, ctx: TaskContext = { cancelled: () => false }): AsyncGenerator<TaskStep, PhasePickerResult, undefined> {
  const p = checkPhasePickerPayload(payload);
  yield { progress: 0 };
  const model = await loadPicker(p);
  if (p.kind === 'window') return { kind: 'window', q: predictPicker(model, p.x) };
  if (p.kind === 'record') {
    const it = pickRecordSteps(model, p.components, { threshold: p.threshold, step: p.step });
    let r = it.next();
    while (!r.done) {
      yield { progress: r.value };
      r = it.next(ctx.cancelled());
    }
    return { kind: 'record', ...r.value };
  }
  // The held-out windows of the wanted SNR band, in the held-out order, noise-only ones left out;
  // only those are made (pickingDatasetPlan is cheap).
  const plan = pickingDatasetPlan(PICKING_HELD_OUT).filter((w) => !w.noiseOnly && (!p.snrRange || (w.snrDb >= p.snrRange[0] && w.snrDb <= p.snrRange[1]))).slice(0, p.n);
  const L = PICKING_WINDOW * 3;
  const n = plan.length;
  const d: PickingDataset = { n, length: PICKING_WINDOW, sampleRate: 100, x: new Float32Array(n * L), y: new Float32Array(n * L), pIndex: new Int32Array(n), sIndex: new Int32Array(n), snrDb: new Float64Array(n), distance: new Float64Array(n) };
  for (let j = 0; j < n; j++) {
    if (ctx.cancelled()) break;
    const w = makePickingWindow(plan[j]);
    d.x.set(w.x, j * L);
    d.pIndex[j] = w.pIndex;
    d.sIndex[j] = w.sIndex;
    d.snrDb[j] = w.snrDb;
    d.distance[j] = w.distance;
    if (j % 8 === 7) yield { progress: (0.5 * (j + 1)) / Math.max(1, n) };
  }
  const x = d.x;
  const q = new Float32Array(n * L);
  for (let b = 0; b < n; b += 8) {
    if (ctx.cancelled()) break;
    const e = Math.min(n, b + 8);
    q.set(predictPicker(model, x.subarray(b * L, e * L)), b * L);
    yield { progress: 0.5 + (0.5 * e) / n };
  }
  const [report] = evaluatePickingDataset(q, d, { threshold: p.threshold, bands: [] });
  return {
    kind: 'batch',
    n: n,
    residualsP: Array.from(report.P.residuals),
    residualsS: Array.from(report.S.residuals),
    residualsStaLta: Array.from(report.staLtaP.residuals),
    report,
    threshold: p.threshold,
  };
}
