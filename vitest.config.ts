import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Packages resolve from source, so tests need no build first. */
const alias = [
  { find: /^@geolearn\/algorithms$/, replacement: src('./algorithms/src/index.ts') },
  { find: /^@geolearn\/algorithms\/nn$/, replacement: src('./algorithms/src/nn/index.ts') },
  { find: /^@geolearn\/algorithms\/mlp$/, replacement: src('./algorithms/src/nn/plain.ts') },
  { find: /^@geolearn\/algorithms\/seismic$/, replacement: src('./algorithms/src/seismic/index.ts') },
  { find: /^@geolearn\/ui$/, replacement: src('./packages/ui/src/index.ts') },
  { find: /^@geolearn\/ui\/mnist$/, replacement: src('./packages/ui/src/mnist.ts') },
  { find: /^@geolearn\/ui\/seismic$/, replacement: src('./packages/ui/src/seismic.ts') },
  { find: /^@geolearn\/elements$/, replacement: src('./packages/elements/src/index.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'algorithms',
          environment: 'node',
          include: ['algorithms/test/**/*.test.ts'],
          testTimeout: 60_000,
          benchmark: { include: ['algorithms/bench/**/*.bench.ts'] },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'ui',
          environment: 'happy-dom',
          include: ['packages/*/test/**/*.test.{ts,tsx}'],
          setupFiles: ['packages/ui/test/setup/math.ts'],
          benchmark: { include: ['packages/*/bench/**/*.bench.{ts,tsx}'] },
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'workspace',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          testTimeout: 120_000,
        },
      },
    ],
  },
});
