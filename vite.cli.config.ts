import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The command-line runner (`misskey-explorer run`), built for plain Node into out/cli next to the
// app's bundles. Packages stay outside the bundle (keytar is native); our own code is inside.
const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }

export default defineConfig({
  define: { __CLI_VERSION__: JSON.stringify(version) },
  build: {
    ssr: resolve('src/cli/main.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'misskey-explorer.js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
})
