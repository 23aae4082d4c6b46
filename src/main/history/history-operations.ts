import { randomUUID } from 'node:crypto'
import type { HistoryNotice } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { storageFailure } from '../storage/fs-error.ts'
import type { BodyStore } from './body-store.ts'
import { buildEntry, toEntry, toSummary } from './history-entry.ts'
import type { HistoryIndex } from './history-index.ts'
import type { HistoryLog } from './history-log.ts'
import { runQuery } from './history-query.ts'
import type { HistoryStore, HistoryStoreOptions } from './history-store.ts'
import type { LogRecord } from './log-format.ts'

const indexedRequestChars = 4096
// Compact once the log holds this many dead lines and more dead lines than live ones.
const compactAfterDeadLines = 10_000

export function applyRecord(index: HistoryIndex, record: LogRecord): void {
  if (record.type === 'add') index.add(record.entry)
  else if (record.type === 'pin') index.setPinned(record.id, record.pinned)
  else if (record.type === 'delete') index.removeMany(record.ids)
}

export interface StoreState {
  options: HistoryStoreOptions
  log: HistoryLog
  bodies: BodyStore
  index: HistoryIndex
  nextSeq: number
  deadLines: number
  notices: HistoryNotice[]
  releaseLock: () => Promise<void>
  uncleanShutdown: boolean
}

export function createStore(state: StoreState): HistoryStore {
  const { options, log, bodies, index } = state
  const maxEntries = options.maxEntries ?? 100_000
  const maxTotalBytes = options.maxTotalBytes ?? 1024 * 1024 * 1024
  const limits = { maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024, indexedRequestChars }
  let closed = false
  // Writes run one after another: the log has one end to append to.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (closed) return Promise.resolve(closedError<T>())
    const run = queue.then(work)
    queue = run.catch(() => undefined)
    return run
  }

  async function writeRecords(records: LogRecord[], action: string): Promise<Result<void>> {
    try {
      await log.append(records)
      return ok(undefined)
    } catch (error) {
      return storageFailure(error, action, log.path)
    }
  }

  async function removeEntries(ids: string[], action: string): Promise<Result<void>> {
    const written = await writeRecords([{ type: 'delete', ids }], action)
    if (!written.ok) return written
    index.removeMany(ids)
    state.deadLines += ids.length + 1
    // The log no longer names them, so a crash before this finishes only leaves orphans.
    await bodies.remove(ids).catch((error: unknown) => options.log(`history: ${String(error)}`))
    return ok(undefined)
  }

  /** Oldest unpinned entries first, until both caps hold again. */
  async function evict(): Promise<void> {
    if (index.size <= maxEntries && index.totalBytes <= maxTotalBytes) return
    const doomed: string[] = []
    let count = index.size
    let bytes = index.totalBytes
    for (const { entry } of index.slots) {
      if (count <= maxEntries && bytes <= maxTotalBytes) break
      if (entry.pinned) continue
      doomed.push(entry.id)
      count--
      bytes -= entry.bodyBytes
    }
    if (doomed.length === 0) return
    const removed = await removeEntries(doomed, 'trim')
    if (!removed.ok) options.log(`history: could not trim old entries: ${removed.error.message}`)
  }

  async function compactNow(): Promise<Result<void>> {
    try {
      await log.rewrite(index.slots.map((slot) => slot.entry))
      state.deadLines = 0
      await bodies.sweep((id) => index.get(id) !== undefined)
      return ok(undefined)
    } catch (error) {
      return storageFailure(error, 'compact', log.path)
    }
  }

  async function maybeCompact(): Promise<void> {
    if (state.deadLines < compactAfterDeadLines || state.deadLines < index.size) return
    const compacted = await compactNow()
    if (!compacted.ok) options.log(`history: ${compacted.error.message}`)
  }

  if (state.uncleanShutdown) {
    options.log('history: the last session ended without closing it; cleaning up its leftovers.')
    void serially(async () => {
      try {
        await log.removeLeftovers()
        await bodies.sweep((id) => index.get(id) !== undefined)
      } catch (error) {
        options.log(`history: ${String(error)}`)
      }
      return ok(undefined)
    })
  }

  return {
    notices: state.notices,

    append(input) {
      return serially(async () => {
        const id = randomUUID()
        const { stored, bodyText } = buildEntry(input, { id, seq: state.nextSeq }, limits)
        try {
          await bodies.write(id, bodyText)
        } catch (error) {
          return storageFailure(error, 'save', 'the history')
        }
        const written = await writeRecords([{ type: 'add', entry: stored }], 'save')
        if (!written.ok) {
          await bodies.remove([id]).catch(() => undefined)
          return written
        }
        state.nextSeq++
        index.add(stored)
        await evict()
        await maybeCompact()
        return ok(toSummary(stored))
      })
    },

    async query(query = {}) {
      if (closed) return closedError()
      return runQuery(
        {
          index,
          readBody: (id) => bodies.read(id),
          budgetMs: options.searchBudgetMs ?? 40,
          monotonicNow: options.monotonicNow ?? (() => performance.now()),
        },
        query,
      )
    },

    async get(id) {
      if (closed) return closedError()
      const entry = index.get(id)
      if (!entry) return notFound(id)
      const body = await bodies.read(id)
      // Deleted while its body was being read.
      if (!index.get(id)) return notFound(id)
      return ok(toEntry(entry, body))
    },

    setPinned(id, pinned) {
      return serially(async () => {
        const entry = index.get(id)
        if (!entry) return notFound(id)
        if (entry.pinned !== pinned) {
          const written = await writeRecords([{ type: 'pin', id, pinned }], 'save')
          if (!written.ok) return written
          index.setPinned(id, pinned)
          state.deadLines++
        }
        return ok(toSummary(entry))
      })
    },

    delete(id) {
      return serially(async () => {
        if (!index.get(id)) return notFound(id)
        const removed = await removeEntries([id], 'delete from')
        if (removed.ok) await maybeCompact()
        return removed
      })
    },

    clear({ keepPinned }) {
      return serially(async () => {
        const doomed = index.slots.filter((slot) => !keepPinned || !slot.entry.pinned)
        const kept = index.slots.filter((slot) => keepPinned && slot.entry.pinned)
        try {
          // One atomic rewrite instead of a delete record naming every entry.
          await log.rewrite(kept.map((slot) => slot.entry))
        } catch (error) {
          return storageFailure(error, 'clear', log.path)
        }
        const ids = doomed.map((slot) => slot.entry.id)
        index.removeMany(ids)
        state.deadLines = 0
        // Up to 100,000 files: deleted after the answer (the log no longer names them).
        void serially(async () => {
          await bodies
            .remove(ids)
            .catch((error: unknown) => options.log(`history: ${String(error)}`))
          return ok(undefined)
        })
        return ok({ removed: ids.length })
      })
    },

    compact() {
      return serially(compactNow)
    },

    async close() {
      if (closed) return
      // New calls are refused from now on; the ones already queued still finish.
      closed = true
      await queue
      await log.close()
      await state.releaseLock()
    },
  }
}

function notFound(id: string): Result<never> {
  return fail('HISTORY_ENTRY_NOT_FOUND', `No history entry ${id}: it may have been deleted.`, {
    id,
  })
}

function closedError<T>(): Result<T> {
  return fail('HISTORY_CLOSED', 'The history is closed.')
}
