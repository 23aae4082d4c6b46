import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { startFakeMisskey, type FakeMisskey } from '../test-kit/fake-misskey/server.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'
import { report } from './measure.ts'
import {
  deliverEventsAsTasks,
  heapMegabytes,
  type MainThreadReport,
  logCounts,
  observeLongTasks,
  summarizeTasks,
  takeLongTasks,
} from './streaming-page-probe.ts'

// A busy timeline, end to end: the fake pushes 500 note messages a second for 20 seconds to
// main's streaming service, which batches them to the real renderer in Chromium. Measured: the
// page's long tasks (target: none over 100 ms), its JS heap (bounded by the log's cap) and
// whether every message arrived. Side by side: the same page idle (the machine's noise floor),
// and the same stream with a cap larger than the stream (memory without the ring buffer's bound).
const rate = 500
const seconds = 20
const rendererDirectory = resolve(import.meta.dirname, '../out/renderer')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

interface Burst {
  sent: number
  achievedRate: number
  received: number
  kept: number
  drainMs: number
  tasks: MainThreadReport
  /** After the burst and a garbage collection. */
  heap: number
}

interface RunResult {
  heapBefore: number
  bursts: Burst[]
}

async function noteTemplate(fake: FakeMisskey): Promise<Record<string, unknown>> {
  const response = await fetch(`${fake.origin}/api/notes/create`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${fake.users.alice.token}`,
    },
    body: JSON.stringify({ text: 'template' }),
  })
  const { createdNote } = (await response.json()) as { createdNote: Record<string, unknown> }
  return { ...createdNote, reactionAndUserPairCache: [] }
}

async function openStreamingView(page: Page, url: string, origin: string, cap: number) {
  await page.goto(url)
  await page.getByTestId('server-address').fill(origin)
  await page.getByTestId('server-address').press('Enter')
  await page.getByTestId('server-summary').waitFor()
  await page.getByTestId('view-streaming').click()
  await page.getByTestId('streaming-cap').selectOption(String(cap))
  await page.getByTestId('streaming-connect').click()
  await page.locator('[data-testid="streaming-status"][data-phase="open"]').waitFor()
  await page.getByTestId('streaming-channel').selectOption('localTimeline')
  await page.getByTestId('streaming-join').click()
  const joined = page.locator('[data-testid="streaming-joined"][data-status="confirmed"]')
  await joined.waitFor()
  return (await joined.getAttribute('data-connection-id')) as string
}

/** Pushes `rate` messages a second for `duration` seconds, as close to the schedule as it can. */
function push(
  fake: FakeMisskey,
  connectionId: string,
  template: object,
  total: number,
  offset: number,
) {
  return new Promise<{ sent: number; ms: number }>((done) => {
    let sent = 0
    const started = performance.now()
    const send = (count: number) => {
      for (; sent < count; sent++) {
        const index = offset + sent
        const note = {
          ...template,
          id: `bench${String(index).padStart(11, '0')}`,
          text: `message ${index} of a busy timeline`,
        }
        fake.broadcastStreaming({
          type: 'channel',
          body: { id: connectionId, type: 'note', body: note },
        })
      }
    }
    const timer = setInterval(() => {
      const elapsed = performance.now() - started
      send(Math.min(total, Math.floor((elapsed / 1000) * rate)))
      if (sent >= total || (total === 0 && elapsed >= seconds * 1000)) {
        clearInterval(timer)
        done({ sent, ms: performance.now() - started })
      }
    }, 10)
  })
}

async function run(
  browser: Browser,
  fake: FakeMisskey,
  url: string,
  cap: number,
  bursts: number[],
) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
  await observeLongTasks(page)
  const world = await startMainWorld(page)
  await deliverEventsAsTasks(page)
  const cdp = await page.context().newCDPSession(page)
  try {
    const connectionId = await openStreamingView(page, url, fake.origin, cap)
    const template = await noteTemplate(fake)
    await page.waitForTimeout(1000)
    const heapBefore = await heapMegabytes(cdp)
    await takeLongTasks(page)
    const result: RunResult = { heapBefore, bursts: [] }
    let offset = 0
    for (const burstSeconds of bursts) {
      const before = await logCounts(page)
      const pushed = await push(fake, connectionId, template, burstSeconds * rate, offset)
      offset += pushed.sent
      const drainStart = performance.now()
      let counts = await logCounts(page)
      while (
        counts.received - before.received < pushed.sent &&
        performance.now() - drainStart < 30_000
      ) {
        await page.waitForTimeout(20)
        counts = await logCounts(page)
      }
      const drainMs = performance.now() - drainStart
      // Taken before the forced garbage collection, which is no work of ours.
      const tasks = await takeLongTasks(page)
      result.bursts.push({
        sent: pushed.sent,
        achievedRate: pushed.sent / (pushed.ms / 1000),
        received: counts.received - before.received,
        kept: counts.shown,
        drainMs,
        tasks,
        heap: await heapMegabytes(cdp),
      })
      // The forced collection stalls the page: no part of the next burst.
      await takeLongTasks(page)
    }
    return result
  } finally {
    await world.dispose()
    await page.close()
  }
}

export async function benchStreaming(): Promise<void> {
  if (!existsSync(resolve(rendererDirectory, 'index.html')) || !existsSync(chromiumPath)) {
    console.log(`\nStreaming: skipped (needs "npm run build" and Chromium at ${chromiumPath})`)
    return
  }
  const fake = await startFakeMisskey()
  const server = await serveRenderer(rendererDirectory)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const idle = await run(browser, fake, server.url, 5000, [0])
    const capped = await run(browser, fake, server.url, 5000, [seconds, seconds / 2])
    const uncapped = await run(browser, fake, server.url, 50_000, [seconds])
    const mb = (value: number) => `${value.toFixed(1)} MB`
    const [main, more] = capped.bursts as [Burst, Burst]
    const [open] = uncapped.bursts as [Burst]
    const [quiet] = idle.bursts as [Burst]
    report(
      `Streaming: ${rate} note messages/s for ${seconds} s, fake → main → renderer (Chromium)`,
      [
        ['sent by the fake', `${main.sent} at ${main.achievedRate.toFixed(0)}/s`],
        [
          'received by the renderer',
          `${main.received} (${main.sent - main.received} missing)  (target: all)`,
        ],
        ['last message shown after the push', `${main.drainMs.toFixed(0)} ms`],
        ['kept in the log (cap 5,000)', `${main.kept} rows`],
        [`long tasks, idle page ${seconds} s (baseline)`, summarizeTasks(quiet.tasks)],
        [
          'long tasks under the stream',
          `${summarizeTasks(main.tasks)}  (target: none over 100 ms)`,
        ],
        // Long tasks are wall time: on a loaded machine a descheduled page makes them longer.
        ['machine load (1 min) / CPUs', `${loadavg()[0]?.toFixed(1)} / ${cpus().length}`],
        ['JS heap before the stream', mb(capped.heapBefore)],
        [
          `JS heap after ${main.sent} (cap 5,000)`,
          `${mb(main.heap)} (+${mb(main.heap - capped.heapBefore)})`,
        ],
        [
          `JS heap after ${main.sent + more.sent} in all (cap 5,000)`,
          `${mb(more.heap)} (${more.heap >= main.heap ? '+' : ''}${mb(more.heap - main.heap)}: bounded by the cap)`,
        ],
        [
          `JS heap after ${open.sent}, cap 50,000 (baseline)`,
          `+${mb(open.heap - uncapped.heapBefore)} for ${open.kept} rows kept`,
        ],
        [
          'long tasks, second burst / cap 50,000',
          `${summarizeTasks(more.tasks)} / ${summarizeTasks(open.tasks)}`,
        ],
      ],
    )
  } finally {
    await browser.close()
    await server.close()
    await fake.close()
  }
}
