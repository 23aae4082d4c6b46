import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { HistoryPage, HistoryQuery } from '../../shared/history.ts'
import { databaseFileName, schemaVersion, wordsPendingBelowKey } from './history-schema.ts'
import { defaultPageSize, runQuery } from './history-sql-query.ts'
import { legacyLogName } from './legacy-migration.ts'

// Starting the history's worker thread takes 50–300 ms on a busy machine (a new V8 isolate and
// Node's bootstrap, before the database is even opened), so the first page the user sees is
// read here, on main, from a read-only connection: about a millisecond of SQL (the newest
// `defaultPageSize` rows by primary key and the count kept in `stats`), never more.
// Everything else waits for the worker.

/** Whether the query is the list as first shown: newest first, nothing filtered, the first page. */
export function isFirstPageQuery(query: HistoryQuery): boolean {
  const { limit, ...rest } = query
  return (limit === undefined || limit === defaultPageSize) && Object.keys(rest).length === 0
}

/**
 * The newest page of the database in `directory`, or null when anything would make it wrong or
 * slow: no database yet, an old-format log still to be copied, a version 1 database still to be
 * upgraded, a WAL left by a crash that a read-only connection cannot replay, damage. The worker
 * answers then.
 */
export function readFirstPage(directory: string): HistoryPage | null {
  const path = join(directory, databaseFileName)
  if (!existsSync(path) || existsSync(join(directory, legacyLogName))) return null
  let database: DatabaseSync | null = null
  try {
    database = new DatabaseSync(path, { readOnly: true })
    const version = database.prepare('PRAGMA user_version').get() as { user_version: number }
    if (version.user_version !== schemaVersion) return null
    const pending = database.prepare('SELECT 1 FROM meta WHERE key = ?').get(wordsPendingBelowKey)
    if (pending !== undefined) return null
    const page = runQuery(database, {}, { budgetMs: 0, chunkRows: 1 }, { wordsReady: true })
    return page.ok ? page.value : null
  } catch {
    return null
  } finally {
    database?.close()
  }
}
