// Run by history.bench.ts in a fresh Node process: opens the history in argv[2] once, cold (no
// JIT warm-up, as at app start-up), as the app does (the history service, its first page), with
// the worker script in argv[3] (the built one), runs a few searches, and prints the time to the
// first page, to the worker being ready, and the process's RSS with the history open (JSON).
import { createHistoryService } from '../src/main/history/history-service.ts'

const workerUrl = process.argv[3] ? new URL(`file://${process.argv[3]}`) : undefined
const start = performance.now()
const service = createHistoryService({
  directory: process.argv[2]!,
  now: Date.now,
  log: () => undefined,
  emitAppended: () => undefined,
  storeOptions: { maxTotalBytes: 8 * 1024 ** 3, maxEntries: 2_000_000, workerUrl },
})
const first = await service.search({ limit: 50 })
const openMs = performance.now() - start
if (!first.ok) throw new Error(first.error.message)
// Any other query waits for the worker.
await service.search({ text: 'notes/show' })
const workerMs = performance.now() - start
await service.search({ statusClasses: ['4xx', 'failed'] })
await service.search({ text: 'elit', searchResponseBodies: true })
const rss = process.memoryUsage().rss
await service.close()
console.log(JSON.stringify({ openMs, workerMs, rssBytes: rss }))
