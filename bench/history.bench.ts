import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { HistoryQuery } from '../src/shared/history.ts'
import { openHistoryStore, type HistoryStore } from '../src/main/history/history-store.ts'
import { createHistoryService } from '../src/main/history/history-service.ts'
import { ms, report, summarize, timeAsync } from './measure.ts'

// The app runs the bundled worker (no type stripping in the thread): use it when built.
const builtWorker = resolve(import.meta.dirname, '../out/main/history-worker.js')
const workerUrl = existsSync(builtWorker) ? new URL(`file://${builtWorker}`) : undefined

// Caps high enough that eviction stays out of the figures.
const benchCaps = { maxTotalBytes: 8 * 1024 ** 3, maxEntries: 2_000_000 }

/** What the user waits for: the app's history service started, its first page in hand (ms). */
async function openToFirstPage(directory: string): Promise<number> {
  const start = performance.now()
  const service = createHistoryService({
    directory,
    now: Date.now,
    log: () => undefined,
    emitAppended: () => undefined,
    storeOptions: { ...benchCaps, workerUrl },
  })
  const page = await service.search({ limit: 50 })
  const elapsed = performance.now() - start
  if (!page.ok) throw new Error(page.error.message)
  await service.close()
  return elapsed
}

async function open(directory: string): Promise<HistoryStore> {
  const opened = await openHistoryStore({
    directory,
    now: Date.now,
    log: () => undefined,
    ...benchCaps,
    workerUrl,
  })
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

/** Main's longest event-loop stall while `work` runs (1 ms timer; the gap past 1 ms is the stall). */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let longest = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last - 1)
    last = now
  }, 1)
  await work()
  clearInterval(timer)
  return longest
}

const searches: Array<[string, HistoryQuery]> = [
  ['first page, no filter', {}],
  ['endpoint "notes/show"', { text: 'notes/show' }],
  ['request body words "meeting 4242"', { text: 'meeting 4242' }],
  ['error code "no_such_note"', { text: 'no_such_note' }],
  ['status 4xx + failed', { statusClasses: ['4xx', 'failed'] }],
  ['server', { origin: 'https://misskey.io' }],
  [
    'date range (an old month)',
    { from: 1_700_000_000_000 + 20_000 * 30_000, to: 1_700_000_000_000 + 110_000 * 30_000 },
  ],
  [
    'server + date range + text',
    {
      origin: 'https://misskey.io',
      from: 1_700_000_000_000 + 20_000 * 30_000,
      to: 1_700_000_000_000 + 60_000 * 30_000,
      text: 'report',
    },
  ],
  ['rare text, no match', { text: 'zzz-not-there' }],
]

async function benchSize(count: number, bodies: 'timeline' | 'small'): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-history-'))
  try {
    const legacyLog = count <= 100_000 ? join(directory, 'old-format.log') : undefined
    const seedStart = performance.now()
    // In a process of its own: see history-seed-child.ts.
    const seeded = execFileSync(
      process.execPath,
      [
        join(import.meta.dirname, 'history-seed-child.ts'),
        directory,
        String(count),
        bodies,
        ...(legacyLog ? [legacyLog] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    )
    const { databaseBytes } = JSON.parse(seeded) as { databaseBytes: number }
    const seedMs = performance.now() - seedStart
    const label = `${count.toLocaleString('en')} entries`
    const rows: Array<[string, string]> = []
    rows.push([
      'seeded (bulk path)',
      `${(seedMs / 1000).toFixed(1)} s, database ${(databaseBytes / 1e6).toFixed(0)} MB (${bodies === 'small' ? 'one short note per answer' : 'real timeline answers'})`,
    ])
    if (legacyLog) {
      // The old store's open was this plus checksums and indexing: the baseline.
      const parse = await timeAsync(3, async () => {
        const text = await readFile(legacyLog, 'utf8')
        for (const line of text.split('\n')) if (line) JSON.parse(line.slice(9))
      })
      rows.push(['baseline: read + parse the old log', `median ${ms(parse.median)}`])
      await rm(legacyLog)
    }
    // The first run warms the JIT up, as timeAsync does.
    const openings: number[] = []
    for (let run = 0; run < 6; run++) openings.push(await openToFirstPage(directory))
    const opening = summarize(openings.slice(1))
    rows.push([
      'open → first page (warm process)',
      `median ${ms(opening.median)}, p95 ${ms(opening.p95)}  (target ≤ 50 ms)`,
    ])
    const worker = await timeAsync(5, async () => (await open(directory)).close())
    rows.push([
      'worker ready (thread started, database open)',
      `median ${ms(worker.median)}, p95 ${ms(worker.p95)}  (in the background)`,
    ])
    const script = join(import.meta.dirname, 'history-cold-open.ts')
    const colds = Array.from({ length: 3 }, () => {
      const output = execFileSync(process.execPath, [script, directory, builtWorker], {
        encoding: 'utf8',
      })
      return JSON.parse(output) as { openMs: number; workerMs: number; rssBytes: number }
    })
    const cold = summarize(colds.map((run) => run.openMs))
    const coldWorker = summarize(colds.map((run) => run.workerMs))
    rows.push([
      'open → first page in a fresh process (3 runs)',
      `median ${ms(cold.median)}, max ${ms(cold.p95)}  (target ≤ 50 ms; worker ready ${ms(coldWorker.median)})`,
    ])
    rows.push([
      'RSS of a fresh process with it open + 4 searches',
      `${(Math.max(...colds.map((run) => run.rssBytes)) / 1e6).toFixed(0)} MB  (target ≤ 200 MB)`,
    ])
    report(`History, ${label}: opening`, rows)

    const store = await open(directory)
    const searchRows: Array<[string, string]> = []
    for (const [name, query] of searches) {
      let timing = summarize([0])
      const stall = await longestStall(async () => {
        timing = await timeAsync(20, async () => void (await store.query(query)))
      })
      const page = await store.query(query)
      const total = page.ok ? `${page.value.total}${page.value.totalAtLeast ? '+' : ''}` : 'error'
      searchRows.push([
        name,
        `median ${ms(timing.median)}, p95 ${ms(timing.p95)}  (target ≤ 50 ms; ${total} matches; main's longest stall ${ms(stall)})`,
      ])
    }
    for (const [name, text] of [
      ['response bodies, common word "elit"', 'elit'],
      ['response bodies, no match (one budgeted call)', 'zzz-not-there'],
    ] as const) {
      let timing = summarize([0])
      const stall = await longestStall(async () => {
        timing = await timeAsync(10, async () => {
          await store.query({ text, searchResponseBodies: true })
        })
      })
      searchRows.push([
        name,
        `median ${ms(timing.median)}, p95 ${ms(timing.p95)}  (target ≤ 100 ms; main's longest stall ${ms(stall)})`,
      ])
    }
    const newest = await store.query({ limit: 1 })
    const id = newest.ok ? newest.value.items[0]!.id : ''
    const getOne = await timeAsync(50, async () => void (await store.get(id)))
    searchRows.push(['get one entry with its bodies', `median ${ms(getOne.median)}`])
    let counter = 0
    const appendOne = await timeAsync(30, async () => {
      const result = await store.append({
        sentAt: Date.now(),
        origin: 'https://misskey.example',
        accountLabel: 'bench',
        endpoint: 'meta',
        authMode: 'none',
        requestBody: `{"n":${counter++}}`,
        outcome: { kind: 'failure', code: 'TIMEOUT', message: 'x', durationMs: 1 },
      })
      if (!result.ok) throw new Error(result.error.message)
    })
    searchRows.push([
      'append one entry (one WAL commit, fsynced)',
      `median ${ms(appendOne.median)}, p95 ${ms(appendOne.p95)}  (target ≤ 5 ms)`,
    ])
    report(
      `History, ${label}: searches (page of 50, counted up to 10,000), get, append`,
      searchRows,
    )
    await store.close()
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/**
 * The history at 100,000 entries (real timeline answers) and at 1,000,000 (short answers).
 * BENCH_HISTORY_SIZES=100000 (or 1000000) runs one size only.
 */
export async function benchHistory(): Promise<void> {
  if (!workerUrl) {
    console.log('\n(No built history worker: run `npm run build` first; using the source.)')
  }
  const sizes = (process.env.BENCH_HISTORY_SIZES ?? '100000,1000000').split(',').map(Number)
  if (sizes.includes(100_000)) await benchSize(100_000, 'timeline')
  if (sizes.includes(1_000_000)) await benchSize(1_000_000, 'small')
}
