import type { StorybookConfig } from '@storybook/react-vite';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  // GitHub-flavoured Markdown in MDX: the Introduction's and the reference pages' tables.
  addons: [{ name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } }],
  // The logo, the favicon and the chapters' thumbnails.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  // The packages resolve from source, so the gallery needs no build first.
  viteFinal: async (vite) => {
    vite.resolve ??= {};
    const alias = [
      { find: /^@geolearn\/algorithms$/, replacement: src('../algorithms/src/index.ts') },
      { find: /^@geolearn\/algorithms\/nn$/, replacement: src('../algorithms/src/nn/index.ts') },
      { find: /^@geolearn\/algorithms\/mlp$/, replacement: src('../algorithms/src/nn/plain.ts') },
      { find: /^@geolearn\/algorithms\/seismic$/, replacement: src('../algorithms/src/seismic/index.ts') },
      { find: /^@geolearn\/ui$/, replacement: src('../packages/ui/src/index.ts') },
      { find: /^@geolearn\/ui\/mnist$/, replacement: src('../packages/ui/src/mnist.ts') },
      { find: /^@geolearn\/ui\/seismic$/, replacement: src('../packages/ui/src/seismic.ts') },
    ];
    const existing = vite.resolve.alias;
    vite.resolve.alias = Array.isArray(existing) ? [...alias, ...existing] : [...alias, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))];
    vite.build ??= {};
    vite.build.chunkSizeWarningLimit = 4000;
    // Module workers (the fit and TF.js workers) may split into chunks: ES format, as the package's own build.
    vite.worker = { ...vite.worker, format: 'es' };
    return vite;
  },
};
export default config;
