import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HistoryQuery } from '../src/shared/history.ts'
import { openHistoryStore, type HistoryStore } from '../src/main/history/history-store.ts'
import { seedHistory } from './history-seed.ts'
import { ms, report, summarize, timeAsync, time } from './measure.ts'

const entryCount = 100_000

async function open(directory: string): Promise<HistoryStore> {
  // The seeded bodies pass the default 1 GiB cap; a higher one keeps eviction out of the figures.
  const opened = await openHistoryStore({
    directory,
    now: Date.now,
    log: () => undefined,
    maxTotalBytes: 4 * 1024 ** 3,
  })
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

/** Opening and searching a history of 100,000 entries, against reading and parsing the raw log. */
export async function benchHistory(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-history-'))
  try {
    const seedStart = performance.now()
    const sizes = await seedHistory(directory, entryCount)
    const seedMs = performance.now() - seedStart
    const logPath = join(directory, 'history.log')

    const rawRead = await timeAsync(5, async () => void (await readFile(logPath)))
    const rawParse = await timeAsync(5, async () => {
      const text = await readFile(logPath, 'utf8')
      for (const line of text.split('\n')) if (line) JSON.parse(line.slice(9))
    })
    const opening = await timeAsync(5, async () => (await open(directory)).close())
    // As at app start-up: a fresh process, nothing compiled yet.
    const script = join(import.meta.dirname, 'history-cold-open.ts')
    const cold = summarize(
      Array.from({ length: 3 }, () =>
        Number(execFileSync(process.execPath, [script, directory], { encoding: 'utf8' })),
      ),
    )
    report(
      `History open, ${entryCount.toLocaleString('en')} entries (log ${(sizes.logBytes / 1e6).toFixed(1)} MB, bodies ${(sizes.bodyBytes / 1e6).toFixed(0)} MB on disk, seeded in ${(seedMs / 1000).toFixed(1)} s)`,
      [
        ['read the raw log (baseline)', `median ${ms(rawRead.median)}`],
        ['read + JSON.parse every line (baseline)', `median ${ms(rawParse.median)}`],
        [
          'open the store (verify, index)',
          `median ${ms(opening.median)}, p95 ${ms(opening.p95)}  (target ≤ 500 ms)`,
        ],
        [
          'open in a fresh process (cold, 3 runs)',
          `median ${ms(cold.median)}, max ${ms(cold.p95)}  (target ≤ 500 ms)`,
        ],
        ['ratio open / parse', `${(opening.median / rawParse.median).toFixed(2)}×`],
      ],
    )

    const store = await open(directory)
    const lines = (await readFile(logPath, 'utf8')).split('\n').filter(Boolean).slice(1)
    const parsed = lines.map(
      (line) => JSON.parse(line.slice(9)) as { entry: Record<string, unknown> },
    )
    const searches: Array<[string, HistoryQuery, (entry: Record<string, unknown>) => boolean]> = [
      ['first page, no filter', {}, () => true],
      [
        'text "notes/show"',
        { text: 'notes/show' },
        (e) => String(e.endpoint).includes('notes/show'),
      ],
      [
        'text in request body "meeting 4242"',
        { text: 'meeting 4242' },
        (e) =>
          String(e.request).toLowerCase().includes('meeting') && String(e.request).includes('4242'),
      ],
      [
        'text "no_such_note" (error code)',
        { text: 'no_such_note' },
        (e) => String(e.problemCode).toLowerCase().includes('no_such_note'),
      ],
      [
        'status 4xx + failed',
        { statusClasses: ['4xx', 'failed'] },
        (e) => e.status === null || (Number(e.status) >= 400 && Number(e.status) < 500),
      ],
      [
        'server + date range + text',
        {
          origin: 'https://misskey.io',
          from: 1_700_000_000_000 + 20_000 * 30_000,
          to: 1_700_000_000_000 + 60_000 * 30_000,
          text: 'report',
        },
        (e) => e.origin === 'https://misskey.io' && String(e.request).includes('report'),
      ],
      [
        'rare text, no match',
        { text: 'zzz-not-there' },
        (e) => JSON.stringify(e).includes('zzz-not-there'),
      ],
    ]
    const rows: Array<[string, string]> = []
    for (const [label, query, naive] of searches) {
      const ours = await timeAsync(20, async () => void (await store.query(query)))
      const baseline = time(5, () => void parsed.filter((line) => naive(line.entry)))
      const page = await store.query(query)
      const total = page.ok ? page.value.total : 0
      rows.push([
        label,
        `median ${ms(ours.median)}, p95 ${ms(ours.p95)}  (target ≤ 50 ms; ${total} matches; naive filter of parsed lines ${ms(baseline.median)})`,
      ])
    }
    report(
      'History search over 100,000 entries (newest first, page of 50, every match counted)',
      rows,
    )

    const bodySearch = await timeAsync(
      10,
      async () => void (await store.query({ text: 'elit', searchResponseBodies: true })),
    )
    const bodyMiss = await timeAsync(
      5,
      async () => void (await store.query({ text: 'zzz-not-there', searchResponseBodies: true })),
    )
    const newest = await store.query({ limit: 1 })
    const id = newest.ok ? newest.value.items[0]!.id : ''
    const getOne = await timeAsync(50, async () => void (await store.get(id)))
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
    report('History response bodies, one entry, one append', [
      [
        'response-body search, common word (page of 50)',
        `median ${ms(bodySearch.median)}, p95 ${ms(bodySearch.p95)}`,
      ],
      [
        'response-body search, no match (one budgeted call)',
        `median ${ms(bodyMiss.median)}  (answers within its 40 ms budget with a cursor to go on)`,
      ],
      ['get one entry with its bodies', `median ${ms(getOne.median)}`],
      ['append one entry (two fsyncs)', `median ${ms(appendOne.median)}, p95 ${ms(appendOne.p95)}`],
    ])
    await store.close()
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}
