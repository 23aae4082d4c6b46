import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { startFakeMisskey, type FakeMisskey } from '../test-kit/fake-misskey/server.ts'
import { expectedBridgeShape } from './electron-contract.ts'
import { ExplorerPage } from './pages/explorer-page.ts'

// The real app: the built main, preload and page in a real Electron, the sandbox on, IPC real.
// Where there is no Electron binary (it comes from GitHub) the story says so and is skipped,
// unless ELECTRON_LAUNCH_REQUIRED=1 (CI), where a missing binary fails it.
const root = resolve(import.meta.dirname, '..')

/** The Electron binary, without `require('electron')`, which would try to download it. */
function electronBinary(): string | null {
  const packageDirectory = join(root, 'node_modules', 'electron')
  const pathFile = join(packageDirectory, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDirectory, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const required = process.env.ELECTRON_LAUNCH_REQUIRED === '1'

let app: ElectronApplication | null = null
let fake: FakeMisskey | null = null
let userData: string | null = null

test.beforeEach(async () => {
  test.skip(
    binary === null && !required,
    'No Electron binary in node_modules/electron/dist: it is downloaded from GitHub, which this machine cannot reach (ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
  )
  expect(binary, 'ELECTRON_LAUNCH_REQUIRED=1 but Electron is not installed').not.toBeNull()
  fake = await startFakeMisskey()
  // A fresh profile: the story must not read or write the developer's own history and accounts.
  userData = await mkdtemp(join(tmpdir(), 'electron-launch-'))
  app = await electron.launch({
    executablePath: binary!,
    // No --no-sandbox: the renderer runs sandboxed, as for users.
    args: [join(root, 'out/main/index.js')],
    env: { ...process.env, XDG_CONFIG_HOME: userData, APPDATA: userData },
  })
})

test.afterEach(async () => {
  await app?.close()
  await fake?.close()
  if (userData) await rm(userData, { recursive: true, force: true })
})

test('the packaged app starts sandboxed, exposes the whole contract and answers through real IPC', async () => {
  const page = await app!.firstWindow()
  const explorer = new ExplorerPage(page)
  await expect(explorer.serverAddress).toBeVisible()
  expect(page.url()).toBe('app://explorer/index.html')

  await test.step('the bridge holds every namespace and method of the contract, and no Node', async () => {
    const exposed = await page.evaluate(() => {
      const bridge = (
        globalThis as unknown as { explorer: Record<string, Record<string, unknown>> }
      ).explorer
      return Object.fromEntries(
        Object.entries(bridge).map(([space, members]) => [
          space,
          Object.entries(members)
            .filter(([, value]) => typeof value === 'function')
            .map(([name]) => name)
            .sort(),
        ]),
      )
    })
    expect(exposed).toEqual(expectedBridgeShape())
    const nodeVisible = await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ])
    expect(nodeVisible).toEqual(['undefined', 'undefined'])
  })

  await test.step('the window runs with the settings main gave it, its renderer sandboxed', async () => {
    const window = await app!.evaluate(async ({ app: electronApp, BrowserWindow }) => {
      const [first] = BrowserWindow.getAllWindows()
      if (!first) return null
      const pid = first.webContents.getOSProcessId()
      // Linux: a renderer started without the sandbox carries --no-sandbox on its command line.
      // macOS and Windows: the process metrics say whether it is sandboxed.
      let sandboxed: boolean | null
      if (process.platform === 'linux') {
        const { readFileSync } = await import('node:fs')
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
        sandboxed = !commandLine.includes('--no-sandbox')
      } else {
        sandboxed =
          electronApp.getAppMetrics().find((metric) => metric.pid === pid)?.sandboxed ?? null
      }
      return {
        title: first.getTitle(),
        minimumSize: first.getMinimumSize(),
        menuBarAutoHide: first.isMenuBarAutoHide(),
        sandboxed,
      }
    })
    expect(window).toEqual({
      title: 'Misskey API Explorer',
      minimumSize: [900, 560],
      menuBarAutoHide: true,
      sandboxed: true,
    })
    // The bridge exists only with context isolation (contextBridge refuses to work without it);
    // no <webview> element is registered (webviewTag: false).
    const webview = await page.evaluate(() => customElements.get('webview') === undefined)
    expect(webview).toBe(true)
  })

  await test.step('the Content-Security-Policy is in effect: no eval, no inline script, no fetch out', async () => {
    const outside = `${fake!.origin}/api.json`
    const seen = await page.evaluate(async (url) => {
      const violated: string[] = []
      document.addEventListener('securitypolicyviolation', (event) =>
        violated.push(event.effectiveDirective),
      )
      let evalRan = false
      try {
        evalRan = (0, eval)('true') as boolean
      } catch {
        // Refused by script-src: what we want.
      }
      const inline = document.createElement('script')
      inline.textContent = 'globalThis.__inlineRan = true'
      document.head.append(inline)
      let fetched = false
      try {
        await fetch(url)
        fetched = true
      } catch {
        // Refused by connect-src.
      }
      // Images come through main as blob: URLs; the page may load none from a host itself.
      const image = new Image()
      const imageLoaded = await new Promise<boolean>((resolve) => {
        image.onload = () => resolve(true)
        image.onerror = () => resolve(false)
        image.src = url.replace('/api.json', '/identicon/direct')
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
      return {
        evalRan,
        inlineRan: (globalThis as { __inlineRan?: boolean }).__inlineRan === true,
        fetched,
        imageLoaded,
        violated: [...new Set(violated)].sort(),
      }
    }, outside)
    expect(seen).toEqual({
      evalRan: false,
      inlineRan: false,
      fetched: false,
      imageLoaded: false,
      violated: ['connect-src', 'img-src', 'script-src-elem', 'script-src'].sort(),
    })
  })

  await test.step('open the test server and send a request through main', async () => {
    await explorer.openServer(fake!.origin)
    await explorer.pickEndpoint('meta')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^200\b/)
    expect(await explorer.responseText()).toContain('"maintainerName"')
    // Main sent it (the page may not reach the server itself: connect-src 'self').
    expect(fake!.received.some((request) => request.path === '/api/meta')).toBe(true)
  })
})
