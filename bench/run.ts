// `npm run bench`: every benchmark prints its absolute figures and a ratio against a baseline
// measured side by side in the same run (the machines are shared and noisy).
import { benchCatalog } from './catalog.bench.ts'
import { benchRequests } from './requests.bench.ts'
import { benchStreaming } from './streaming.bench.ts'

console.log(`Node ${process.version}, ${new Date().toISOString()}`)
benchCatalog()
await benchRequests()
await benchStreaming()
