import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ExplorerEvents } from '../shared/contract/index.ts'
import { createCatalogService, type CatalogService } from './catalog/catalog-service.ts'
import { createSpecCache } from './catalog/spec-cache.ts'
import { createRequestSender, type RequestSender } from './requests/request-sender.ts'
import type { SecretStore } from './secrets/secret-store.ts'
import { createAccountService, type AccountService } from './accounts/account-service.ts'
import { createAccountStore } from './accounts/account-store.ts'
import { createAccountLookup } from './accounts/account-lookup.ts'
import { createSignInFlows, type SignInFlows } from './accounts/sign-in-flows.ts'
import { createChosenFiles, type ChosenFiles } from './files/chosen-files.ts'
import { createKeptBodies } from './requests/kept-bodies.ts'
import { createResponseFiles, type ResponseFiles } from './requests/response-files.ts'
import { createSnippetService, type SnippetService } from './snippets/snippet-service.ts'
import { createHistoryService, type HistoryService } from './history/history-service.ts'
import { recordSends } from './requests/recorded-sender.ts'
import { substituteBeforeSending } from './requests/substituting-sender.ts'
import {
  createCollectionService,
  type CollectionService,
} from './collections/collection-service.ts'
import {
  createCollectionZipService,
  type CollectionZipService,
} from './collections/collection-zip-service.ts'
import { importCurl } from './collections/curl-import.ts'
import { createSettingsFile, type SettingsFile } from './settings/app-settings.ts'
import type { LanguagePreference } from '../shared/contract/settings.ts'
import { ok, type Result } from '../shared/result.ts'
import { writeFileAtomic } from './storage/write-file-atomic.ts'
import { createImageService, type ImageService } from './images/image-service.ts'
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
  /** The system's open-file dialog; the chosen path, or null when cancelled. */
  chooseFile: (options?: { extensions?: string[] }) => Promise<string | null>
  /** The system's folder dialog (a collection to open, or an empty folder to import into). */
  chooseFolder: (purpose: 'open-collection' | 'import-target') => Promise<string | null>
  /** The system's save dialog; the chosen path, or null when cancelled. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>
  /** Puts text on the system clipboard ("Copy as"). */
  writeClipboard: (text: string) => void
  /** Opens a page in the system browser (sign-in flows). */
  openExternal: (url: string) => Promise<void>
  /** Pushes an event to the renderer. */
  emit: <Name extends keyof ExplorerEvents>(event: Name, payload: ExplorerEvents[Name]) => void
  /** The WebSocket client of the streaming explorer (the `ws` package's). */
  WebSocket: SocketConstructor
}

export interface MainServices {
  catalog: CatalogService
  requests: RequestSender
  accounts: AccountService
  signIn: SignInFlows
  files: ChosenFiles
  snippets: SnippetService
  responses: ResponseFiles
  streaming: StreamingService
  history: HistoryService
  collections: CollectionService
  collectionZip: CollectionZipService
  curl: { import: typeof importCurl }
  settings: SettingsFile
  images: ImageService
  setLanguage(language: LanguagePreference): Promise<Result<LanguagePreference>>
  /** Finishes history writes, stops watching, releases the history's lock (the app quits). */
  close(): Promise<void>
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
  const lookup = createAccountLookup(accounts)
  const files = createChosenFiles(() => dependencies.chooseFile())
  const keptBodies = createKeptBodies()
  const history = createHistoryService({
    directory: join(dependencies.storageDirectory, 'history'),
    now: dependencies.now,
    log: dependencies.log,
    emitAppended: (result) => dependencies.emit('history.onAppended', result),
  })
  // Every send, from the workbench or a folder run, is recorded here in main.
  const recordedSender = recordSends(
    createRequestSender({
      tokenFor: (accountId, origin) => accounts.tokenFor(accountId, origin),
      filePath: (fileId) => files.pathOf(fileId),
      keptBodies,
      monotonicNow: dependencies.monotonicNow,
      emitProgress: (progress) => dependencies.emit('requests.onProgress', progress),
    }),
    {
      record: (input) => history.record(input),
      accountLabel: (accountId) => lookup.labelOf(accountId),
      now: dependencies.now,
      monotonicNow: dependencies.monotonicNow,
    },
  )
  // One settings file object for everyone: it serialises writes and keeps the cached value.
  const settings = createSettingsFile(
    join(dependencies.storageDirectory, 'settings.json'),
    dependencies.log,
  )
  const collections = createCollectionService({
    settings,
    log: dependencies.log,
    chooseFolder: dependencies.chooseFolder,
    emitChanged: (result) => dependencies.emit('collections.onChanged', result),
    send: (input) => recordedSender.send(input),
    account: (origin, label) => lookup.forRun(origin, label),
  })
  return {
    history,
    collections,
    collectionZip: createCollectionZipService({
      collections,
      chooseSaveFile: dependencies.chooseSaveFile,
      chooseZip: () => dependencies.chooseFile({ extensions: ['zip'] }),
      chooseFolder: dependencies.chooseFolder,
    }),
    curl: { import: importCurl },
    settings,
    images: createImageService({ fetch: dependencies.fetch, settings }),
    async setLanguage(language) {
      await settings.update((value) => ({ ...value, language }))
      return ok(language)
    },
    async close() {
      await collections.shutdown()
      await history.close()
    },
    accounts,
    files,
    responses: createResponseFiles({
      kept: keptBodies,
      chooseSaveFile: dependencies.chooseSaveFile,
    }),
    snippets: createSnippetService({
      tokenFor: (accountId, origin) => accounts.tokenFor(accountId, origin),
      writeClipboard: dependencies.writeClipboard,
    }),
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
    requests: substituteBeforeSending(recordedSender, () => collections.variables()),
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
