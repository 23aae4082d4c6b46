// Run by history.bench.ts in a fresh Node process: opens the history in argv[2] once, cold (no
// JIT warm-up, as at app start-up), and prints how long it took in ms.
import { openHistoryStore } from '../src/main/history/history-store.ts'

const start = performance.now()
const opened = await openHistoryStore({
  directory: process.argv[2]!,
  now: Date.now,
  log: () => undefined,
  maxTotalBytes: 4 * 1024 ** 3,
})
const elapsed = performance.now() - start
if (!opened.ok) throw new Error(opened.error.message)
await opened.value.close()
console.log(elapsed.toFixed(2))
