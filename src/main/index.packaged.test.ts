/* eslint-disable @typescript-eslint/no-unsafe-function-type -- the stand-in records whatever functions the code hands to electron */
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../test-kit/fake-misskey/server.ts'
import type { Account } from '../shared/accounts.ts'
import type { Result } from '../shared/result.ts'

// The packaged app, booted against a stand-in `electron` (as in index.test.ts) with
// ELECTRON_RENDERER_URL set by whoever started it: the window must still show our own page, only
// our own page may call main, and the page gets no permission, clipboard read above all, even
// right after main put a real token on the clipboard.
const recorded = vi.hoisted(() => {
  process.env.ELECTRON_RENDERER_URL = 'https://attacker.example/'
  return {
    storage: `/tmp/misskey-api-explorer-packaged-test-${process.pid}`,
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    loaded: [] as string[],
    clipboard: [] as string[],
    requestHandler: null as Function | null,
    checkHandler: null as Function | null,
  }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => []
    webContents = { setWindowOpenHandler: () => undefined, on: () => undefined, send: () => {} }
    loadURL = async (url: string) => void recorded.loaded.push(url)
    once() {}
    show() {}
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => recorded.storage,
      quit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        recorded.handlers.set(channel, handler),
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Function) => (recorded.requestHandler = handler),
        setPermissionCheckHandler: (handler: Function) => (recorded.checkHandler = handler),
      },
    },
    clipboard: { writeText: (text: string) => void recorded.clipboard.push(text) },
    dialog: {},
    shell: { openExternal: async () => undefined },
  }
})

let fake: FakeMisskey
const ourPage = { senderFrame: { url: 'app://explorer/index.html' } }
const call = async <T>(event: unknown, channel: string, ...args: unknown[]) =>
  (await recorded.handlers.get(channel)!(event, ...args)) as Result<T>

beforeAll(async () => {
  fake = await startFakeMisskey()
  await import('./index.ts')
  await new Promise((resolve) => setTimeout(resolve, 0))
})

afterAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL
  await fake.close()
  await rm(recorded.storage, { recursive: true, force: true })
})

describe('a packaged app started with ELECTRON_RENDERER_URL', () => {
  it('shows its own page, not the one from the environment', () => {
    expect(recorded.loaded).toEqual(['app://explorer/index.html'])
  })

  it('answers only its own page: the environment’s page gets UNTRUSTED_SENDER', async () => {
    const fromThere = { senderFrame: { url: 'https://attacker.example/' } }
    expect(await call(fromThere, 'accounts.list')).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    })
    expect(await call(ourPage, 'accounts.list')).toMatchObject({ ok: true })
  })
})

describe('permissions', () => {
  const asked = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'idle-detection',
    'window-management',
    'hid',
    'serial',
    'usb',
  ]

  it('refuses every request and every check, clipboard reads right after a real-token copy', async () => {
    const added = await call<Account>(
      ourPage,
      'accounts.addWithToken',
      fake.origin,
      fake.users.alice.token,
      'permissions test',
    )
    if (!added.ok) throw new Error(added.error.message)
    try {
      const copied = await call<{ text: string; includesToken: boolean }>(
        ourPage,
        'requests.copyAs',
        {
          kind: 'curl',
          origin: fake.origin,
          endpoint: 'i',
          body: '{}',
          auth: { mode: 'header', accountId: added.value.id },
          includeToken: true,
        },
      )
      expect(copied).toMatchObject({ ok: true, value: { includesToken: true } })
      // The clipboard holds the token; the page was given only the placeholder text.
      expect(recorded.clipboard.at(-1)).toContain(fake.users.alice.token)
      if (copied.ok) expect(copied.value.text).not.toContain(fake.users.alice.token)

      const contents = { getURL: () => 'app://explorer/index.html' }
      for (const permission of asked) {
        const answers: boolean[] = []
        recorded.requestHandler!(
          contents,
          permission,
          (granted: boolean) => answers.push(granted),
          {
            requestingUrl: 'app://explorer/index.html',
          },
        )
        expect(answers, permission).toEqual([false])
        expect(
          recorded.checkHandler!(contents, permission, 'app://explorer', {
            requestingUrl: 'app://explorer/index.html',
          }),
          permission,
        ).toBe(false)
      }
    } finally {
      await call(ourPage, 'accounts.remove', added.value.id)
    }
  })
})
