// `npm run bench`: every benchmark prints its absolute figures and a ratio against a baseline
// measured side by side in the same run (the machines are shared and noisy).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { benchBigResponse } from './big-response.bench.ts'
import { benchCatalog } from './catalog.bench.ts'
import { benchCliRunner } from './cli-runner.bench.ts'
import { benchCollections } from './collections.bench.ts'
import { benchHistory } from './history.bench.ts'
import { benchPreview } from './preview.bench.ts'
import { benchRequests } from './requests.bench.ts'
import { benchSendPaint } from './send-paint.bench.ts'
import { benchStartup } from './startup.bench.ts'
import { benchStreaming } from './streaming.bench.ts'

console.log(`Node ${process.version}, ${new Date().toISOString()}`)
benchCatalog()
await benchRequests()
await benchHistory()
await benchCollections()
await benchStreaming()
await benchCliRunner()

const renderer = resolve(import.meta.dirname, '../out/renderer')
if (existsSync(resolve(renderer, 'index.html'))) {
  await benchStartup(renderer)
  await benchSendPaint(renderer)
  await benchBigResponse(renderer)
  await benchPreview(renderer)
} else console.log('\n(No built renderer: run `npm run build` for the browser benchmarks.)')
