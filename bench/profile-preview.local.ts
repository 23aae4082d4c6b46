import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { ExplorerPage } from '../e2e/pages/explorer-page.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { sharedFixture } from '../test-kit/support/shared-fixtures.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'

const notes = JSON.parse(readFileSync(sharedFixture('local-timeline-100.json')!, 'utf8'))
const thousand = Array.from({ length: 10 }, (_, c) => notes.map((n: any) => ({ ...n, id: `${n.id}${c}`, text: typeof n.text === 'string' ? n.text.slice(0, 600) : n.text, renote: undefined, reply: undefined }))).flat()
const server = await startLocalServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  response.end(request.url === '/api.json' ? JSON.stringify(buildFakeSpec('http://p.invalid')) : JSON.stringify(thousand))
})
const renderer = await serveRenderer(resolve(process.argv[2] ?? 'out/renderer'))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
page.setDefaultTimeout(120_000)
const main = await startMainWorld(page)
const explorer = new ExplorerPage(page)
await explorer.load(renderer.url)
await explorer.openServer(server.origin)
await explorer.pickEndpoint('notes/local-timeline')
await explorer.sendButton.click()
await page.getByTestId('preview-note').first().waitFor()
if (process.env.SKIP_WARM) for (let i = 0; i < 3; i++) {
  await page.getByTestId('tab-raw').click()
  await page.getByTestId('preview-pane').waitFor({ state: 'detached' })
  await page.getByTestId('tab-preview').click()
  await page.locator('.note-card').first().waitFor()
}
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await cdp.send('Profiler.start')
const t = await page.evaluate(async () => {
  const feed = document.querySelector('[data-testid="preview-pane"] [role="feed"]') as HTMLElement
  const frame = () => new Promise((r) => requestAnimationFrame(r))
  const s = performance.now()
  let steps = 0
  while (feed.scrollTop + feed.clientHeight < feed.scrollHeight - 1 && steps < 300) { feed.scrollTop += 400; steps++; await frame() }
  return performance.now() - s
})
const { profile } = await cdp.send('Profiler.stop')
console.log('cards ms', t.toFixed(1))
const self = new Map<string, number>()
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const dt = profile.timeDeltas ?? []
profile.samples?.forEach((id, i) => {
  const n = byId.get(id)!
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
})
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'))
// Inclusive time per function
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const incl = new Map<string, number>()
profile.samples?.forEach((id, i) => {
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
    if (seen.has(key)) continue
    seen.add(key)
    incl.set(key, (incl.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  }
})
console.log('--- inclusive')
console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'))
await main.dispose()
await browser.close(); await renderer.close(); await server.close()
