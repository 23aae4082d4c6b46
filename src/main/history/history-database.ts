import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type {
  HistoryEntry,
  HistoryNotice,
  HistoryPage,
  HistoryQuery,
  HistorySummary,
} from '../../shared/history.ts'
import type { Result } from '../../shared/result.ts'
import { toEntry, toSummary, type BodyFile } from './history-entry.ts'
import {
  entryColumns,
  entryValues,
  haystackOf,
  joinBody,
  splitBody,
  statusClassOf,
  toStoredEntry,
  type EntryRow,
} from './history-rows.ts'
import {
  configure,
  databaseFileName,
  ensureSchema,
  isDamage,
  removedTrigger,
  wordsPendingBelowKey,
} from './history-schema.ts'
import { runQuery, type ResponseSearchLimits } from './history-sql-query.ts'
import type { StoredEntry } from './log-format.ts'

/** One entry as the database takes it: the summary row and its body file (null: bodies lost). */
export interface EntryToInsert {
  entry: StoredEntry
  body: BodyFile | null
}

export interface Caps {
  maxEntries: number
  maxTotalBytes: number
}

/**
 * The history's SQLite database, used synchronously from one thread (the history worker; the
 * bench's seeding too). Every change is one transaction: committed means on disk (WAL, FULL).
 */
export class HistoryDatabase {
  readonly path: string
  private readonly database: DatabaseSync
  private readonly statements: {
    insertEntry: StatementSync
    insertBody: StatementSync
    insertWords: StatementSync
    byId: StatementSync
    bodyOf: StatementSync
    pin: StatementSync
    deleteById: StatementSync
    stats: StatementSync
    maxSeq: StatementSync
  }

  /** Entries with a seq below this still need their words (a version 1 file being upgraded); 0: none. */
  private wordsPendingBelow: number

  private constructor(path: string, database: DatabaseSync) {
    this.path = path
    this.database = database
    this.wordsPendingBelow = Number(this.getMeta(wordsPendingBelowKey) ?? 0)
    const prepare = (sql: string) => database.prepare(sql)
    this.statements = {
      insertEntry: prepare(
        `INSERT OR IGNORE INTO entries (${entryColumns}, status_class) VALUES (${'?, '.repeat(17)}?)`,
      ),
      insertBody: prepare(
        'INSERT OR REPLACE INTO bodies (seq, file, response_text) VALUES (?, ?, ?)',
      ),
      insertWords: prepare('INSERT INTO entry_words (rowid, haystack) VALUES (?, ?)'),
      byId: prepare(`SELECT ${entryColumns} FROM entries WHERE id = ?`),
      bodyOf: prepare('SELECT file, response_text FROM bodies WHERE seq = ?'),
      pin: prepare('UPDATE entries SET pinned = ? WHERE id = ?'),
      deleteById: prepare('DELETE FROM entries WHERE id = ?'),
      stats: prepare('SELECT entries, bytes FROM stats WHERE id = 1'),
      maxSeq: prepare('SELECT max(seq) AS seq FROM entries'),
    }
  }

  /**
   * Opens (or creates) `<directory>/history.db`. A file that is not a database, or is damaged
   * where opening reads, is set aside under a dated name and a fresh database is started; the
   * notice says where the old one went.
   */
  static open(
    directory: string,
    options: { now: number; maxPageCount?: number },
  ): { database: HistoryDatabase; notice: HistoryNotice | null } {
    const path = join(directory, databaseFileName)
    try {
      return { database: HistoryDatabase.openAt(path, options.maxPageCount), notice: null }
    } catch (error) {
      if (!isDamage(error)) throw error
      const setAsidePath = setAside(path, options.now)
      return {
        database: HistoryDatabase.openAt(path, options.maxPageCount),
        notice: {
          code: 'DAMAGED_FILE_SET_ASIDE',
          message:
            `The history database was damaged (${error instanceof Error ? error.message : String(error)}). ` +
            `A new one was started; the old one is saved as ${setAsidePath}.`,
          setAsidePath,
          recoveredEntries: 0,
          unreadableLines: 0,
        },
      }
    }
  }

  private static openAt(path: string, maxPageCount: number | undefined): HistoryDatabase {
    const database = new DatabaseSync(path)
    try {
      // Set before the first table exists, so deleted pages can be given back (compact).
      database.exec('PRAGMA auto_vacuum = INCREMENTAL')
      configure(database)
      if (maxPageCount !== undefined) database.exec(`PRAGMA max_page_count = ${maxPageCount}`)
      ensureSchema(database)
      const opened = new HistoryDatabase(path, database)
      // Reads the newest entry's page: damage there is found now, not at the first append.
      void opened.maxSeq
      return opened
    } catch (error) {
      database.close()
      throw error
    }
  }

  get stats(): { entries: number; bytes: number } {
    return this.statements.stats.get() as { entries: number; bytes: number }
  }

  get maxSeq(): number {
    return (this.statements.maxSeq.get() as { seq: number | null }).seq ?? 0
  }

  getMeta(key: string): string | null {
    const row = this.database.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined
    return row?.value ?? null
  }

  setMeta(key: string, value: string): void {
    this.database.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value)
  }

  /** Inserts entries in one transaction; an id already there is left alone. Returns how many went in. */
  insertMany(items: Iterable<EntryToInsert>): number {
    return this.transaction(() => {
      let inserted = 0
      for (const item of items) if (this.insertOne(item)) inserted++
      return inserted
    })
  }

  private insertOne({ entry, body }: EntryToInsert): boolean {
    const { insertEntry, insertBody, insertWords } = this.statements
    const result = insertEntry.run(...entryValues(entry), statusClassOf(entry.status))
    if (result.changes === 0) return false
    if (body) {
      const { file, responseText } = splitBody(body)
      insertBody.run(entry.seq, file, responseText)
    }
    // Below the upgrade's mark, the upgrade gives the entry its words (a migrated old entry).
    if (entry.seq >= this.wordsPendingBelow) insertWords.run(entry.seq, haystackOf(entry))
    return true
  }

  /**
   * The bench's bulk path: the same rows as `insertMany`, without waiting for the disk at each
   * transaction (what a million acknowledged appends would leave, in seconds, not hours).
   */
  bulkInsert(items: Iterable<EntryToInsert>): number {
    // A large page cache too: the id index takes random UUIDs, a page miss each otherwise.
    this.database.exec('PRAGMA synchronous = OFF; PRAGMA cache_size = -262144')
    try {
      return this.insertMany(items)
    } finally {
      this.database.exec('PRAGMA synchronous = FULL; PRAGMA cache_size = -16000')
    }
  }

  query(query: HistoryQuery, limits: ResponseSearchLimits): Result<HistoryPage> {
    return runQuery(this.database, query, limits, { wordsReady: this.wordsPendingBelow === 0 })
  }

  /** Whether a version 1 file's entries still need their words (history-upgrade.ts). */
  get upgrading(): boolean {
    return this.wordsPendingBelow > 0
  }

  /**
   * One step of the upgrade from version 1: gives up to `batch` entries below the mark their
   * words, newest first, and moves the mark, in one transaction (a crash keeps the mark and
   * the words together). Past the oldest entry: drops the trigram index and adds the endpoint
   * index. Returns whether there is more to do.
   */
  upgradeStep(batch: number): boolean {
    if (this.wordsPendingBelow === 0) return false
    return this.transaction(() => {
      const rows = this.database
        .prepare(`SELECT ${entryColumns} FROM entries WHERE seq < ? ORDER BY seq DESC LIMIT ?`)
        .all(this.wordsPendingBelow, batch) as unknown as EntryRow[]
      for (const row of rows) {
        this.statements.insertWords.run(row.seq, haystackOf(toStoredEntry(row)))
      }
      if (rows.length === batch) {
        this.wordsPendingBelow = rows.at(-1)!.seq
        this.setMeta(wordsPendingBelowKey, String(this.wordsPendingBelow))
        return true
      }
      this.database.exec(`
        DROP TRIGGER IF EXISTS entry_removed;
        ${removedTrigger(false)}
        DROP TABLE IF EXISTS entry_text;
        CREATE INDEX IF NOT EXISTS entries_by_endpoint ON entries (endpoint, seq);
      `)
      this.database.prepare('DELETE FROM meta WHERE key = ?').run(wordsPendingBelowKey)
      this.wordsPendingBelow = 0
      return false
    })
  }

  has(id: string): boolean {
    return this.statements.byId.get(id) !== undefined
  }

  get(id: string): HistoryEntry | null {
    const row = this.statements.byId.get(id) as EntryRow | undefined
    if (!row) return null
    const body = this.statements.bodyOf.get(row.seq) as
      { file: string; response_text: string | null } | undefined
    return toEntry(toStoredEntry(row), body ? joinBody(body.file, body.response_text) : null)
  }

  setPinned(id: string, pinned: boolean): HistorySummary | null {
    this.statements.pin.run(pinned ? 1 : 0, id)
    const row = this.statements.byId.get(id) as EntryRow | undefined
    return row ? toSummary(toStoredEntry(row)) : null
  }

  delete(id: string): boolean {
    return this.transaction(() => Number(this.statements.deleteById.run(id).changes) > 0)
  }

  clear(keepPinned: boolean): number {
    return this.transaction(() => {
      const result = this.database
        .prepare(`DELETE FROM entries${keepPinned ? ' WHERE pinned = 0' : ''}`)
        .run()
      return Number(result.changes)
    })
  }

  /** Deletes the oldest unpinned entries until both caps hold again. */
  evict(caps: Caps): number {
    let { entries, bytes } = this.stats
    if (entries <= caps.maxEntries && bytes <= caps.maxTotalBytes) return 0
    return this.transaction(() => {
      const oldest = this.database.prepare(
        'SELECT seq, body_bytes FROM entries WHERE pinned = 0 AND seq > ? ORDER BY seq LIMIT 512',
      )
      let upTo = 0
      let doomed = 0
      while (entries > caps.maxEntries || bytes > caps.maxTotalBytes) {
        const rows = oldest.all(upTo) as Array<{ seq: number; body_bytes: number }>
        if (rows.length === 0) break
        for (const row of rows) {
          if (entries <= caps.maxEntries && bytes <= caps.maxTotalBytes) break
          upTo = row.seq
          entries--
          bytes -= row.body_bytes
          doomed++
        }
      }
      this.database.prepare('DELETE FROM entries WHERE pinned = 0 AND seq <= ?').run(upTo)
      return doomed
    })
  }

  /** Gives deleted pages back to the disk and folds the WAL into the database. */
  compact(): void {
    this.database.exec(`INSERT INTO entry_words (entry_words) VALUES ('optimize')`)
    // Index statistics for the query planner, cheap when little changed.
    this.database.exec('PRAGMA optimize')
    this.database.exec('PRAGMA incremental_vacuum')
    this.database.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  }

  close(): void {
    if (this.database.isOpen) this.database.close()
  }

  private transaction<T>(work: () => T): T {
    this.database.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      this.database.exec('COMMIT')
      return result
    } catch (error) {
      if (this.database.isTransaction) this.database.exec('ROLLBACK')
      throw error
    }
  }
}

/** Moves a damaged database (and its WAL) aside under a dated name; returns the new path. */
export function setAside(path: string, now: number): string {
  const setAsidePath = `${path}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`
  // The WAL goes with it: it may hold committed pages the main file does not have yet.
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, setAsidePath + suffix)
  }
  return setAsidePath
}
