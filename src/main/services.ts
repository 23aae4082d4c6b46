import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ExplorerEvents } from '../shared/contract.ts'
import { createCatalogService, type CatalogService } from './catalog/catalog-service.ts'
import { createSpecCache } from './catalog/spec-cache.ts'
import { createRequestSender, type RequestSender } from './requests/request-sender.ts'
import type { SecretStore } from './secrets/secret-store.ts'
import { writeFileAtomic } from './storage/write-file-atomic.ts'
import { createAccountService, type AccountService } from './accounts/account-service.ts'
import { createAccountStore } from './accounts/account-store.ts'
import { createSignInFlows, type SignInFlows } from './accounts/sign-in-flows.ts'
import { createStreamingService, type StreamingService } from './streaming/streaming-service.ts'
import type { SocketConstructor } from './streaming/streaming-types.ts'

/** Everything main's logic needs from the outside world, passed in so tests can supply their own. */
export interface MainDependencies {
  fetch: typeof fetch
  /** The folder main may write to (Electron's userData in the app, a temp folder in tests). */
  storageDirectory: string
  secrets: SecretStore
  now: () => number
  monotonicNow: () => number
  log: (message: string) => void
  /** Opens a page in the system browser (sign-in flows). */
  openExternal: (url: string) => Promise<void>
  /** Pushes an event to the renderer. */
  emit: <Name extends keyof ExplorerEvents>(event: Name, payload: ExplorerEvents[Name]) => void
  /** The WebSocket client of the streaming explorer (the `ws` package's). */
  WebSocket: SocketConstructor
  /** Asks the user where to save a file (a save dialog); null when they cancel. */
  chooseSaveFile: (defaultName: string) => Promise<string | null>
}

export interface MainServices {
  catalog: CatalogService
  requests: RequestSender
  accounts: AccountService
  signIn: SignInFlows
  streaming: StreamingService
}

export function createMainServices(dependencies: MainDependencies): MainServices {
  const accounts = createAccountService({
    fetch: dependencies.fetch,
    secrets: dependencies.secrets,
    store: createAccountStore(
      join(dependencies.storageDirectory, 'accounts.json'),
      dependencies.log,
    ),
    now: dependencies.now,
  })
  return {
    accounts,
    signIn: createSignInFlows({
      fetch: dependencies.fetch,
      accounts,
      openExternal: dependencies.openExternal,
      emit: (progress) => dependencies.emit('accounts.onSignInProgress', progress),
    }),
    catalog: createCatalogService({
      fetch: dependencies.fetch,
      cache: createSpecCache(join(dependencies.storageDirectory, 'spec-cache')),
      now: dependencies.now,
      log: dependencies.log,
    }),
    requests: createRequestSender({
      fetch: dependencies.fetch,
      tokenFor: (accountId, origin) => accounts.tokenFor(accountId, origin),
      monotonicNow: dependencies.monotonicNow,
      emitProgress: (progress) => dependencies.emit('requests.onProgress', progress),
    }),
    streaming: createStreamingService({
      WebSocket: dependencies.WebSocket,
      tokenFor: (accountId, origin) => accounts.tokenFor(accountId, origin),
      now: dependencies.now,
      timers: {
        set: (callback, ms) => setTimeout(callback, ms),
        clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
      },
      random: Math.random,
      randomId: () => randomUUID(),
      emitState: (state) => dependencies.emit('streaming.onState', state),
      emitMessages: (batch) => dependencies.emit('streaming.onMessages', batch),
      log: dependencies.log,
      chooseSaveFile: dependencies.chooseSaveFile,
      writeFile: (path, text) => writeFileAtomic(path, text),
    }),
  }
}
