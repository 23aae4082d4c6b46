import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

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

test('the packaged app starts, loads its page from app:// and exposes the bridge', async () => {
  test.skip(
    binary === null,
    'No Electron binary in node_modules/electron/dist: it is downloaded from GitHub, which this machine cannot reach (ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
  )
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [join(root, 'out/main/index.js'), '--no-sandbox'],
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByTestId('server-address')).toBeVisible()
    expect(page.url()).toBe('app://explorer/index.html')
    const bridge = await page.evaluate(() =>
      Object.keys((globalThis as unknown as { explorer: object }).explorer),
    )
    expect(bridge.sort()).toEqual(['catalog', 'events', 'requests'])
    const nodeVisible = await page.evaluate(
      () => typeof (globalThis as { require?: unknown }).require,
    )
    expect(nodeVisible).toBe('undefined')
  } finally {
    await app.close()
  }
})
