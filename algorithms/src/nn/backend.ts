/**
 * Choosing the TF.js backend: WebGL on a real GPU, else WASM, else CPU, with the reason.
 * Nothing here runs at import time: {@link initBackend} sets a backend when called.
 *
 * `@tensorflow/tfjs-backend-wasm` is an optional peer dependency: it is loaded by a dynamic
 * `import()` only when the wasm backend is tried, so an app without it builds and runs (on
 * WebGL or CPU), and a bundler emits it as a separate chunk when it is there.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWasmConv2DBackpropFilter } from './kernels';

/** Why a backend could not start: its package is not installed, or it failed to start. */
export type BackendProblem = 'missing-package' | 'failed';

/** Thrown (and recorded in {@link BackendAttempt.reason}) when a TF.js backend cannot start. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  /** The backend concerned. */
  readonly backend: BackendName;
  /** The kind of problem. */
  readonly problem: BackendProblem;
  constructor(backend: BackendName, problem: BackendProblem, message: string) {
    super(message);
    this.backend = backend;
    this.problem = problem;
  }
}

/** The wasm backend's module, loaded once on first use. */
let wasmModule: Promise<typeof import('@tensorflow/tfjs-backend-wasm')> | null = null;

/**
 * Loads `@tensorflow/tfjs-backend-wasm` (which registers the 'wasm' backend with TF.js) by
 * dynamic import; a missing package gives a {@link BackendError} saying how to install it.
 */
async function loadWasmBackend(): Promise<typeof import('@tensorflow/tfjs-backend-wasm')> {
  wasmModule ??= import('@tensorflow/tfjs-backend-wasm').catch((e: unknown) => {
    wasmModule = null;
    throw new BackendError(
      'wasm',
      'missing-package',
      `install @tensorflow/tfjs-backend-wasm to use the wasm backend (npm install @tensorflow/tfjs-backend-wasm); it could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
    );
  });
  return wasmModule;
}

/** A TF.js backend this package uses. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** Where the wasm binaries are: a folder/URL prefix ending in '/', or one URL per file. */
export type WasmPaths = string | Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /**
   * Backends to try, in order. Default ['webgl', 'wasm', 'cpu'] in a browser and
   * ['wasm', 'cpu'] in Node (no WebGL there).
   */
  order?: BackendName[];
  /**
   * Where the wasm binaries live. They ship with `@tensorflow/tfjs-backend-wasm` and are
   * never fetched from a CDN: in a browser pass the URLs your bundler gives the assets
   * (e.g. Vite's `?url` imports); in Node the default is the package's `dist/` folder.
   */
  wasmPaths?: WasmPaths;
  /** Accept software WebGL (SwiftShader, llvmpipe), about 15× slower than WASM. Default false. */
  allowSoftwareWebGL?: boolean;
  /**
   * When the renderer string is hidden, time a small matMul on WebGL and WASM and keep the
   * faster. Default true.
   */
  timeWhenUnknown?: boolean;
}

/** One backend tried by {@link initBackend}. */
export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  reason: string;
}

/** What {@link initBackend} chose, and why. */
export interface BackendReport {
  /** The backend now active. */
  backend: BackendName;
  /** Why it was chosen, in a sentence a UI can show. */
  reason: string;
  /** The WebGL renderer string, when the browser tells it. */
  renderer?: string;
  /** Every backend tried, in order, with what happened. */
  attempts: BackendAttempt[];
  /** Whether our Conv2DBackpropFilter kernel was registered for wasm. */
  wasmConvGradKernel: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** Whether `renderer` (WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL) is a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** Running on Node (possibly under a DOM shim such as happy-dom, which has no WebGL). */
function hasNodeRuntime(): boolean {
  return typeof process !== 'undefined' && process.versions?.node != null;
}

function isNode(): boolean {
  return hasNodeRuntime() && typeof window === 'undefined';
}

let lastReport: BackendReport | null = null;
let lastOptions: InitBackendOptions = {};
let contextLossListener: { canvas: EventTarget; handler: (e: Event) => void } | null = null;

/** The report of the last {@link initBackend}, or null. */
export function backendReport(): BackendReport | null {
  return lastReport;
}

/** The wasm binaries' folder inside node_modules, resolved from this module (Node only). */
async function nodeWasmPaths(): Promise<string> {
  const moduleName = 'node:module';
  const pathName = 'node:path';
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as typeof import('node:module');
  const path = (await import(/* @vite-ignore */ pathName)) as typeof import('node:path');
  let base: string;
  try {
    base = import.meta.url;
  } catch {
    base = path.join(process.cwd(), 'index.js');
  }
  const require = createRequire(base || path.join(process.cwd(), 'index.js'));
  const file = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  return path.dirname(file) + path.sep;
}

/** Reads the WebGL renderer string through WEBGL_debug_renderer_info, if the browser allows. */
function webglRenderer(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const r = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof r === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds for a few 128×128 matMuls on the active backend, after a warm-up. */
async function timeMatMul(): Promise<number> {
  const a = tf.randomNormal([128, 128], 0, 1, 'float32', 1);
  const run = () => tf.tidy(() => tf.matMul(a, a).sum());
  const warm = run();
  await warm.data();
  warm.dispose();
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) {
    const s = run();
    await s.data();
    s.dispose();
  }
  const ms = performance.now() - t0;
  a.dispose();
  return ms;
}

async function trySet(name: BackendName, options: InitBackendOptions): Promise<void> {
  if (name === 'wasm') {
    const { setWasmPaths } = await loadWasmBackend();
    const paths = options.wasmPaths ?? (hasNodeRuntime() ? await nodeWasmPaths() : undefined);
    if (paths === undefined) throw new BackendError('wasm', 'failed', 'no wasmPaths given: pass the URLs of the bundled .wasm files (never a CDN)');
    setWasmPaths(paths as string);
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new BackendError(name, 'failed', `tf.setBackend('${name}') failed`);
  await tf.ready();
}

/**
 * Picks the fastest TF.js backend that works and reports which, and why:
 * WebGL on a real GPU, then WASM, then CPU. Software WebGL (SwiftShader in headless
 * Chromium, about 15× slower than WASM) is detected from the renderer string, or, when the
 * browser hides it, by timing a small matMul against WASM; WASM is preferred then.
 * Also registers the wasm Conv2DBackpropFilter kernel and, on WebGL, listens for a lost
 * context to move live models to another backend (see {@link handleContextLost}).
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendReport> {
  lastOptions = options;
  const order = options.order ?? (isNode() ? ['wasm', 'cpu'] : ['webgl', 'wasm', 'cpu']);
  const wasmConvGradKernel = registerWasmConv2DBackpropFilter() || tf.getKernel('Conv2DBackpropFilter', 'wasm') != null;
  const attempts: BackendAttempt[] = [];
  let renderer: string | undefined;
  for (const name of order) {
    try {
      if (name === 'webgl') {
        if (typeof document === 'undefined') throw new Error('no DOM, so no WebGL');
        renderer = webglRenderer();
        if (renderer && isSoftwareRenderer(renderer) && !options.allowSoftwareWebGL) {
          attempts.push({ backend: name, ok: false, reason: `software WebGL (${renderer}) is slower than WASM` });
          continue;
        }
        await trySet('webgl', options);
        if (!renderer && (options.timeWhenUnknown ?? true) && order.includes('wasm')) {
          const glMs = await timeMatMul();
          await trySet('wasm', options);
          const wasmMs = await timeMatMul();
          if (wasmMs < glMs) {
            attempts.push({ backend: name, ok: false, reason: `renderer unknown and WebGL timed slower than WASM (${glMs.toFixed(1)} vs ${wasmMs.toFixed(1)} ms)` });
            continue;
          }
          await trySet('webgl', options);
        }
        attempts.push({ backend: name, ok: true, reason: renderer ? `hardware WebGL (${renderer})` : 'WebGL timed faster than WASM' });
        watchContextLoss();
      } else {
        await trySet(name, options);
        attempts.push({ backend: name, ok: true, reason: name === 'wasm' ? 'WASM works' : 'CPU, the fallback that always works' });
      }
      const chosen = attempts[attempts.length - 1];
      const skipped = attempts.filter((a) => !a.ok).map((a) => `${a.backend}: ${a.reason}`);
      lastReport = {
        backend: name,
        reason: chosen.reason + (skipped.length ? ` (skipped ${skipped.join('; ')})` : ''),
        renderer,
        attempts,
        wasmConvGradKernel,
      };
      return lastReport;
    } catch (e) {
      attempts.push({ backend: name, ok: false, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const last = order[order.length - 1] ?? 'cpu';
  throw new BackendError(last, attempts.every((a) => a.reason.startsWith('install ')) ? 'missing-package' : 'failed', `no TF.js backend could start: ${attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ')}`);
}

/**
 * A model whose weights live in TF.js tensors. It registers itself while alive so that a
 * lost WebGL context can move it: weights read to plain arrays, backend switched, weights
 * written back into fresh tensors.
 */
export interface BackendBound {
  /** The weights as plain arrays (or the last copy kept, if the backend can no longer be read). */
  exportWeights(): Float32Array[];
  /** Recreates the tensors on the active backend from plain arrays. */
  importWeights(weights: Float32Array[]): void;
}

const live = new Set<BackendBound>();

/** @internal Called by models on creation. */
export function trackModel(m: BackendBound): void {
  live.add(m);
}

/** @internal Called by models on dispose. */
export function untrackModel(m: BackendBound): void {
  live.delete(m);
}

/** What {@link handleContextLost} did. */
export interface ContextLossReport {
  from: string;
  to: BackendName;
  models: number;
  reason: string;
}

/**
 * Moves every live model to the next backend after WebGL's, keeping its weights. Called
 * on a `webglcontextlost` event; tests call it directly (on cpu or wasm) to simulate the
 * loss. Optimiser state (momentum, Adam moments) restarts from zero.
 */
export async function handleContextLost(options: { to?: BackendName[] } = {}): Promise<ContextLossReport> {
  const from = tf.getBackend();
  const saved = [...live].map((m) => ({ m, w: m.exportWeights() }));
  const order = (options.to ?? ['wasm', 'cpu']).filter((b) => b !== from);
  let to: BackendName | null = null;
  const reasons: string[] = [];
  for (const name of order) {
    try {
      await trySet(name, lastOptions);
      to = name;
      break;
    } catch (e) {
      reasons.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!to) throw new Error(`context lost and no other backend works: ${reasons.join('; ')}`);
  for (const { m, w } of saved) m.importWeights(w);
  const reason = `${from} context lost; moved ${saved.length} model(s) to ${to}`;
  lastReport = { backend: to, reason, attempts: lastReport?.attempts ?? [], wasmConvGradKernel: lastReport?.wasmConvGradKernel ?? false };
  return { from, to, models: saved.length, reason };
}

function watchContextLoss(): void {
  if (contextLossListener) contextLossListener.canvas.removeEventListener('webglcontextlost', contextLossListener.handler);
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  const canvas = gl?.canvas as unknown as EventTarget | undefined;
  if (!canvas || typeof canvas.addEventListener !== 'function') return;
  const handler = (e: Event) => {
    e.preventDefault();
    void handleContextLost();
  };
  canvas.addEventListener('webglcontextlost', handler);
  contextLossListener = { canvas, handler };
}
