import type { HistoryNotice } from '../../shared/history.ts'
import type { Result } from '../../shared/result.ts'

// Messages between main (history-store.ts) and the history's worker thread (history-worker.ts).
// Main posts one request per call; the worker answers each with a reply carrying a Result, in
// order, and may post log lines and notices (a damaged file set aside) at any time.

/** What the worker needs to know, passed as `workerData` (plain values only). */
export interface WorkerConfig {
  directory: string
  /** Main's clock at start-up: names what is set aside while opening. */
  now: number
  maxBodyBytes: number
  maxEntries: number
  maxTotalBytes: number
  searchBudgetMs: number
  searchChunkRows: number
  /** Caps the database's size in pages: how tests fill the "disk". */
  maxPageCount?: number
}

export const workerMethods = [
  'open',
  'append',
  'query',
  'get',
  'setPinned',
  'delete',
  'clear',
  'compact',
  'migrated',
  'close',
] as const
export type WorkerMethod = (typeof workerMethods)[number]

export interface WorkerRequest {
  call: number
  method: WorkerMethod
  args: unknown[]
}

export type WorkerMessage =
  | { type: 'reply'; call: number; result: Result<unknown> }
  | { type: 'log'; message: string }
  | { type: 'notice'; notice: HistoryNotice }
