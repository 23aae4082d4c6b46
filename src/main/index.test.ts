/* eslint-disable @typescript-eslint/no-unsafe-function-type -- the stand-in records whatever functions the code hands to electron */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { methodNames } from '../shared/contract/index.ts'
import type { Result } from '../shared/result.ts'

// A stand-in for the `electron` module that records what index.ts asks of it, so the wiring
// (window security settings, one handler per contract method, sender checks) is tested without
// an Electron binary.
const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as Array<{
    options: Record<string, unknown>
    loaded: string[]
    listeners: Map<string, Function>
    openHandler?: Function
  }>,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, Function>(),
  permissionRequestHandler: null as Function | null,
  opened: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => recorded.windows
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record = {
        options,
        loaded: [] as string[],
        listeners: new Map<string, Function>(),
        openHandler: undefined as Function | undefined,
      }
      recorded.windows.push(record)
      this.webContents = {
        setWindowOpenHandler: (handler: Function) => (record.openHandler = handler),
        on: (event: string, listener: Function) => record.listeners.set(event, listener),
        send: () => undefined,
      }
      Object.assign(this, { loadURL: async (url: string) => record.loaded.push(url) })
    }
    once() {}
    show() {}
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => '/tmp/misskey-api-explorer-wiring-test',
      quit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        recorded.handlers.set(channel, handler),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) =>
        recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Function) => recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Function) =>
          (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: () => undefined,
      },
    },
    clipboard: { writeText: () => undefined },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
  }
})

beforeAll(async () => {
  await import('./index.ts')
  await new Promise((resolve) => setTimeout(resolve, 0))
})

const fromOurPage = { senderFrame: { url: 'app://explorer/index.html' } }

describe('main/index.ts wiring', () => {
  it('opens one window with the secure web preferences and our own page', () => {
    expect(recorded.windows).toHaveLength(1)
    const window = recorded.windows[0]!
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    )
    expect(window.loaded).toEqual(['app://explorer/index.html'])
    expect(recorded.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ])
    expect(recorded.protocolHandlers.has('app')).toBe(true)
  })

  it('registers exactly one handler per contract method', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual([...methodNames].sort())
  })

  it('answers a frame that is not our page with UNTRUSTED_SENDER', async () => {
    const handler = recorded.handlers.get('catalog.open')!
    const result = (await handler(
      { senderFrame: { url: 'https://evil.example/' } },
      'misskey.io',
    )) as Result<unknown>
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    const noFrame = (await handler({ senderFrame: null }, 'misskey.io')) as Result<unknown>
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  it('validates arguments from our page before any handler runs', async () => {
    const result = (await recorded.handlers.get('catalog.getRequestSchema')!(
      fromOurPage,
      'javascript:alert(1)',
      'meta',
    )) as Result<unknown>
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('keeps the window on our page and sends only http(s) links to the system browser', () => {
    const window = recorded.windows[0]!
    expect(window.openHandler?.({ url: 'https://misskey-hub.net/' })).toEqual({ action: 'deny' })
    expect(window.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(recorded.opened).toEqual(['https://misskey-hub.net/'])
    let prevented = false
    window.listeners.get('will-navigate')?.(
      { preventDefault: () => (prevented = true) },
      'https://evil.example/',
    )
    expect(prevented).toBe(true)
  })

  it('denies every permission request (camera, notifications, …)', () => {
    let granted: boolean | null = null
    recorded.permissionRequestHandler?.({}, 'media', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
  })
})
