import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { ExplorerPage } from '../e2e/pages/explorer-page.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { sharedFixture } from '../test-kit/support/shared-fixtures.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'
import { ms, report, summarize } from './measure.ts'

const targetBytes = 20 * 1024 * 1024

/** A ~20 MB timeline: the real 100-note local timeline repeated, or generated notes without it. */
function bigTimeline(): string {
  const path = sharedFixture('local-timeline-100.json')
  const notes: unknown[] = path
    ? (JSON.parse(readFileSync(path, 'utf8')) as unknown[])
    : Array.from({ length: 100 }, (_, id) => ({
        id: `note${id}`,
        text: 'x'.repeat(6000),
        user: { username: 'alice' },
      }))
  const one = JSON.stringify(notes)
  const copies = Math.ceil(targetBytes / one.length)
  return JSON.stringify(Array.from({ length: copies }, () => notes).flat())
}

/**
 * A 20 MB JSON answer, from the request leaving to a readable view in the page, with the page's
 * main-thread long tasks recorded as it arrives (built renderer in Chromium, real main handlers).
 */
export async function benchBigResponse(rendererDirectory: string): Promise<void> {
  const body = bigTimeline()
  const server = await startLocalServer((request, response) => {
    const spec = request.url === '/api.json'
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(spec ? JSON.stringify(buildFakeSpec('http://big.invalid')) : body)
  })
  const renderer = await serveRenderer(rendererDirectory)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
    await page.addInitScript(() => {
      const tasks: number[] = []
      ;(globalThis as unknown as { __longTasks: number[] }).__longTasks = tasks
      new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => tasks.push(entry.duration)),
      ).observe({
        type: 'longtask',
        buffered: true,
      })
    })
    const main = await startMainWorld(page)
    const explorer = new ExplorerPage(page)
    await explorer.load(renderer.url)
    await explorer.openServer(server.origin)
    await explorer.pickEndpoint('notes/local-timeline')
    const readable: number[] = []
    const longest: number[] = []
    for (let run = 0; run < 5; run++) {
      await page.evaluate(
        () => ((globalThis as unknown as { __longTasks: number[] }).__longTasks.length = 0),
      )
      const started = performance.now()
      await explorer.sendButton.click()
      // The last answer's preview stays on screen until the new answer replaces it.
      await page
        .locator('[data-testid="response-viewer"]:not([aria-busy="true"])')
        .getByTestId('large-preview')
        .filter({ hasText: '"id"' })
        .waitFor()
      readable.push(performance.now() - started)
      const tasks = await page.evaluate(
        () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
      )
      longest.push(Math.max(0, ...tasks))
      await page.getByTestId('tab-headers').click()
      await page.getByTestId('tab-body').click()
    }
    // The same bytes with a bare fetch in main's process, for scale.
    const rawSamples: number[] = []
    for (let run = 0; run < 5; run++) {
      const start = performance.now()
      await (
        await fetch(`${server.origin}/api/notes/local-timeline`, { method: 'POST', body: '{}' })
      ).text()
      rawSamples.push(performance.now() - start)
    }
    const raw = summarize(rawSamples)
    // Make sure the observer sees long tasks at all: a deliberate 250 ms one must show up.
    const observed = await page.evaluate(async () => {
      const tasks = (globalThis as unknown as { __longTasks: number[] }).__longTasks
      tasks.length = 0
      // A task of the page's own event loop, as the UI's are (not the evaluation itself).
      setTimeout(() => {
        const until = performance.now() + 250
        while (performance.now() < until);
      }, 0)
      await new Promise((resolve) => setTimeout(resolve, 500))
      return Math.max(0, ...tasks)
    })
    const timing = summarize(readable)
    report(
      `A ${(body.length / 1024 / 1024).toFixed(1)} MB JSON response, send → readable view in Chromium, 5 runs`,
      [
        ['bare fetch + text in Node (baseline)', `median ${ms(raw.median)}`],
        [
          'send → preview visible (ours)',
          `median ${ms(timing.median)}, max ${ms(Math.max(...readable))}  (target ≤ 1500 ms)`,
        ],
        ['ratio ours / bare fetch', `${(timing.median / raw.median).toFixed(2)}×`],
        [
          'longest main-thread task in the page',
          `max ${ms(Math.max(...longest))}  (target ≤ 200 ms)`,
        ],
        ['(observer check: a deliberate 250 ms task)', `seen as ${ms(observed)}`],
      ],
    )
    await main.dispose()
  } finally {
    await browser.close()
    await renderer.close()
    await server.close()
  }
}
