import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type { ExplorerEvents } from '../../shared/contract/index.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import { createMainServices, type MainDependencies, type MainServices } from '../services.ts'

export interface ServicesWorld {
  services: MainServices
  storageDirectory: string
  events: Array<
    { [Name in keyof ExplorerEvents]: [Name, ExplorerEvents[Name]] }[keyof ExplorerEvents]
  >
  logs: string[]
  /** What the next folder dialog answers. */
  dialogs: { folder: string | null; file: string | null; saveTo: string | null }
}

/**
 * Main's services as the app builds them, on a test's storage folder, with the keychain in memory
 * and dialogs the test answers: for tests of how the services work together.
 */
export function servicesWorld(
  storageDirectory: string,
  overrides: Partial<MainDependencies> = {},
): ServicesWorld {
  const events: ServicesWorld['events'] = []
  const logs: string[] = []
  const dialogs: ServicesWorld['dialogs'] = { folder: null, file: null, saveTo: null }
  const services = createMainServices({
    fetch,
    storageDirectory,
    secrets: createMemorySecretStore(),
    now: Date.now,
    monotonicNow: () => performance.now(),
    log: (message) => logs.push(message),
    chooseFile: async () => dialogs.file,
    chooseFolder: async () => dialogs.folder,
    chooseSaveFile: async () => dialogs.saveTo,
    writeClipboard: () => undefined,
    openExternal: async () => undefined,
    emit: (event, payload) => events.push([event, payload] as ServicesWorld['events'][number]),
    WebSocket,
    ...overrides,
  })
  return { services, storageDirectory, events, logs, dialogs }
}

/** Every file under a folder with its text, to look for what must not be there (a token). */
export async function filesWithText(directory: string): Promise<Array<[string, string]>> {
  const names = await readdir(directory, { recursive: true })
  const files: Array<[string, string]> = []
  for (const name of names) {
    const text = await readFile(join(directory, name), 'utf8').catch(() => null)
    if (text !== null) files.push([name, text])
  }
  return files
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
