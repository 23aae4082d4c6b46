import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Page } from '@playwright/test'
import { ExplorerPage } from '../e2e/pages/explorer-page.ts'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import type { BridgeTransport } from '../test-kit/support/test-bridge.ts'
import { sharedFixture } from '../test-kit/support/shared-fixtures.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'
import { longestMainThreadTasks, type LongestTasks } from './main-thread-tasks.ts'
import { ms, report, summarize } from './measure.ts'

interface Answer {
  endpoint: string
  label: string
  /** The body for run `run`: its first note's id carries the run, so each paint is new. */
  body: (run: number) => string
  marker: (run: number) => string
  /**
   * Timed runs per view. A run's paint waits for the display's next 60 Hz beat, 0–17 ms on any
   * page: a small answer's few milliseconds need more runs for their median to settle.
   */
  runs: number
}

/**
 * Send → painted answer: our page (main's send path, IPC, the response view) against a bare
 * fetch in a page of the same server that puts the answer into a readonly <textarea> as
 * Misskey's own API console does, pretty-printed by JSON.stringify (the lower bound) and as that
 * console shows it (JSON5.stringify, its Send button an animated ellipsis while it sends; see
 * BareView), and, for reference, into a <pre>. Each run is timed
 * inside the page, click to the end of the frame that paints the answer's first note id — its
 * style, layout and paint included, on both pages — in the view that opens (the Preview's cards)
 * and in the Body tab's JSON; then the page's main thread is
 * traced while the 1 MB answer is sent and shown.
 * `transport`: how our page reaches main (test-bridge.ts); the socket is the one comparable to
 * Electron's IPC, the binding is kept to show what it costs.
 */
export async function benchSendPaint(
  rendererDirectory: string,
  transport: BridgeTransport = 'socket',
): Promise<void> {
  const path = sharedFixture('local-timeline-100.json')
  if (!path) {
    console.log(
      '\n(Send → paint skipped: ../shared/fixtures/misskey/local-timeline-100.json is absent.)',
    )
    return
  }
  const timeline = readFileSync(path, 'utf8')
  const notes = JSON.parse(timeline) as Array<{ id: string }>
  const firstId = notes[0]!.id
  const withRun = (text: string, run: number) => text.replace(firstId, `${firstId}r${run}`)
  const mega = JSON.stringify([
    ...notes,
    ...notes.slice(0, Math.ceil((1_000_000 / timeline.length - 1) * notes.length)),
  ])
  const answers: Answer[] = [
    {
      endpoint: 'notes/show',
      label: `small answer (one note, ${(JSON.stringify(notes[0]).length / 1024).toFixed(1)} KB)`,
      body: (run) => withRun(JSON.stringify(notes[0]), run),
      marker: (run) => `${firstId}r${run}`,
      runs: 30,
    },
    {
      endpoint: 'notes/local-timeline',
      label: `real local timeline (${(timeline.length / 1024).toFixed(0)} KB)`,
      body: (run) => withRun(timeline, run),
      marker: (run) => `${firstId}r${run}`,
      runs: 10,
    },
    {
      endpoint: 'notes/timeline',
      label: `1 MB answer (${(mega.length / 1024).toFixed(0)} KB)`,
      body: (run) => withRun(mega, run),
      marker: (run) => `${firstId}r${run}`,
      runs: 10,
    },
  ]
  let run = 0
  const server = await startLocalServer((request, response) => {
    if (request.url === '/api.json') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify(buildFakeSpec('http://paint.invalid')))
      return
    }
    if (request.url === '/bare.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(
        '<!doctype html><meta charset="utf-8"><script src="/json5.js"></script>' +
          `<style>${consoleEllipsisStyle}</style><button id="send">Send</button>` +
          '<pre id="out"></pre><textarea id="console" readonly rows="40" cols="100"></textarea>',
      )
      return
    }
    if (request.url === '/json5.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      response.end(json5Script)
      return
    }
    const answer = answers.find((candidate) => request.url === `/api/${candidate.endpoint}`)
    request.resume()
    request.on('end', () => {
      response.writeHead(answer ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' })
      response.end(answer ? answer.body(run) : '{}')
    })
  })
  const renderer = await serveRenderer(rendererDirectory)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  const patient = { timeout: 120_000 }
  const via =
    transport === 'socket'
      ? 'over a loopback WebSocket, as quick as IPC'
      : "through Playwright's binding, slow for big answers"

  try {
    // The app's policy allows no socket; the bridge's socket stands in for Electron's IPC.
    const ours = await browser.newPage({ viewport: { width: 1360, height: 860 }, bypassCSP: true })
    const main = await startMainWorld(ours, { transport })
    const explorer = new ExplorerPage(ours)
    await ours.goto(renderer.url, patient)
    await explorer.serverAddress.waitFor(patient)
    await explorer.openServer(server.origin)
    await explorer.endpointOptions.first().waitFor(patient)
    const bare = await browser.newPage()
    await bare.goto(`${server.origin}/bare.html`)

    const rows: Array<[string, string]> = []
    let longestWhileBig: { views: LongestTasks; raw: LongestTasks } | null = null
    let nativeWrap = 0
    for (const answer of answers) {
      await explorer.endpointFilter.fill(answer.endpoint)
      await ours
        .locator(`[data-testid="endpoint-option"][data-endpoint="${answer.endpoint}"]`)
        .first()
        .waitFor(patient)
      await explorer.endpointFilter.press('Enter')
      await ours.locator('[data-testid="body-editor"] .monaco-editor').waitFor(patient)
      const samples: Record<View | BareView, number[]> = {
        opened: [],
        body: [],
        pre: [],
        textarea: [],
        json5: [],
      }
      const inPage: Record<View, number[]> = { opened: [], body: [] }
      /** The console's share after its fetch has the answer's text: its page's own work. */
      const consoleInPage: number[] = []
      // A user sends again and again in the view they look at: each view's runs come in a row
      // (the first warms up and is not counted), interleaved run by run with the three baselines.
      for (const view of ['opened', 'body'] as const) {
        for (let index = 0; index <= answer.runs; index++) {
          run++
          const oursMs = await timeOurs(ours, answer.marker(run), view)
          if (index > 0) samples[view].push(oursMs.total)
          if (index > 0) inPage[view].push(oursMs.inPage)
          for (const into of ['pre', 'textarea', 'json5'] as const) {
            run++
            const bareMs = await timeBare(
              bare,
              `${server.origin}/api/${answer.endpoint}`,
              answer.marker(run),
              into,
            )
            if (index > 0) samples[into].push(bareMs.total)
            if (index > 0 && into === 'textarea') consoleInPage.push(bareMs.inPage)
          }
        }
      }
      const intoPre = summarize(samples.pre)
      const base = summarize(samples.textarea)
      const json5 = summarize(samples.json5)
      const opened = summarize(samples.opened)
      const body = summarize(samples.body)
      const ratios = (timing: { median: number }) =>
        `${(timing.median / base.median).toFixed(2)}× the textarea, ${(timing.median / json5.median).toFixed(2)}× the console`
      const page = (view: View) => ms(summarize(inPage[view]).median)
      rows.push([
        answer.label,
        `bare fetch + pretty-print into a <pre> ${ms(intoPre.median)}; into a readonly <textarea>, the least a console can do, ${ms(base.median)} (${ms(summarize(consoleInPage).median)} of it after the text came); as Misskey 2025.5's API console shows it (JSON5.stringify into the textarea, its Send button an animated ellipsis meanwhile) ${ms(json5.median)}; ours via the ${transport}, the view that opens ${ms(opened.median)} (${ratios(opened)}; ${page('opened')} of it after the answer reached the page), the Body tab (JSON) ${ms(body.median)} (${ratios(body)}; ${page('body')} after)`,
      ])
      if (answer === answers.at(-1)) {
        longestWhileBig = await traceLongestTask(ours, () => answer.marker(++run), renderer.url)
        nativeWrap = await timeNativeWrap(bare, answer.body(++run))
      }
    }
    if (!longestWhileBig) throw new Error('the 1 MB answer was not traced')
    const { views, raw } = longestWhileBig
    rows.push(
      [
        'longest main-thread task while the 1 MB answer is sent and shown (3 sends in each view, traced)',
        `${ms(views.page)}, at most ${ms(views.pageCpu)} of CPU  (target ≤ 50 ms; the page's own work: where the bridge's socket delivered the answer, the script, style and layout the page ran in that task; that whole task, the stand-in for Electron's IPC reading a megabyte included, ${ms(views.bridgeReceive)})`,
      ],
      [
        'longest main-thread task opening the Raw tab on it (its one line of 1 MB wrapped, 3 times)',
        `${ms(raw.page)}, at most ${ms(raw.pageCpu)} of CPU  (target ≤ 50 ms; Monaco wraps a line in one task; the browser's own <textarea> takes ${ms(nativeWrap)} to wrap the same line, median of 3)`,
      ],
    )
    report(
      `Send → painted answer in Chromium (built renderer; ours reaches main ${via}), median of each view's runs (30 for the small answer, 10 for the others), interleaved run by run with each baseline (twice as many runs)`,
      rows,
    )
    await main.dispose()
  } finally {
    await browser.close()
    await renderer.close()
    await server.close()
  }
}

/**
 * Sends the answer three times for each view under a Chromium trace, each left to finish what it
 * does after the first paint (the rest of the text, the id links…), and returns the longest
 * tasks of our page's main thread meanwhile (main-thread-tasks.ts); then, in a trace of its own,
 * opens the Raw tab on the answer three times. Apart from the timed runs: tracing slows what it
 * watches.
 */
async function traceLongestTask(
  page: Page,
  /** The next run's marker (the server answers that run). */
  nextMarker: () => string,
  pageUrl: string,
): Promise<{ views: LongestTasks; raw: LongestTasks }> {
  const browser = page.context().browser()!
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline']
  await browser.startTracing(page, { categories })
  for (let index = 0; index < 3; index++) {
    for (const view of ['opened', 'body'] as const) {
      await timeOurs(page, nextMarker(), view)
      await page.waitForTimeout(700)
    }
  }
  const views = longestMainThreadTasks(await browser.stopTracing(), pageUrl)
  await browser.startTracing(page, { categories })
  for (let index = 0; index < 3; index++) {
    // The same answer as it came on the wire: one line of a megabyte, wrapped.
    await page.getByTestId('tab-raw').click()
    await page.getByTestId('response-body').locator('.monaco-editor .view-lines').waitFor()
    await page.waitForTimeout(700)
    // The tab stays chosen for the next answer: back to the view that opens by itself.
    await page.getByTestId('tab-preview').click()
    await page.waitForTimeout(300)
  }
  const raw = longestMainThreadTasks(await browser.stopTracing(), pageUrl)
  return { views, raw }
}

/** The one task in which a readonly <textarea> takes `text` (one line) and lays it out wrapped. */
async function timeNativeWrap(page: Page, text: string): Promise<number> {
  const runs: number[] = []
  for (let index = 0; index < 3; index++) {
    runs.push(
      await page.evaluate((line) => {
        const area = document.querySelector<HTMLTextAreaElement>('#console')!
        area.value = ''
        void area.scrollHeight
        const start = performance.now()
        area.value = line
        void area.scrollHeight
        return performance.now() - start
      }, text),
    )
  }
  return summarize(runs).median
}

/**
 * The answer in our page: `opened` is the view that opens by itself (the Preview's note cards for
 * notes), `body` the Body tab's JSON, which the bench switches to as soon as the answer is in (a
 * user's choice of Body then holds for the next answers of the endpoint, as it does for them).
 */
type View = 'opened' | 'body'

interface PaintTiming {
  total: number
  /** From the answer reaching the page (ours: the bridge call returned; the bare page: its text read) to the paint. */
  inPage: number
}

/**
 * Click Send, resolve once the frame that shows the answer's marker in the chosen view has been
 * painted — as the bare page resolves once the frame after it set its text has: a
 * MutationObserver sees the marker the moment the page puts it in (polling once a frame would
 * add up to a frame to ours alone). Timed to that frame's start instead, the bare page's
 * textarea was timed without laying out and painting its text, hundreds of ms for a megabyte.
 */
async function timeOurs(page: Page, marker: string, view: View): Promise<PaintTiming> {
  await settled(page)
  return page.evaluate(
    ({ marker, view }) =>
      new Promise<PaintTiming>((resolve) => {
        // When the bridge call returned: the rest is the page's own work.
        const scope = globalThis as unknown as {
          explorer: { requests: { send: (...args: unknown[]) => Promise<unknown> } }
          __answerAt: number
          __timedSend?: boolean
        }
        if (!scope.__timedSend) {
          const requests = scope.explorer.requests
          const send = requests.send
          requests.send = async (...args) => {
            const result = await send(...args)
            scope.__answerAt = performance.now()
            return result
          }
          scope.__timedSend = true
        }
        const painted = () => {
          const body = document.querySelector('[data-testid="response-body"]')
          if (body?.textContent?.includes(marker)) return true
          return (
            view === 'opened' &&
            document.querySelector(`[data-testid="preview-note"][data-note-id="${marker}"]`) !==
              null
          )
        }
        const watcher = new MutationObserver(() => {
          const bodyTab = document.querySelector('[data-testid="tab-body"]')
          if (view === 'body' && bodyTab?.getAttribute('aria-selected') === 'false') {
            // As a user would, as soon as the tab is there.
            bodyTab.dispatchEvent(new MouseEvent('click', { bubbles: true }))
          }
          if (!painted()) return
          watcher.disconnect()
          // The frame's rendering (style, layout, paint) runs after its animation-frame
          // callbacks, in the same task: a task queued from one runs once that frame is painted.
          // Queued ahead of the tasks the page queued itself (the Body's editor taking over),
          // which come after the paint and are not the answer's.
          requestAnimationFrame(() =>
            scheduler.postTask(
              () =>
                resolve({
                  total: performance.now() - start,
                  inPage: performance.now() - scope.__answerAt,
                }),
              { priority: 'user-blocking' },
            ),
          )
        })
        // The last answer stays until the new one replaces it; the watcher starts after the
        // click's own flush.
        const start = performance.now()
        document.querySelector<HTMLButtonElement>('[data-testid="send"]')!.click()
        queueMicrotask(() =>
          watcher.observe(document.body, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
            attributeFilter: ['aria-selected', 'data-note-id'],
          }),
        )
      }),
    { marker, view },
  )
}

/**
 * A run starts once the page has done showing the last answer — the Body's editor has taken over
 * from its plain first screen, and the page has been idle — as a user's next send, seconds later,
 * does. Sent sooner, the click would land on that work and time it too.
 */
async function settled(page: Page): Promise<void> {
  await page.getByTestId('response-body-plain').waitFor({ state: 'detached' })
  await page.evaluate(whenIdle)
}

/**
 * Resolves once the page has been idle for a while, as before a user's click, seconds after the
 * last answer. Both pages start each run from here. A page that drew a frame a moment ago draws
 * its next one on the display's 60 Hz beat, up to a frame later; one that has been still draws it
 * as soon as it is asked to. Started right after a frame, a run would time where its answer fell
 * in that beat rather than the work it did.
 */
function whenIdle(): Promise<void> {
  return new Promise((resolve) =>
    requestIdleCallback(() => setTimeout(resolve, 150), { timeout: 1_000 }),
  )
}

/**
 * How the bare page shows an answer: pretty-printed by JSON.stringify into a <pre> (the least a
 * page can do) or into a readonly <textarea>, where Misskey's own API console shows it; or
 * shown as that console of Misskey 2025.5 shows it: printed by `JSON5.stringify(resp, null, 2)`
 * (the json5 package, served to the page) into the <textarea>, its Send button disabled and
 * showing an animated ellipsis while it sends (api-console.vue's `sending`, MkEllipsis.vue). The
 * console's Vue components around them are not reproduced: the textarea runs stay the lower
 * bound.
 */
type BareView = 'pre' | 'textarea' | 'json5'

/** MkEllipsis.vue's dots: each fades out and in, in turn, for as long as the console sends. */
const consoleEllipsisStyle =
  '@keyframes ellipsis { 0%, 80%, 100% { opacity: 1 } 40% { opacity: 0 } }' +
  ' .ellipsis > span { animation: ellipsis 1.4s infinite ease-in-out both }' +
  ' .ellipsis > span:nth-child(2) { animation-delay: 0.16s }' +
  ' .ellipsis > span:nth-child(3) { animation-delay: 0.32s }'

/** The json5 package's browser build, for the bare page (`JSON5` on the page's global). */
const json5Script = readFileSync(
  createRequire(import.meta.url).resolve('json5/dist/index.min.js'),
  'utf8',
)

/** A bare fetch, the answer shown as `into` says (BareView), resolved once that frame is painted. */
async function timeBare(
  page: Page,
  url: string,
  marker: string,
  into: BareView,
): Promise<PaintTiming> {
  // From the same footing as ours: the page idle.
  await page.evaluate(whenIdle)
  return page.evaluate(
    async ({ url, marker, into }) => {
      const send = document.getElementById('send') as HTMLButtonElement
      const start = performance.now()
      if (into === 'json5') {
        send.disabled = true
        send.innerHTML = '<span class="ellipsis"><span>.</span><span>.</span><span>.</span></span>'
      }
      const response = await fetch(url, { method: 'POST', body: '{}' })
      const text = await response.text()
      const textAt = performance.now()
      const value = JSON.parse(text) as unknown
      const pretty =
        into === 'json5'
          ? (globalThis as unknown as { JSON5: typeof JSON }).JSON5.stringify(value, null, 2)
          : JSON.stringify(value, null, 2)
      if (into === 'pre') document.getElementById('out')!.textContent = pretty
      else document.querySelector<HTMLTextAreaElement>('#console')!.value = pretty
      if (into === 'json5') {
        send.disabled = false
        send.textContent = 'Send'
      }
      if (!pretty.includes(marker)) throw new Error('the bare page missed the answer')
      // As ours: once the frame that shows the text is painted.
      return new Promise<PaintTiming>((resolve) =>
        requestAnimationFrame(() =>
          scheduler.postTask(
            () => resolve({ total: performance.now() - start, inPage: performance.now() - textAt }),
            { priority: 'user-blocking' },
          ),
        ),
      )
    },
    { url, marker, into },
  )
}
