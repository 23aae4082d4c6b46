import { join } from 'node:path'
import type { ExplorerEvents } from '../shared/contract.ts'
import { createCatalogService, type CatalogService } from './catalog/catalog-service.ts'
import { createSpecCache } from './catalog/spec-cache.ts'
import { createRequestSender, type RequestSender } from './requests/request-sender.ts'
import type { SecretStore } from './secrets/secret-store.ts'

/** Everything main's logic needs from the outside world, passed in so tests can supply their own. */
export interface MainDependencies {
  fetch: typeof fetch
  /** The folder main may write to (Electron's userData in the app, a temp folder in tests). */
  storageDirectory: string
  secrets: SecretStore
  now: () => number
  monotonicNow: () => number
  log: (message: string) => void
  /** Pushes an event to the renderer. */
  emit: <Name extends keyof ExplorerEvents>(event: Name, payload: ExplorerEvents[Name]) => void
}

export interface MainServices {
  catalog: CatalogService
  requests: RequestSender
}

export function createMainServices(dependencies: MainDependencies): MainServices {
  return {
    catalog: createCatalogService({
      fetch: dependencies.fetch,
      cache: createSpecCache(join(dependencies.storageDirectory, 'spec-cache')),
      now: dependencies.now,
      log: dependencies.log,
    }),
    requests: createRequestSender({
      fetch: dependencies.fetch,
      monotonicNow: dependencies.monotonicNow,
      emitProgress: (progress) => dependencies.emit('requests.onProgress', progress),
    }),
  }
}
