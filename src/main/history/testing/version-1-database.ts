import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { HistoryRecordInput } from '../../../shared/history.ts'
import { buildEntry } from '../history-entry.ts'
import { entryColumns, entryValues, haystackOf, splitBody, statusClassOf } from '../history-rows.ts'

// A history database as version 1 of the store wrote it (main before the word index: trigram
// search text in `entry_text`, user_version 1), for the upgrade's tests. The schema is copied
// from that version; the rows are written the way its `insertMany` wrote them.

const version1Schema = `
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

/** Writes `inputs` (oldest first, seq 1, 2, …) into a fresh version 1 `history.db`; returns their ids. */
export function writeVersion1Database(directory: string, inputs: HistoryRecordInput[]): string[] {
  const database = new DatabaseSync(join(directory, 'history.db'))
  try {
    database.exec('PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL;')
    database.exec(version1Schema)
    database.exec('PRAGMA user_version = 1')
    const insertEntry = database.prepare(
      `INSERT INTO entries (${entryColumns}, status_class) VALUES (${'?, '.repeat(17)}?)`,
    )
    const insertBody = database.prepare(
      'INSERT INTO bodies (seq, file, response_text) VALUES (?, ?, ?)',
    )
    const insertText = database.prepare('INSERT INTO entry_text (rowid, haystack) VALUES (?, ?)')
    const limits = { maxBodyBytes: 2 * 1024 * 1024, indexedRequestChars: 4096 }
    database.exec('BEGIN')
    const ids = inputs.map((input, index) => {
      const { stored, body } = buildEntry(input, { id: randomUUID(), seq: index + 1 }, limits)
      insertEntry.run(...entryValues(stored), statusClassOf(stored.status))
      const { file, responseText } = splitBody(body)
      insertBody.run(stored.seq, file, responseText)
      insertText.run(stored.seq, haystackOf(stored))
      return stored.id
    })
    database.exec('COMMIT')
    return ids
  } finally {
    database.close()
  }
}
