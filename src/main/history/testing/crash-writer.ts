// The child process of history-crash.test.ts, run by Node itself (type stripping, so erasable
// syntax only): opens the history in argv[2] and appends entries as fast as it can, printing
// each id once its append has resolved, until it is killed. Every 25th append it compacts, so
// kills also land in the middle of a rewrite.
import { openHistoryStore } from '../history-store.ts'
import { crashBody, sampleInput } from './history-fixtures.ts'

const [directory, tag] = process.argv.slice(2)
if (!directory || !tag) throw new Error('usage: crash-writer.ts <directory> <tag>')
const opened = await openHistoryStore({ directory, now: Date.now, log: () => undefined })
if (!opened.ok) {
  process.stderr.write(`${opened.error.code}: ${opened.error.message}\n`)
  process.exit(2)
}
const store = opened.value
for (let count = 0; ; count++) {
  const result = await store.append(
    sampleInput({ requestBody: crashBody(tag, count), sentAt: Date.now() }),
  )
  if (!result.ok) {
    process.stderr.write(`${result.error.code}: ${result.error.message}\n`)
    process.exit(3)
  }
  process.stdout.write(`${result.value.id}\n`)
  if (count % 25 === 24) await store.compact()
}
