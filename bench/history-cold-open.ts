// Run by history.bench.ts in a fresh Node process: opens the history in argv[2] once, cold (no
// JIT warm-up, as at app start-up), with the worker script in argv[3] (the built one), runs a
// few searches, and prints the open time and the process's RSS with the history open (JSON).
import { openHistoryStore } from '../src/main/history/history-store.ts'

const workerUrl = process.argv[3] ? new URL(`file://${process.argv[3]}`) : undefined
const start = performance.now()
const opened = await openHistoryStore({
  directory: process.argv[2]!,
  now: Date.now,
  log: () => undefined,
  maxTotalBytes: 8 * 1024 ** 3,
  workerUrl,
})
const openMs = performance.now() - start
if (!opened.ok) throw new Error(opened.error.message)
const store = opened.value
await store.query({})
await store.query({ text: 'notes/show' })
await store.query({ statusClasses: ['4xx', 'failed'] })
await store.query({ text: 'elit', searchResponseBodies: true })
const rss = process.memoryUsage().rss
await store.close()
console.log(JSON.stringify({ openMs, rssBytes: rss }))
