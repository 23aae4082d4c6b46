import { readFileSync } from 'node:fs'
import { chromium, type Page } from '@playwright/test'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { ExplorerPage } from '../e2e/pages/explorer-page.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { sharedFixture } from '../test-kit/support/shared-fixtures.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'
import { ms, report, summarize } from './measure.ts'

/** The real 100-note local timeline (3,000-character notes), or made-up notes without it. */
function hundredNotes(): Array<Record<string, unknown>> {
  const path = sharedFixture('local-timeline-100.json')
  if (path) return JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, unknown>>
  return Array.from({ length: 100 }, (_, index) => ({
    id: `note${String(index).padStart(6, '0')}`,
    createdAt: '2026-12-02T00:00:00.000Z',
    userId: 'user1',
    user: { id: 'user1', username: 'alice', name: null, host: null, avatarUrl: null },
    text: `**note ${index}** ${'lorem ipsum dolor sit amet '.repeat(100)}`,
    visibility: 'public',
    reactions: { '👍': index },
    files: [],
  }))
}

async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const tasks: number[] = []
    ;(globalThis as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => tasks.push(entry.duration)),
    ).observe({ type: 'longtask', buffered: true })
  })
}

/** In the page: click a tab, then the time until `selector` is in the page and painted. */
function clickAndTime(page: Page, tab: string, selector: string): Promise<number> {
  return page.evaluate(
    ([tabId, wanted]) =>
      new Promise<number>((resolve) => {
        const start = performance.now()
        const done = () =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
        const observer = new MutationObserver(() => {
          if (!document.querySelector(wanted!)) return
          observer.disconnect()
          done()
        })
        observer.observe(document.body, { childList: true, subtree: true })
        ;(document.querySelector(`[data-testid="${tabId}"]`) as HTMLElement).click()
      }),
    [tab, selector],
  )
}

/**
 * The Preview tab: a 100-note timeline's first cards against showing the same answer's JSON in
 * the Body tab, side by side; and 1,000 notes scrolled through with the page's long tasks recorded.
 */
export async function benchPreview(rendererDirectory: string): Promise<void> {
  const notes = hundredNotes()
  // Texts cut to 600 characters: 1,000 whole notes would pass the 5 MB where the app shows a
  // large body's start instead of parsing it.
  const thousand = Array.from({ length: 10 }, (_, copy) =>
    notes.map((note) => ({
      ...note,
      id: `${String(note.id)}${copy}`,
      text: typeof note.text === 'string' ? note.text.slice(0, 600) : note.text,
      renote: undefined,
      reply: undefined,
    })),
  ).flat()
  let answer = JSON.stringify(notes)
  const server = await startLocalServer((request, response) => {
    const spec = request.url === '/api.json'
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(spec ? JSON.stringify(buildFakeSpec('http://preview.invalid')) : answer)
  })
  const renderer = await serveRenderer(rendererDirectory)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
    // The machines are shared: loading may be slow, which is not what is measured here.
    page.setDefaultTimeout(120_000)
    page.setDefaultNavigationTimeout(120_000)
    await watchLongTasks(page)
    const main = await startMainWorld(page)
    const explorer = new ExplorerPage(page)
    await explorer.load(renderer.url)
    await explorer.openServer(server.origin)
    await explorer.pickEndpoint('notes/local-timeline')

    // The same answer in the page, shown as cards or as JSON, alternately (Raw in between, so
    // each view is built from scratch).
    await explorer.sendButton.click()
    await page.getByTestId('preview-note').first().waitFor()
    const cards: number[] = []
    const json: number[] = []
    for (let run = 0; run < 11; run++) {
      await page.getByTestId('tab-raw').click()
      await page.getByTestId('preview-pane').waitFor({ state: 'detached' })
      const cardsMs = await clickAndTime(page, 'tab-preview', '.note-card')
      await page.getByTestId('tab-raw').click()
      const jsonMs = await clickAndTime(
        page,
        'tab-body',
        '[data-testid="response-body"] .view-line',
      )
      // The first run loads Monaco's and the preview's chunks: a warm-up.
      if (run > 0) {
        cards.push(cardsMs)
        json.push(jsonMs)
      }
    }
    const cardTiming = summarize(cards)
    const jsonTiming = summarize(json)

    report(
      `Preview of ${notes.length} notes (${(JSON.stringify(notes).length / 1024).toFixed(0)} KB), tab click → view painted in Chromium, ${cards.length} runs`,
      [
        [
          'the answer’s JSON in Body (baseline)',
          `median ${ms(jsonTiming.median)}, p95 ${ms(jsonTiming.p95)}`,
        ],
        [
          'the first note cards in Preview (ours)',
          `median ${ms(cardTiming.median)}, p95 ${ms(cardTiming.p95)}  (target ≤ 50 ms)`,
        ],
        ['ratio cards / JSON', `${(cardTiming.median / jsonTiming.median).toFixed(2)}×`],
      ],
    )
    answer = JSON.stringify(thousand)
    await page.getByTestId('tab-preview').click()
    await explorer.sendButton.click()
    await page.getByTestId('response-size').filter({ hasText: /MB/ }).waitFor()
    await page.getByTestId('preview-note').first().waitFor()
    await page.evaluate(
      () => ((globalThis as unknown as { __longTasks: number[] }).__longTasks.length = 0),
    )
    const scrolled = await page.evaluate(async () => {
      const feed = document.querySelector(
        '[data-testid="preview-pane"] [role="feed"]',
      ) as HTMLElement
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      let steps = 0
      while (feed.scrollTop + feed.clientHeight < feed.scrollHeight - 1 && steps < 2000) {
        feed.scrollTop += 400
        steps++
        await frame()
      }
      return { steps, rows: feed.querySelectorAll('.virtual-list__row').length }
    })
    const tasks = await page.evaluate(
      () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
    )
    report(`Scrolling ${thousand.length} notes to the end (${scrolled.steps} steps of 400 px)`, [
      ['rows in the page at the end', String(scrolled.rows)],
      [
        'main-thread tasks over 50 ms',
        `${tasks.length}, longest ${ms(Math.max(0, ...tasks))}  (target: none)`,
      ],
    ])
    await main.dispose()
  } finally {
    await browser.close()
    await renderer.close()
    await server.close()
  }
}
