import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as nn from '../../src/nn';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('initBackend', () => {
  it('importing the nn entry point sets no backend', () => {
    expect(typeof nn.initBackend).toBe('function');
    expect(tf.engine().backendName ?? null).toBeNull();
    expect(nn.backendReport()).toBeNull();
  });

  it('in Node picks wasm (binaries from node_modules, no CDN), says why, and registers the conv gradient kernel', async () => {
    const r = await nn.initBackend();
    expect(r.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(r.reason).toMatch(/WASM/);
    expect(r.attempts.map((a) => a.backend)).toEqual(['wasm']);
    expect(r.wasmConvGradKernel).toBe(true);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('falls back along the order and reports each attempt', async () => {
    const r = await nn.initBackend({ order: ['webgl', 'cpu'] });
    expect(r.backend).toBe('cpu');
    expect(r.attempts[0]).toMatchObject({ backend: 'webgl', ok: false });
    expect(r.reason).toMatch(/skipped webgl/);
    await nn.initBackend({ order: ['wasm'] });
  });

  it('recognises software WebGL renderers', () => {
    expect(nn.isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(nn.isSoftwareRenderer('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe(true);
    expect(nn.isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(nn.isSoftwareRenderer('Apple M2')).toBe(false);
  });

  it('the classical entry point never imports TF.js', () => {
    const outside = files(src).filter((f) => !f.includes(`${path.sep}nn${path.sep}`));
    for (const f of outside) expect(readFileSync(f, 'utf8'), f).not.toMatch(/@tensorflow|from '\.\.?\/nn|from '\.\/nn/);
  });
});
