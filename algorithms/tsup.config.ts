import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', nn: 'src/nn/index.ts', mlp: 'src/nn/plain.ts', seismic: 'src/seismic/index.ts' },
  external: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
});
