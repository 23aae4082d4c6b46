// Run by history.bench.ts in a process of its own: seeds the history in argv[2] with argv[3]
// entries (argv[4]: 'timeline' or 'small' bodies; argv[5]: where to write the old log format,
// optional) and prints the database's size (JSON). Seeding a million entries leaves hundreds of
// megabytes of garbage behind; in the bench's own process its collection would stall the event
// loop that the searches' figures (main's longest stall) are about, which the app's main never
// carries.
import { seedHistory } from './history-seed.ts'

const [directory, count, bodies, legacyLog] = process.argv.slice(2)
const seeded = await seedHistory(directory!, Number(count), {
  bodies: bodies === 'small' ? 'small' : 'timeline',
  ...(legacyLog ? { legacyLog } : {}),
})
console.log(JSON.stringify(seeded))
