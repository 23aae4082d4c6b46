import type { DatabaseSync } from 'node:sqlite'

// The history's SQLite schema. One row per entry in `entries` (everything the list shows and the
// filters need, with indexes for each filter), its bodies in `bodies` (read only when an entry is
// opened or its response searched), and its search text in `entry_text`, an FTS5 table with the
// trigram tokenizer: any run of 3+ characters is found through the index, so "notes/sh",
// "no_such" or a word inside Japanese text match as they did with the old substring search.
//
// Counts and byte totals live in `stats`, kept by triggers, so opening never scans the table.
// Deleting an entry deletes its body and search text in the same statement (trigger).

export const schemaVersion = 1
export const databaseFileName = 'history.db'

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
CREATE INDEX IF NOT EXISTS entries_pinned ON entries (seq) WHERE pinned = 1;
CREATE TABLE IF NOT EXISTS bodies (
  seq INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  response_text TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS entry_text USING fts5 (haystack, tokenize = 'trigram');
CREATE TABLE IF NOT EXISTS stats (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  entries INTEGER NOT NULL,
  bytes INTEGER NOT NULL
);
INSERT OR IGNORE INTO stats VALUES (1, 0, 0);
CREATE TRIGGER IF NOT EXISTS entry_added AFTER INSERT ON entries BEGIN
  UPDATE stats SET entries = entries + 1, bytes = bytes + new.body_bytes;
END;
CREATE TRIGGER IF NOT EXISTS entry_removed AFTER DELETE ON entries BEGIN
  UPDATE stats SET entries = entries - 1, bytes = bytes - old.body_bytes;
  DELETE FROM bodies WHERE seq = old.seq;
  DELETE FROM entry_text WHERE rowid = old.seq;
END;
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

/** Creates what is missing; throws (SQLITE_CORRUPT, SQLITE_NOTADB…) on a damaged file. */
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
    database.exec(schema)
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
