import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { WebSocket } from 'ws'
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts'
import { createHandlers } from '../../src/main/ipc/handlers.ts'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-secret-store.ts'
import { rememberSecrets } from '../../src/main/secrets/remembering-secret-store.ts'
import { createMainServices } from '../../src/main/services.ts'
import { installTestBridge, type BridgeTransport, type TestBridge } from './test-bridge.ts'

export interface MainWorld {
  /** Main's storage folder for this test (Electron's userData in the app). */
  storageDirectory: string
  /** The keychain service its tokens are kept under (a later session passes it back). */
  keychainService: string
  bridge: TestBridge
  /** Everything main logged, for the leak checks. */
  logs: string[]
  /** Pages main asked the system browser to open. */
  opened: string[]
  /** Plays the user in the system browser; a story sets it before a sign-in. */
  browser: ((url: string) => Promise<void>) | null
  /** What the user picks in the next open-file dialog (null: they cancel). */
  fileToChoose: string | null
  /** What main put on the system clipboard last. */
  clipboard: string
  /** Where the next save dialog saves to (null: the user cancels). */
  saveTo: string | null
  /** Plays the user in the save dialog: the path to answer (null: cancel); wins over `saveTo`. */
  saveAs: ((defaultName: string) => string | null) | null
  /** The names main suggested in its save dialogs. */
  saveDialogs: string[]
  /** What the user picks in the next folder dialog (null: they cancel). */
  folderToChoose: string | null
  /** Resolves once every send so far is recorded in the history. */
  historySettled(): Promise<void>
  /** Closes main's services, as quitting the app does (history lock, collection watcher). */
  close(): Promise<void>
  dispose(): Promise<void>
}

/**
 * Main as the app builds it (real fetch, real keychain, a fresh storage folder per test), wired to
 * the page through the test bridge instead of Electron IPC.
 */
export interface MainWorldOptions {
  /** Reuse a storage folder (a later session of the app). */
  storageDirectory?: string
  /** Reuse a keychain service (a later session of the app finds the earlier one's tokens). */
  keychainService?: string
  /**
   * How the page reaches main: Playwright's binding (the default, what the stories use) or a
   * loopback WebSocket as quick as Electron's IPC, for benchmarks; the page's context then
   * needs `bypassCSP: true`.
   */
  transport?: BridgeTransport
}

export async function startMainWorld(
  page: Page,
  options: MainWorldOptions = {},
): Promise<MainWorld> {
  const storageDirectory = options.storageDirectory
  const folder = storageDirectory ?? (await mkdtemp(join(tmpdir(), 'explorer-e2e-')))
  // A service name of its own per test: tests never see each other's (or a developer's) tokens.
  const keychainService = options.keychainService ?? `misskey-api-explorer-e2e-${randomUUID()}`
  let bridge: TestBridge | null = null
  const logs: string[] = []
  const opened: string[] = []
  const log = (message: string) => {
    logs.push(message)
    console.error(`[main] ${message}`)
  }
  // Filled in below; the browser stand-in is looked up when main opens a page.
  const world = {
    browser: null as MainWorld['browser'],
    fileToChoose: null as string | null,
    clipboard: '',
    saveTo: null as string | null,
    saveAs: null as MainWorld['saveAs'],
    folderToChoose: null as string | null,
  }
  const saveDialogs: string[] = []
  const services = createMainServices({
    fetch: globalThis.fetch,
    storageDirectory: folder,
    secrets: rememberSecrets(createKeytarSecretStore(keychainService)),
    now: Date.now,
    monotonicNow: () => performance.now(),
    log,
    chooseFile: async () => world.fileToChoose,
    writeClipboard: (text) => (world.clipboard = text),
    chooseFolder: async () => world.folderToChoose,
    // Like shell.openExternal, this returns at once; the "user" acts in the browser meanwhile.
    openExternal: async (url) => {
      opened.push(url)
      if (!world.browser) throw new Error(`this story did not expect the browser to open ${url}`)
      void world
        .browser(url)
        .catch((error: unknown) => log(`the browser stand-in failed: ${String(error)}`))
    },
    emit: (event, payload) => void bridge?.emit(event, payload).catch(() => undefined),
    WebSocket,
    chooseSaveFile: async (defaultName) => {
      saveDialogs.push(defaultName)
      return world.saveAs ? world.saveAs(defaultName) : world.saveTo
    },
  })
  const dispatch = createDispatcher(createHandlers(services), log)
  const installed = await installTestBridge(page, dispatch, options.transport)
  bridge = installed
  let closing: Promise<void> | null = null
  const close = () => (closing ??= services.close())
  // Closing the window quits the app: a later session on the same folder can take the history.
  page.once('close', () => {
    void close()
    void installed.close()
  })
  return Object.assign(world, {
    storageDirectory: folder,
    keychainService,
    bridge: installed,
    logs,
    opened,
    saveDialogs,
    historySettled: () => services.history.settled(),
    close,
    dispose: async () => {
      services.streaming.dispose()
      await close()
      await installed.close()
      if (!storageDirectory) await rm(folder, { recursive: true, force: true })
    },
  })
}
