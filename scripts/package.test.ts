// The installers cannot be built here (electron-builder downloads Electron from GitHub); their
// configuration is checked instead, with electron-builder's own loader and schema.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { closedPort } from '../test-kit/support/local-server.ts'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
// electron-builder's own configuration code (app-builder-lib), as `electron-builder` runs it.
const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Config>
    validateConfiguration(config: Config, logger: unknown): Promise<void>
  }
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown
}

interface Config {
  files?: Array<string | { filter?: string[] }>
  asar?: boolean
  asarUnpack?: string[]
  icon?: string
  electronFuses?: Record<string, boolean>
  linux?: { target?: string[] }
  mac?: { target?: string[] }
  win?: { target?: string[] }
  [key: string]: unknown
}

const load = () => getConfig(root, join(root, 'electron-builder.yml'), null)

// Compiling electron-builder's schema (a large one) takes a while on a busy machine.
describe('electron-builder.yml', { timeout: 120_000 }, () => {
  it('passes electron-builder’s own schema', async () => {
    const config = await load()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('the schema check can fail: a misspelt option is refused', async () => {
    const config = { ...(await load()), asarUnpak: ['x'] }
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/asarUnpak/)
  })

  it('builds AppImage and deb, dmg, and NSIS', async () => {
    const config = await load()
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
  })

  it('packs the built app into an asar with keytar’s native module outside it', async () => {
    const config = await load()
    expect(config.asar).toBe(true)
    const files = (config.files ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    )
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']))
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string })
      .main
    expect(main).toMatch(/^\.\/out\//)
    // electron-builder matches these globs with minimatch, as here.
    const { minimatch } = require('minimatch') as {
      minimatch: (path: string, glob: string) => boolean
    }
    const native = 'node_modules/keytar/build/Release/keytar.node'
    expect(config.asarUnpack?.some((glob) => minimatch(native, glob))).toBe(true)
  })

  it('takes the app icon from resources/, big enough for every platform', async () => {
    const config = await load()
    expect(config.icon).toBe('resources/icon.png')
    const png = readFileSync(join(root, config.icon!))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    // Width and height from the IHDR chunk: macOS and Linux want at least 512×512.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })

  it('sets the Electron fuses of a production app', async () => {
    const config = await load()
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})

describe('npm run package', () => {
  it('stops before building, saying why, when Electron cannot be downloaded', async () => {
    // A download host that refuses connections, and an empty cache: as on a machine without
    // GitHub. Nothing is built (dist/ stays as it was).
    const port = await closedPort()
    const hadDist = existsSync(join(root, 'dist'))
    const run = promisify(execFile)
    const failure = await run(process.execPath, [join(root, 'scripts/package.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: join(root, 'node_modules/.no-electron-cache'),
        ELECTRON_GET_USE_PROXY: '',
        GLOBAL_AGENT_HTTPS_PROXY: '',
      },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('stopped before building')
    expect(failure?.stderr).toContain(`http://127.0.0.1:${port}/`)
    expect(failure?.stderr).toContain('ECONNREFUSED')
    expect(existsSync(join(root, 'dist'))).toBe(hadDist)
  }, 60_000)
})
