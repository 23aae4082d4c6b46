import { mkdir } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import type {
  HistoryEntry,
  HistoryNotice,
  HistoryPage,
  HistoryQuery,
  HistoryRecordInput,
  HistorySummary,
} from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { acquireFolderLock } from '../storage/folder-lock.ts'
import { storageFailure } from '../storage/fs-error.ts'
import { readFirstPage } from './first-page.ts'
import type { WorkerConfig, WorkerMessage, WorkerMethod } from './worker-protocol.ts'

export interface HistoryStoreOptions {
  /** The history's own folder (in the app: `<userData>/history`). */
  directory: string
  now: () => number
  log: (message: string) => void
  /** Each stored body (request, response) is cut to this many bytes. Default 2 MiB. */
  maxBodyBytes?: number
  /** The oldest unpinned entries go beyond this many entries. Default 1,000,000. */
  maxEntries?: number
  /** …or beyond this many bytes of bodies. Default 1 GiB. */
  maxTotalBytes?: number
  /** How long one response-body search call scans before answering. Default 50 ms. */
  searchBudgetMs?: number
  /** Entries scanned per step of a response-body search (the budget is checked between). */
  searchChunkRows?: number
  /** Caps the database file's pages: tests fill the "disk" with it. */
  maxPageCount?: number
  /** The worker's script; by default the one beside this module (the app's bundle has its own). */
  workerUrl?: URL
  /**
   * Called with the newest page, read on main once the folder is locked, while the worker
   * starts (first-page.ts); not called when that page cannot be read safely there.
   */
  onFirstPage?: (page: HistoryPage) => void
}

export interface HistoryStore {
  /** What start-up found and repaired; later findings (the old history copied) are added. */
  readonly notices: HistoryNotice[]
  /** Records one sent request; durable on disk when the answer is ok. */
  append(input: HistoryRecordInput): Promise<Result<HistorySummary>>
  query(query?: HistoryQuery): Promise<Result<HistoryPage>>
  get(id: string): Promise<Result<HistoryEntry>>
  setPinned(id: string, pinned: boolean): Promise<Result<HistorySummary>>
  delete(id: string): Promise<Result<void>>
  clear(options: { keepPinned: boolean }): Promise<Result<{ removed: number }>>
  /** Gives deleted space back to the disk. */
  compact(): Promise<Result<void>>
  /** Resolves once a history in the old format has been copied over (at once when there was none). */
  migrated(): Promise<Result<void>>
  close(): Promise<void>
}

// From source (tests, Node) the worker is the .ts file beside this one; the app's bundle builds
// it as its own entry, `history-worker.js`, beside the main bundle. A variable, not a literal,
// so the bundler does not copy the .ts file as an asset.
const workerFile = import.meta.url.endsWith('.ts') ? './history-worker.ts' : './history-worker.js'
export const defaultWorkerUrl = (): URL => new URL(workerFile, import.meta.url)

/**
 * Opens the history: takes the folder's lock, starts the worker thread that owns the database
 * and waits for it to open (a fresh process: tens of milliseconds, whatever the history's size).
 */
export async function openHistoryStore(
  options: HistoryStoreOptions,
): Promise<Result<HistoryStore>> {
  const directory = options.directory
  try {
    await mkdir(directory, { recursive: true })
  } catch (error) {
    return storageFailure(error, 'create', directory)
  }
  const locking = acquireFolderLock(directory, { now: options.now })
  // Read while the lock's file operations are under way; handed out only once the lock is ours.
  const page = options.onFirstPage ? readFirstPage(directory) : null
  const lock = await locking
  if (!lock.ok) return lock
  if (options.onFirstPage) {
    if (page) {
      options.onFirstPage(page)
      // Creating the worker holds main for tens of milliseconds on a busy machine: let the
      // page's answer go out first.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const config: WorkerConfig = {
    directory,
    now: options.now(),
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    maxEntries: options.maxEntries ?? 1_000_000,
    maxTotalBytes: options.maxTotalBytes ?? 1024 * 1024 * 1024,
    searchBudgetMs: options.searchBudgetMs ?? 50,
    searchChunkRows: options.searchChunkRows ?? 128,
    maxPageCount: options.maxPageCount,
  }
  const notices: HistoryNotice[] = []
  const client = startWorker(options.workerUrl ?? defaultWorkerUrl(), config, {
    log: options.log,
    notice: (notice) => {
      notices.push(notice)
      options.log(notice.message)
    },
  })
  const started = (await client.call('open')) as Result<{ notices: HistoryNotice[] }>
  if (!started.ok) {
    await client.stop()
    await lock.value.release()
    return started
  }
  notices.unshift(...started.value.notices)
  let closed = false
  const call = <T>(method: WorkerMethod, ...args: unknown[]): Promise<Result<T>> =>
    closed
      ? Promise.resolve(fail('HISTORY_CLOSED', 'The history is closed.'))
      : (client.call(method, ...args) as Promise<Result<T>>)
  return ok({
    notices,
    append: (input) => call('append', input),
    query: (query = {}) => call('query', query),
    get: (id) => call('get', id),
    setPinned: (id, pinned) => call('setPinned', id, pinned),
    delete: (id) => call('delete', id),
    clear: (clearOptions) => call('clear', clearOptions),
    compact: () => call('compact'),
    migrated: () => call('migrated'),
    async close() {
      if (closed) return
      // New calls are refused from now on; the ones already sent still finish (in order).
      closed = true
      await client.call('close')
      await client.stop()
      await lock.value.release()
    },
  })
}

interface WorkerClient {
  call(method: WorkerMethod, ...args: unknown[]): Promise<Result<unknown>>
  stop(): Promise<void>
}

function startWorker(
  url: URL,
  config: WorkerConfig,
  events: { log: (message: string) => void; notice: (notice: HistoryNotice) => void },
): WorkerClient {
  const worker = new Worker(url, { workerData: config, name: 'history' })
  const pending = new Map<number, (result: Result<unknown>) => void>()
  let nextCall = 1
  let dead: Result<never> | null = null
  // The worker keeps the process alive only while a call is on its way.
  worker.unref()
  const settleAll = (result: Result<never>) => {
    dead = result
    for (const resolve of pending.values()) resolve(result)
    pending.clear()
  }
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'log') events.log(message.message)
    else if (message.type === 'notice') events.notice(message.notice)
    else {
      pending.get(message.call)?.(message.result)
      pending.delete(message.call)
      if (pending.size === 0) worker.unref()
    }
  })
  worker.on('error', (error) => {
    events.log(`history: the history's worker failed: ${error.message}`)
    settleAll(storageFailure(error, 'use', config.directory) as Result<never>)
  })
  worker.on('exit', () => settleAll(fail('HISTORY_CLOSED', 'The history is closed.')))
  return {
    call(method, ...args) {
      if (dead) return Promise.resolve(dead)
      const call = nextCall++
      worker.ref()
      return new Promise((resolve) => {
        pending.set(call, resolve)
        worker.postMessage({ call, method, args })
      })
    },
    async stop() {
      await worker.terminate()
    },
  }
}
