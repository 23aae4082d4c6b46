import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Development relaxes the page's Content-Security-Policy just enough for Vite's hot reload
// socket; the built page keeps the strict policy written in index.html.
const devCsp = {
  name: 'dev-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html.replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*"),
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The history's database runs in a worker thread: its own entry, beside index.js, found
          // at run time by history-store.ts (node:sqlite, a built-in, stays an import).
          'history-worker': resolve('src/main/history/history-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages or ES modules: bundle everything, emit CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [vue(), devCsp],
    resolve: {
      // monaco-editor's package exports map only .js files; its CSS is reached by path.
      alias: [
        {
          find: /^monaco-editor\/(.+\.css)$/,
          replacement: resolve('node_modules/monaco-editor/esm/vs/$1'),
        },
      ],
    },
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
    },
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
      chunkSizeWarningLimit: 4096,
      minify: true,
    },
    worker: { format: 'es' },
  },
})
