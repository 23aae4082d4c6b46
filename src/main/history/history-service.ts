import type {
  HistoryEntry,
  HistoryNotice,
  HistoryPage,
  HistoryQuery,
  HistoryRecordInput,
  HistorySummary,
} from '../../shared/history.ts'
import { ok, type Result } from '../../shared/result.ts'
import { isFirstPageQuery } from './first-page.ts'
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from './history-store.ts'

export interface HistoryServiceDependencies {
  /** The history's folder (`<storage>/history`). */
  directory: string
  now: () => number
  log: (message: string) => void
  /** Tells the renderer an entry is on disk (or could not be written, and why). */
  emitAppended: (result: Result<HistorySummary>) => void
  /** Caps and disk writes, for tests. */
  storeOptions?: Partial<HistoryStoreOptions>
}

export interface HistoryService {
  search(query: HistoryQuery): Promise<Result<HistoryPage>>
  get(id: string): Promise<Result<HistoryEntry>>
  setPinned(id: string, pinned: boolean): Promise<Result<HistorySummary>>
  delete(id: string): Promise<Result<void>>
  clear(options: { keepPinned: boolean }): Promise<Result<{ removed: number }>>
  /** What the history found (a damaged file set aside), each handed out once so it is shown once. */
  takeNotices(): Promise<Result<HistoryNotice[]>>
  /** Records one send; main's send path calls this, never the renderer. */
  record(input: HistoryRecordInput): Promise<Result<HistorySummary>>
  /** Resolves when every record started so far is on disk (or failed). */
  settled(): Promise<void>
  close(): Promise<void>
}

/**
 * The history store, opened once at start-up. Opening runs in the background: a call made
 * before it finishes waits for it, and if it failed (the folder is locked by another app
 * instance, or not writable) every call answers that error instead of the app failing to start.
 */
export function createHistoryService(dependencies: HistoryServiceDependencies): HistoryService {
  // The list's first page, read on main while the worker starts: the history shows at once.
  let firstPage: HistoryPage | null = null
  let firstPageRead: (page: HistoryPage) => void = () => undefined
  const firstPageReady = new Promise<HistoryPage>((resolve) => (firstPageRead = resolve))
  let storeReady = false
  const opening: Promise<Result<HistoryStore>> = openHistoryStore({
    directory: dependencies.directory,
    now: dependencies.now,
    log: dependencies.log,
    onFirstPage: (page) => {
      firstPage = page
      firstPageRead(page)
    },
    ...dependencies.storeOptions,
  }).then((opened) => {
    storeReady = true
    if (!opened.ok) dependencies.log(`history: ${opened.error.message}`)
    return opened
  })
  // Notices are handed out once each: those of start-up at the first call, later ones (the old
  // history copied in the background) at the next.
  let noticesTaken = 0
  const pending = new Set<Promise<unknown>>()

  async function withStore<T>(work: (store: HistoryStore) => Promise<Result<T>>) {
    const opened = await opening
    return opened.ok ? work(opened.value) : opened
  }

  return {
    search(query) {
      const fromStore = withStore((store) => store.query(query))
      // Only while the worker starts, only the first page, only once: after that (an entry may
      // have been recorded), the store answers.
      if (storeReady || !isFirstPageQuery(query)) return fromStore
      return Promise.race([
        fromStore,
        firstPageReady.then((page): Result<HistoryPage> | Promise<Result<HistoryPage>> => {
          const answer = storeReady || firstPage === null ? null : page
          firstPage = null
          return answer ? ok(answer) : fromStore
        }),
      ])
    },
    get: (id) => withStore((store) => store.get(id)),
    setPinned: (id, pinned) => withStore((store) => store.setPinned(id, pinned)),
    delete: (id) => withStore((store) => store.delete(id)),
    clear: (options) => withStore((store) => store.clear(options)),
    takeNotices: () =>
      withStore(async (store) => {
        const notices = store.notices.slice(noticesTaken)
        noticesTaken = store.notices.length
        return ok(notices)
      }),
    record(input) {
      // Counted as pending at once (settled() waits for it), but handed to the worker only on
      // the next turn of the event loop: copying the answer to the worker would otherwise run
      // before the sender's caller gets the answer it is waiting for.
      const run = nextTurn()
        .then(() => withStore((store) => store.append(input)))
        .then((result) => {
          if (!result.ok) dependencies.log(`history: not recorded: ${result.error.message}`)
          dependencies.emitAppended(result)
          return result
        })
      pending.add(run)
      void run.finally(() => pending.delete(run))
      return run
    },
    async settled() {
      await Promise.all([...pending])
    },
    async close() {
      await Promise.all([...pending])
      const opened = await opening
      if (opened.ok) await opened.value.close()
    },
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
