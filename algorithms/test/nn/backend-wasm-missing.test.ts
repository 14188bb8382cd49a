/**
 * `@tensorflow/tfjs-backend-wasm` is an optional peer, loaded by dynamic import() only when
 * the wasm backend is tried: without it, initBackend says how to install it and falls back.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { BackendError, initBackend } from '../../src/nn';

vi.mock('@tensorflow/tfjs-backend-wasm', () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-backend-wasm'");
});

describe('initBackend without @tensorflow/tfjs-backend-wasm', () => {
  it('falls back to cpu, and the attempt says to install the package', async () => {
    const r = await initBackend({ order: ['wasm', 'cpu'] });
    expect(r.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(r.attempts[0]).toMatchObject({ backend: 'wasm', ok: false });
    expect(r.attempts[0].reason).toMatch(/^install @tensorflow\/tfjs-backend-wasm to use the wasm backend/);
  });

  it('with wasm alone, rejects with a typed BackendError', async () => {
    const e = await initBackend({ order: ['wasm'] }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ backend: 'wasm', problem: 'missing-package' });
    expect((e as Error).message).toMatch(/install @tensorflow\/tfjs-backend-wasm/);
  });

  it('no source file imports the wasm backend at top level', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../../src');
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : [path.join(d, f)]));
    for (const f of walk(root).filter((x) => x.endsWith('.ts'))) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/^\s*(import|export)\s[^;]*from\s*['"]@tensorflow\/tfjs-backend-wasm['"]/m);
    }
  });
});
