import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // qs (under Refine's router) keeps a private map through side-channel, whose error messages bring
  // object-inspect and get-intrinsic to every page: a map is all it needs (shims/side-channel.cjs).
  resolve: { alias: [{ find: /^side-channel$/, replacement: here('./shims/side-channel.cjs') }] },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // .vite/manifest.json: which files each page loads (bench/console-bundle.bench.ts sums them).
    manifest: true,
    // Each page is a chunk of its own (App.tsx) and antd is split along with the pages that use its
    // components: one antd chunk would be loaded whole by the login page. The largest shared chunk
    // (antd's core with Refine's) minifies to ~380 kB.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      // "use client" marks React server-component boundaries; meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      // '@refinedev/antd' imports react-markdown for a field we never show, '@refinedev/core' papaparse for
      // CSV import/export we do not offer; these packages do not declare themselves free of side effects,
      // so the markdown parser and the CSV parser (~45 KB gzip) came along with any page. Said here,
      // unused imports of them are dropped.
      treeshake: {
        moduleSideEffects: (id: string) =>
          /node_modules[\\/](react-markdown|remark-gfm|papaparse)[\\/]/.test(id) ? false : undefined,
      },
      output: {
        // React changes far less often than ours: its own chunk stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
