// The history's worker thread: owns the SQLite database and runs every call on it, so neither
// a search over a million entries nor an fsync ever runs on main's event loop. Run by Node
// itself in tests (type stripping: erasable syntax only) and bundled as its own entry for the app.
import { parentPort, workerData } from 'node:worker_threads'
import type { HistoryNotice, HistoryQuery, HistoryRecordInput } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { buildEntry, toSummary } from './history-entry.ts'
import { HistoryDatabase, setAside } from './history-database.ts'
import { isDamage, isFull } from './history-schema.ts'
import { legacyAtOpen, migrateLegacy } from './legacy-migration.ts'
import type { WorkerConfig, WorkerMessage, WorkerMethod, WorkerRequest } from './worker-protocol.ts'
import { randomUUID } from 'node:crypto'

const port = parentPort
if (!port) throw new Error('history-worker.ts runs as a worker thread.')
const config = workerData as WorkerConfig
const limits = { maxBodyBytes: config.maxBodyBytes, indexedRequestChars: 4096 }
const caps = { maxEntries: config.maxEntries, maxTotalBytes: config.maxTotalBytes }
const searchLimits = { budgetMs: config.searchBudgetMs, chunkRows: config.searchChunkRows }

const post = (message: WorkerMessage) => port.postMessage(message)
const log = (message: string) => post({ type: 'log', message })
const notice = (value: HistoryNotice) => post({ type: 'notice', notice: value })

let database: HistoryDatabase | null = null
let nextSeq = 1
let closing = false
let migration: Promise<void> = Promise.resolve()
let upgrade: Promise<void> = Promise.resolve()

class Stopped extends Error {}
const pause = () =>
  new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    if (closing) throw new Stopped('closing')
  })

function opened(): HistoryDatabase {
  if (!database) throw new Error('The history database is not open.')
  return database
}

/**
 * A version 1 database's entries get their words in the background, newest first, a batch per
 * step, letting queued calls run between steps (searches meanwhile use the bounded scan).
 */
async function upgradeWords(): Promise<void> {
  try {
    while (!closing && opened().upgradeStep(2000)) await pause()
    if (!closing) log('history: the search index is up to date.')
  } catch (error) {
    if (!(error instanceof Stopped))
      log(`history: could not index the old entries: ${String(error)}`)
  }
}

function notFound(id: string): Result<never> {
  return fail('HISTORY_ENTRY_NOT_FOUND', `No history entry ${id}: it may have been deleted.`, {
    id,
  })
}

/** A damaged database met while running: set aside, a fresh one started, the user told. */
function startOverAfterDamage(error: unknown): void {
  const current = opened()
  current.close()
  const setAsidePath = setAside(current.path, Date.now())
  database = HistoryDatabase.open(config.directory, {
    now: Date.now(),
    maxPageCount: config.maxPageCount,
  }).database
  nextSeq = Math.max(nextSeq, database.maxSeq + 1)
  const message =
    `The history database was damaged (${error instanceof Error ? error.message : String(error)}). ` +
    `A new one was started; the old one is saved as ${setAsidePath}.`
  log(`history: ${message}`)
  notice({
    code: 'DAMAGED_FILE_SET_ASIDE',
    message,
    setAsidePath,
    recoveredEntries: 0,
    unreadableLines: 0,
  })
}

function failure(error: unknown, action: string): Result<never> {
  const reason = error instanceof Error ? error.message : String(error)
  if (isFull(error)) {
    return fail('STORAGE_FULL', `The disk is full: could not ${action} the history.`, {
      path: config.directory,
      action,
    })
  }
  if (database && isDamage(error)) startOverAfterDamage(error)
  return fail('STORAGE_FAILED', `Could not ${action} the history: ${reason}`, {
    path: config.directory,
    action,
    cause: (error as { code?: string } | null)?.code ?? null,
  })
}

const methods: Record<
  WorkerMethod,
  (...args: never[]) => Result<unknown> | Promise<Result<unknown>>
> = {
  open() {
    const notices: HistoryNotice[] = []
    const result = HistoryDatabase.open(config.directory, {
      now: config.now,
      maxPageCount: config.maxPageCount,
    })
    database = result.database
    if (result.notice) {
      notices.push(result.notice)
      log(`history: ${result.notice.message}`)
    }
    const legacy = legacyAtOpen({
      directory: config.directory,
      database,
      now: config.now,
      log,
      notice: (value) => notices.push(value),
    })
    nextSeq = Math.max(database.maxSeq, legacy.ceiling) + 1
    if (database.upgrading) upgrade = upgradeWords()
    if (legacy.pending) {
      migration = migrateLegacy({
        directory: config.directory,
        database,
        now: config.now,
        log,
        notice,
        pause,
      }).catch((error: unknown) => {
        if (!(error instanceof Stopped))
          log(`history: could not copy the old history: ${String(error)}`)
      })
    }
    return ok({ notices })
  },

  append(input: HistoryRecordInput) {
    // Redaction (a typed token, issued secrets, Set-Cookie) happens here, before storage.
    const { stored, body } = buildEntry(input, { id: randomUUID(), seq: nextSeq }, limits)
    opened().insertMany([{ entry: stored, body }])
    nextSeq++
    try {
      opened().evict(caps)
    } catch (error) {
      log(`history: could not trim old entries: ${String(error)}`)
    }
    return ok(toSummary(stored))
  },

  query(query: HistoryQuery) {
    return opened().query(query, searchLimits)
  },

  get(id: string) {
    const entry = opened().get(id)
    return entry ? ok(entry) : notFound(id)
  },

  setPinned(id: string, pinned: boolean) {
    const summary = opened().setPinned(id, pinned)
    return summary ? ok(summary) : notFound(id)
  },

  delete(id: string) {
    return opened().delete(id) ? ok(undefined) : notFound(id)
  },

  clear(options: { keepPinned: boolean }) {
    return ok({ removed: opened().clear(options.keepPinned) })
  },

  compact() {
    opened().compact()
    return ok(undefined)
  },

  async migrated() {
    await migration
    await upgrade
    return ok(undefined)
  },

  async close() {
    closing = true
    await migration
    await upgrade
    database?.close()
    database = null
    return ok(undefined)
  },
}

const actions: Partial<Record<WorkerMethod, string>> = {
  open: 'open',
  append: 'save',
  setPinned: 'save',
  delete: 'delete from',
  clear: 'clear',
  compact: 'compact',
}

port.on('message', async (request: WorkerRequest) => {
  let result: Result<unknown>
  try {
    result = await (methods[request.method] as (...args: unknown[]) => Promise<Result<unknown>>)(
      ...request.args,
    )
  } catch (error) {
    result = failure(error, actions[request.method] ?? 'read')
  }
  post({ type: 'reply', call: request.call, result })
})
