/**
 * The part of the runner that both sides share: a job (a task's generator, pumped for a time
 * budget, with throttled snapshots and progress), the messages between the main thread and the
 * worker, and errors as plain data. No DOM, no React: the worker bundles this file.
 */
import { ValidationError, type ValidationProblem } from '@geolearn/algorithms';
import type { TaskStep, WorkerTask } from './registry';

/** What a task may ask of its job while it runs. */
export interface TaskContext {
  /** True once the caller has cancelled: a long task checks it between steps and returns early. */
  cancelled(): boolean;
}

/**
 * A task whose steps await (TF.js training and inference): an async generator of steps that
 * returns the result (plain, structured-cloneable data).
 */
export type AsyncWorkerTask = (payload: unknown, ctx: TaskContext) => AsyncGenerator<TaskStep, unknown, undefined>;

/** How often a job reports. */
export interface Throttle {
  /** Report every n-th snapshot only (the last one is always reported). Default 1. */
  every?: number;
  /** At most one report per this many ms (one animation frame by default). Default 16. */
  minIntervalMs?: number;
}

/** An error as plain data, so that it crosses postMessage and is re-created with its type. */
export interface WireError {
  name: string;
  message: string;
  /** ValidationError fields. */
  argument?: string;
  problem?: string;
  detail?: string;
}

/** Main thread → worker. */
export interface RunMessage {
  type: 'run';
  task: string;
  payload: unknown;
  throttle: Throttle;
  /** The TF.js worker only: where TF.js's WASM binaries are served (see runNn.ts). */
  wasmPaths?: Record<string, string>;
}

/** Worker → main thread. */
export type WorkerReply =
  | { type: 'started' }
  | { type: 'snapshot'; snapshot: unknown; progress: number | null }
  | { type: 'progress'; progress: number | null }
  | { type: 'result'; result: unknown }
  | { type: 'error'; error: WireError };

/** Where a job reports. */
export interface JobEvents {
  snapshot?: (snapshot: unknown, progress: number | null) => void;
  progress?: (progress: number | null) => void;
  /** When true, `pump` stops at once (a cancel during a main-thread slice). */
  cancelled?: () => boolean;
}

/**
 * A snapshot as plain data for postMessage: class instances with a `toJSON` (a forest's
 * tree) become their JSON, lazy getters are read once; typed arrays and number arrays pass as
 * they are (structured clone copies them). The same form is given on the fallback path, so a
 * caller sees one shape either way.
 */
export function toWire(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON(): unknown }).toJSON();
  if (ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    // Arrays of numbers are cloned as they are; nested objects are walked (a few levels deep).
    const first = v[0] as unknown;
    if (depth > 4 || first === null || typeof first !== 'object' || Array.isArray(first) || ArrayBuffer.isView(first)) return v;
    return v.map((x) => toWire(x, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = toWire((v as Record<string, unknown>)[k], depth + 1);
  return out;
}

const NONE = Symbol('none');

/**
 * One run of a task. `pump(budgetMs)` advances its generator until the budget is spent or
 * it ends; the worker pumps it to the end at once, the main-thread fallback in slices.
 * Snapshots are reported at most once per `minIntervalMs` (the latest one wins) and at the
 * end; progress is clamped to [0, 1] and never goes back.
 */
export class Job {
  private readonly gen: Generator<TaskStep, unknown, undefined> | AsyncGenerator<TaskStep, unknown, undefined>;
  private readonly every: number;
  private readonly minInterval: number;
  private count = 0;
  private pending: unknown = NONE;
  private latest: unknown = NONE;
  private lastSent: unknown = NONE;
  private lastSnapshotAt = -Infinity;
  private lastProgressAt = -Infinity;
  private progress: number | null = 0;
  private progressSent: number | null | typeof NONE = NONE;

  /**
   * `task` is the task itself (look it up with `taskOf` from ./registry): this module does not
   * import the registry, so that the main thread's bundle does not carry every estimator the
   * worker can fit (the main-thread fallback loads the registry lazily).
   */
  constructor(
    task: WorkerTask | AsyncWorkerTask,
    payload: unknown,
    throttle: Throttle,
    private readonly events: JobEvents,
  ) {
    this.gen = task(payload, { cancelled: () => events.cancelled?.() ?? false });
    this.every = Number.isInteger(throttle.every) && (throttle.every as number) >= 1 ? (throttle.every as number) : 1;
    this.minInterval = typeof throttle.minIntervalMs === 'number' && throttle.minIntervalMs >= 0 ? throttle.minIntervalMs : 16;
  }

  /** Advances for about `budgetMs` (at least one step). The task's own errors propagate. */
  pump(budgetMs: number): { done: true; result: unknown } | { done: false } {
    const t0 = performance.now();
    for (;;) {
      const r = this.gen.next();
      if (r instanceof Promise) throw new TypeError('an async task must be run with pumpAsync()');
      if (r.done) return this.finish(r.value);
      this.take(r.value);
      const t = performance.now();
      this.flush(t);
      if (t - t0 >= budgetMs || this.events.cancelled?.()) return { done: false };
    }
  }

  /**
   * Runs an async task (TF.js training: each step awaits the backend) to its end, or until
   * `cancelled()`; the same throttled reports as {@link pump}. Sync tasks run here too.
   */
  async pumpAsync(): Promise<{ done: true; result: unknown } | { done: false }> {
    for (;;) {
      const r = await this.gen.next();
      if (r.done) return this.finish(r.value);
      this.take(r.value);
      this.flush(performance.now());
      if (this.events.cancelled?.()) {
        await this.gen.return?.(undefined);
        return { done: false };
      }
    }
  }

  private finish(result: unknown): { done: true; result: unknown } {
    if (this.latest !== NONE && this.latest !== this.lastSent) this.pending = this.latest;
    this.progress = 1;
    this.flush(performance.now(), true);
    return { done: true, result };
  }

  private take(step: TaskStep): void {
    if (step && 'snapshot' in step) {
      this.count++;
      this.latest = step.snapshot;
      if (this.count % this.every === 0) this.pending = step.snapshot;
    }
    if (step && step.progress !== undefined) {
      const p = step.progress;
      if (p === null || !Number.isFinite(p)) this.progress = null;
      else this.progress = Math.max(this.progress ?? 0, Math.min(1, Math.max(0, p)));
    }
  }

  /** Reports what is due at time `t`: the pending snapshot (with the progress), else a changed progress; `force` at the end. */
  private flush(t: number, force = false): void {
    if (this.pending !== NONE && (force || t - this.lastSnapshotAt >= this.minInterval)) {
      const s = this.pending;
      this.pending = NONE;
      this.lastSent = s;
      this.progressSent = this.progress;
      this.lastSnapshotAt = this.lastProgressAt = t;
      this.events.snapshot?.(toWire(s), this.progress);
    } else if (this.progress !== this.progressSent && (force || t - this.lastProgressAt >= this.minInterval)) {
      this.progressSent = this.progress;
      this.lastProgressAt = t;
      this.events.progress?.(this.progress);
    }
  }
}

/** An error as {@link WireError}. */
export function errorToWire(e: unknown): WireError {
  if (e instanceof ValidationError) return { name: e.name, message: e.message, argument: e.argument, problem: e.problem, detail: e.detail };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The error again: a typed {@link ValidationError} where it was one, else an Error of the same name. */
export function errorFromWire(w: WireError): Error {
  if (typeof w.argument === 'string' && typeof w.problem === 'string' && typeof w.detail === 'string') {
    return new ValidationError(w.argument, w.problem as ValidationProblem, w.detail);
  }
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}
