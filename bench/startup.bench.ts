import { chromium, type Browser } from '@playwright/test'
import { ExplorerPage } from '../e2e/pages/explorer-page.ts'
import { startFakeMisskey } from '../test-kit/fake-misskey/server.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'
import { baselineCommit, baselineRenderer } from './baseline-renderer.ts'
import { ms, report, summarize } from './measure.ts'

interface StartUp {
  firstContentfulPaint: number
  serverFieldUsable: number
  editorReady: number
}

/**
 * One cold start of the page (a fresh browser context: nothing cached), times from navigation:
 * first contentful paint, the server field usable, and — the user opening the fake server and
 * an endpoint as soon as they can — the body editor on screen.
 */
async function startOnce(browser: Browser, url: string, origin: string): Promise<StartUp> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } })
  const page = await context.newPage()
  const main = await startMainWorld(page)
  try {
    const explorer = new ExplorerPage(page)
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
    const serverFieldUsable = await page.waitForFunction(
      () => {
        const field = document.querySelector<HTMLInputElement>('[data-testid="server-address"]')
        return field && !field.disabled && field.offsetParent !== null ? performance.now() : 0
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    )
    const fieldAt = Number(await serverFieldUsable.jsonValue())
    await explorer.openServer(origin)
    // The page object's steps, with waits long enough for a machine shared by many.
    const patient = { timeout: 120_000 }
    await explorer.endpointOptions.first().waitFor(patient)
    await explorer.endpointFilter.fill('meta')
    await page
      .locator('[data-testid="endpoint-option"][data-endpoint="meta"]')
      .first()
      .waitFor(patient)
    await explorer.endpointFilter.press('Enter')
    const editor = await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="body-editor"] .monaco-editor .view-lines')
          ? performance.now()
          : 0,
      undefined,
      { polling: 'raf', ...patient },
    )
    const editorAt = Number(await editor.jsonValue())
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    )
    return { firstContentfulPaint: paint, serverFieldUsable: fieldAt, editorReady: editorAt }
  } finally {
    await main.dispose()
    await context.close()
  }
}

/** Start-up in Chromium with the built renderer, side by side with the single-bundle baseline. */
export async function benchStartup(rendererDirectory: string): Promise<void> {
  const baselineDirectory = baselineRenderer()
  const fake = await startFakeMisskey()
  const ours = await serveRenderer(rendererDirectory)
  const baseline = baselineDirectory ? await serveRenderer(baselineDirectory) : null
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const runs = 5
    const samples: { ours: StartUp[]; baseline: StartUp[] } = { ours: [], baseline: [] }
    // One warm-up each (the OS file cache), then interleaved runs.
    await startOnce(browser, ours.url, fake.origin)
    if (baseline) await startOnce(browser, baseline.url, fake.origin)
    for (let run = 0; run < runs; run++) {
      samples.ours.push(await startOnce(browser, ours.url, fake.origin))
      if (baseline) samples.baseline.push(await startOnce(browser, baseline.url, fake.origin))
    }
    const rows: Array<[string, string]> = []
    const milestones: Array<[keyof StartUp, string, number]> = [
      [
        'firstContentfulPaint',
        'navigation → first contentful paint (the frame in index.html)',
        400,
      ],
      ['serverFieldUsable', 'navigation → server field usable', 800],
      ['editorReady', 'navigation → body editor ready (server + endpoint opened at once)', 1500],
    ]
    for (const [key, label, target] of milestones) {
      const split = summarize(samples.ours.map((sample) => sample[key]))
      const single = baseline ? summarize(samples.baseline.map((sample) => sample[key])) : null
      rows.push([
        label,
        `split ${ms(split.median)} (target ≤ ${target} ms)` +
          (single
            ? `; single bundle ${ms(single.median)}; ratio ${(split.median / single.median).toFixed(2)}×`
            : '; no baseline'),
      ])
    }
    report(
      `Start-up in Chromium, built renderer, cold (fresh context), median of ${runs} interleaved runs; baseline: the single bundle of ${baselineCommit}`,
      rows,
    )
  } finally {
    await browser.close()
    await ours.close()
    await baseline?.close()
    await fake.close()
  }
}
