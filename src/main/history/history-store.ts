import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  HistoryEntry,
  HistoryNotice,
  HistoryPage,
  HistoryQuery,
  HistoryRecordInput,
  HistorySummary,
} from '../../shared/history.ts'
import { ok, type Result } from '../../shared/result.ts'
import { acquireFolderLock } from '../storage/folder-lock.ts'
import { storageFailure } from '../storage/fs-error.ts'
import { writeFileAtomic, type WriteFileAtomic } from '../storage/write-file-atomic.ts'
import { BodyStore } from './body-store.ts'
import { HistoryIndex } from './history-index.ts'
import { HistoryLog, writeAtAndSync, type WriteAt } from './history-log.ts'
import { applyRecord, createStore } from './history-operations.ts'

export interface HistoryStoreOptions {
  /** The history's own folder (in the app: `<userData>/history`). */
  directory: string
  now: () => number
  log: (message: string) => void
  /** Each stored body (request, response) is cut to this many bytes. Default 2 MiB. */
  maxBodyBytes?: number
  /** The oldest unpinned entries go beyond this many entries. Default 100,000. */
  maxEntries?: number
  /** …or beyond this many bytes of body files. Default 1 GiB. */
  maxTotalBytes?: number
  /** How long one response-body search call reads before answering. Default 40 ms. */
  searchBudgetMs?: number
  monotonicNow?: () => number
  /** Disk writes, replaceable so tests can fail them like a full disk. */
  io?: { writeFileAtomic?: WriteFileAtomic; writeAt?: WriteAt }
}

export interface HistoryStore {
  /** What start-up found and repaired, for the UI to tell the user once. */
  readonly notices: HistoryNotice[]
  /** Records one sent request; durable on disk when the answer is ok. */
  append(input: HistoryRecordInput): Promise<Result<HistorySummary>>
  query(query?: HistoryQuery): Promise<Result<HistoryPage>>
  get(id: string): Promise<Result<HistoryEntry>>
  setPinned(id: string, pinned: boolean): Promise<Result<HistorySummary>>
  delete(id: string): Promise<Result<void>>
  clear(options: { keepPinned: boolean }): Promise<Result<{ removed: number }>>
  /** Rewrites the log without its dead lines and deletes orphaned body files. */
  compact(): Promise<Result<void>>
  close(): Promise<void>
}

export async function openHistoryStore(
  options: HistoryStoreOptions,
): Promise<Result<HistoryStore>> {
  const directory = options.directory
  try {
    await mkdir(directory, { recursive: true })
  } catch (error) {
    return storageFailure(error, 'create', directory)
  }
  const lock = await acquireFolderLock(directory, { now: options.now })
  if (!lock.ok) return lock
  const writeFile = options.io?.writeFileAtomic ?? writeFileAtomic
  const log = new HistoryLog(
    join(directory, 'history.log'),
    options.io?.writeAt ?? writeAtAndSync,
    writeFile,
  )
  const bodies = new BodyStore(directory, writeFile)
  const index = new HistoryIndex()
  let nextSeq = 1
  let loaded
  try {
    loaded = await log.load((record) => {
      applyRecord(index, record)
      if (record.type === 'add') nextSeq = Math.max(nextSeq, record.entry.seq + 1)
    }, options.now)
    if (loaded.needsRewrite) await log.rewrite(index.slots.map((slot) => slot.entry))
  } catch (error) {
    await log.close()
    await lock.value.release()
    return storageFailure(error, 'open', log.path)
  }
  const notices: HistoryNotice[] = []
  if (loaded.notice) {
    notices.push({ ...loaded.notice, recoveredEntries: index.size })
    options.log(loaded.notice.message)
  }
  return ok(
    createStore({
      options,
      log,
      bodies,
      index,
      nextSeq,
      deadLines: loaded.needsRewrite ? 0 : loaded.records - 1 - index.size,
      notices,
      releaseLock: lock.value.release,
      // The last writer died mid-way: its unfinished body files are deleted in the background.
      uncleanShutdown:
        lock.value.tookOverStale || loaded.recoveredFromCrash || loaded.notice !== null,
    }),
  )
}
