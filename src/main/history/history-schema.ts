import type { DatabaseSync } from 'node:sqlite'

// The history's SQLite schema. One row per entry in `entries` (everything the list shows and the
// filters need, with an index per filter, each ending in seq so a page is read in order), its
// bodies in `bodies` (read only when an entry is opened or its response searched), and its
// search words in `entry_words`, a contentless FTS5 table of word tokens (unicode61) with prefix
// indexes: a word's posting list is as long as the word is common, so a rare word is found at
// once and a common one fills a page from its first postings. (Version 1 used a trigram index:
// every word became several very common trigrams whose lists had to be intersected in full.)
//
// Counts and byte totals live in `stats`, kept by triggers, so opening never scans the table.
// Deleting an entry deletes its body and search words in the same statement (trigger).

export const schemaVersion = 2
export const databaseFileName = 'history.db'

/** Word tokens (letters and digits; "notes/show" is "notes" "show"), prefixes of 2 and 3 indexed. */
export const wordsTable = `CREATE VIRTUAL TABLE IF NOT EXISTS entry_words USING fts5 (
  haystack, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3',
  content = '', contentless_delete = 1
);`

/** Deleting an entry deletes its body and words (and, while a version 1 file is upgraded, its trigrams). */
export function removedTrigger(withTrigrams: boolean): string {
  return `CREATE TRIGGER IF NOT EXISTS entry_removed AFTER DELETE ON entries BEGIN
  UPDATE stats SET entries = entries - 1, bytes = bytes - old.body_bytes;
  DELETE FROM bodies WHERE seq = old.seq;
  DELETE FROM entry_words WHERE rowid = old.seq;${withTrigrams ? '\n  DELETE FROM entry_text WHERE rowid = old.seq;' : ''}
END;`
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sent_at INTEGER NOT NULL,
  origin TEXT NOT NULL,
  account TEXT,
  endpoint TEXT NOT NULL,
  auth TEXT NOT NULL,
  status INTEGER,
  status_class TEXT NOT NULL,
  failure_code TEXT,
  failure_message TEXT,
  problem_code TEXT,
  problem_message TEXT,
  duration_ms REAL NOT NULL,
  size_bytes INTEGER,
  pinned INTEGER NOT NULL DEFAULT 0,
  request TEXT NOT NULL,
  body_bytes INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_origin ON entries (origin, seq);
CREATE INDEX IF NOT EXISTS entries_by_status ON entries (status_class, seq);
CREATE INDEX IF NOT EXISTS entries_by_date ON entries (sent_at);
CREATE INDEX IF NOT EXISTS entries_by_endpoint ON entries (endpoint, seq);
CREATE INDEX IF NOT EXISTS entries_pinned ON entries (seq) WHERE pinned = 1;
CREATE TABLE IF NOT EXISTS bodies (
  seq INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  response_text TEXT
);
${wordsTable}
CREATE TABLE IF NOT EXISTS stats (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  entries INTEGER NOT NULL,
  bytes INTEGER NOT NULL
);
INSERT OR IGNORE INTO stats VALUES (1, 0, 0);
CREATE TRIGGER IF NOT EXISTS entry_added AFTER INSERT ON entries BEGIN
  UPDATE stats SET entries = entries + 1, bytes = bytes + new.body_bytes;
END;
${removedTrigger(false)}
`

/**
 * WAL: a commit is one append to the write-ahead log, readers never wait for the writer, and a
 * kill at any moment leaves the last committed state. `synchronous = FULL` fsyncs the WAL at
 * every commit, so an entry is on disk when its append is acknowledged.
 */
export function configure(database: DatabaseSync): void {
  database.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA foreign_keys = OFF;
    PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -16000;
  `)
}

/** Key in `meta`: entries with a seq below it still have to get their words (upgrade from version 1). */
export const wordsPendingBelowKey = 'words_pending_below'

/**
 * Creates what is missing; throws (SQLITE_CORRUPT, SQLITE_NOTADB…) on a damaged file. A version 1
 * file gets the new tables and indexes at once (they start empty: creating them reads nothing),
 * and a `meta` mark saying which entries still need their words; the worker fills those in the
 * background (history-upgrade.ts), so opening never waits for a million entries to be indexed.
 */
export function ensureSchema(database: DatabaseSync): void {
  const version = Number(
    (database.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
  )
  if (version === schemaVersion) {
    // Reading the schema and a row proves the file is a database we can use.
    database.prepare('SELECT entries FROM stats WHERE id = 1').get()
    return
  }
  if (version > schemaVersion) {
    throw Object.assign(new Error(`history.db is from a newer version (${version}).`), {
      code: 'ERR_HISTORY_NEWER',
    })
  }
  database.exec('BEGIN IMMEDIATE')
  try {
    if (version === 1) {
      const top = database.prepare('SELECT max(seq) AS seq FROM entries').get() as {
        seq: number | null
      }
      database.exec(wordsTable)
      database.exec(`DROP TRIGGER IF EXISTS entry_removed; ${removedTrigger(true)}`)
      database
        .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
        .run(wordsPendingBelowKey, String((top.seq ?? 0) + 1))
    } else {
      database.exec(schema)
    }
    database.exec(`PRAGMA user_version = ${schemaVersion}`)
    database.exec('COMMIT')
  } catch (error) {
    database.exec('ROLLBACK')
    throw error
  }
}

/** Whether a thrown SQLite error says the file is damaged or not a database. */
export function isDamage(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  const errcode = (error as { errcode?: unknown } | null)?.errcode
  // SQLITE_CORRUPT = 11, SQLITE_NOTADB = 26 (their extended codes keep the low byte).
  if (typeof errcode === 'number' && [11, 26].includes(errcode & 0xff)) return true
  return /malformed|not a database|corrupt/i.test(message)
}

/** Whether a thrown SQLite error says the disk (or the page cap) is full. */
export function isFull(error: unknown): boolean {
  const errcode = (error as { errcode?: unknown } | null)?.errcode
  if (typeof errcode === 'number' && (errcode & 0xff) === 13) return true
  const message = error instanceof Error ? error.message : String(error)
  return /database or disk is full/i.test(message)
}
