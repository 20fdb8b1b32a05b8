import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { contentSecurityPolicy } from './src/shared/security/content-security-policy'

const alias = { $shared: resolve(__dirname, 'src/shared') }

export default defineConfig(({ command }) => ({
  main: {
    resolve: { alias },
    build: {
      // lowdb, steno and franc-min are ESM-only; bundle them so main stays one CommonJS graph.
      externalizeDeps: { exclude: ['lowdb', 'steno', 'franc-min'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The `lectern` command line: the same services, no Electron.
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          // Imported files are parsed in this worker thread, off main's event loop.
          importWorker: resolve(__dirname, 'src/main/importing/read-worker.ts'),
          // The search index is built, kept and searched in this worker thread.
          searchWorker: resolve(__dirname, 'src/main/search/search-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload must be one self-contained CommonJS file.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    build: {
      // A lean renderer starts faster; main and preload stay readable for stack traces.
      minify: true,
      // Engineers building side by side give each build its own folder (the e2e fixture reads it).
      ...(process.env['LECTERN_RENDERER_OUT']
        ? { outDir: process.env['LECTERN_RENDERER_OUT'] }
        : {}),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    plugins: [
      svelte(),
      {
        name: 'lectern-csp',
        transformIndexHtml: (html: string) =>
          html.replace('%LECTERN_CSP%', contentSecurityPolicy({ isDev: command === 'serve' })),
      },
    ],
  },
}))
