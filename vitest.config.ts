import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@geolearn/algorithms': fileURLToPath(new URL('./algorithms/src/index.ts', import.meta.url)),
  '@geolearn/ui': fileURLToPath(new URL('./packages/ui/src/index.ts', import.meta.url)),
};

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
          benchmark: { include: ['algorithms/bench/**/*.bench.ts'] },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'ui',
          environment: 'happy-dom',
          include: ['packages/*/test/**/*.test.{ts,tsx}'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'workspace',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
