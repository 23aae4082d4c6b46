import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
} from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryNotice } from '../../shared/history.ts'
import type { BodyFile } from './history-entry.ts'
import type { EntryToInsert, HistoryDatabase } from './history-database.ts'
import { decodeLine, logFormat, scanLog, type LogRecord, type StoredEntry } from './log-format.ts'

// The history before SQLite: `history.log` (one checksummed JSON record per line) and one body
// file per entry under `bodies/`. On the first start with the database, the worker copies it
// over in the background, a batch at a time, and deletes the old files only once every entry
// it read is confirmed in the database (a marker committed there). A crash part-way simply
// starts again: entries already copied are skipped by id.

export const legacyLogName = 'history.log'
const migratedKey = 'legacy_migrated'
const ceilingKey = 'legacy_ceiling'
const batchSize = 500
const scanSliceBytes = 1 << 20

export interface LegacyContext {
  directory: string
  database: HistoryDatabase
  now: number
  log: (message: string) => void
  notice: (notice: HistoryNotice) => void
  /** Lets queued calls run between batches. */
  pause: () => Promise<void>
}

/** Whether there is an old history to copy, and the highest seq it may hold (new entries go above). */
export function legacyAtOpen(context: Omit<LegacyContext, 'pause'>): {
  pending: boolean
  ceiling: number
} {
  const logPath = join(context.directory, legacyLogName)
  if (!existsSync(logPath)) return { pending: false, ceiling: 0 }
  if (context.database.getMeta(migratedKey) !== null) return { pending: true, ceiling: 0 }
  const known = context.database.getMeta(ceilingKey)
  if (known !== null) return { pending: true, ceiling: Number(known) }
  const data = readFileSync(logPath)
  const first = decodeLine(data, 0, Math.max(0, data.indexOf(0x0a)))
  if (data.length > 0 && !(first?.type === 'header' && first.format === logFormat)) {
    // Not a history log at all: set aside at once, so start-up's notice can say so.
    const setAsidePath = linkAside(logPath, context.now)
    context.notice({
      code: 'DAMAGED_FILE_SET_ASIDE',
      message: `The old history file is not readable; it is saved as ${setAsidePath}.`,
      setAsidePath,
      recoveredEntries: 0,
      unreadableLines: data.toString('utf8').split('\n').filter(Boolean).length,
    })
    context.database.setMeta(migratedKey, JSON.stringify({ entries: 0, at: context.now }))
    return { pending: true, ceiling: 0 }
  }
  const ceiling = highestSeq(data)
  context.database.setMeta(ceilingKey, String(ceiling))
  return { pending: true, ceiling }
}

/**
 * The last `add` record holds the highest seq (appends count up; a compaction rewrites in seq
 * order), so the end of the file is enough; a damaged end falls back to every line.
 */
function highestSeq(data: Buffer): number {
  let highest = 0
  let end = data.lastIndexOf(0x0a)
  while (end > 0) {
    const start = data.lastIndexOf(0x0a, end - 1) + 1
    const record = decodeLine(data, start, end)
    if (record?.type === 'add') return record.entry.seq
    end = start - 1
    if (data.length - start > 4 * scanSliceBytes) break
  }
  scanLog(data, (record) => {
    if (record.type === 'add') highest = Math.max(highest, record.entry.seq)
  })
  return highest
}

/** Copies the old history into the database, then deletes the old files. */
export async function migrateLegacy(context: LegacyContext): Promise<void> {
  const logPath = join(context.directory, legacyLogName)
  if (!existsSync(logPath)) return
  if (context.database.getMeta(migratedKey) === null) {
    const entries = await readLegacyLog(logPath, context)
    let batch: EntryToInsert[] = []
    let copied = 0
    const flush = () => {
      context.database.insertMany(batch)
      // Confirm right away, in the same turn: each id must now be in the database.
      for (const item of batch) {
        if (!context.database.has(item.entry.id)) {
          throw new Error(`history: entry ${item.entry.id} did not reach the database`)
        }
      }
      copied += batch.length
      batch = []
    }
    for (const entry of entries.values()) {
      batch.push({ entry, body: readBodyFile(context.directory, entry.id) })
      if (batch.length >= batchSize) {
        flush()
        await context.pause()
      }
    }
    flush()
    context.database.setMeta(migratedKey, JSON.stringify({ entries: copied, at: context.now }))
    context.log(`history: copied ${copied} entries of the old history into the database.`)
  }
  // Confirmed: the old files can go (a damaged log set aside earlier stays for the user).
  await rm(join(context.directory, 'bodies'), { recursive: true, force: true })
  const names = await readdir(context.directory)
  await Promise.all(
    names
      .filter(
        (name) =>
          name === legacyLogName || (name.startsWith(`${legacyLogName}.`) && name.endsWith('.tmp')),
      )
      .map((name) => rm(join(context.directory, name), { force: true })),
  )
}

/** Replays the old log (pins, deletions) a slice at a time; damaged lines are reported once. */
async function readLegacyLog(
  logPath: string,
  context: LegacyContext,
): Promise<Map<string, StoredEntry>> {
  const data = readWhole(logPath)
  const entries = new Map<string, StoredEntry>()
  const apply = (record: LogRecord) => {
    if (record.type === 'add') entries.set(record.entry.id, record.entry)
    else if (record.type === 'pin') {
      const entry = entries.get(record.id)
      if (entry) entry.pinned = record.pinned
    } else if (record.type === 'delete') for (const id of record.ids) entries.delete(id)
  }
  let badLines = 0
  for (let start = 0; start < data.length;) {
    const cut = data.indexOf(0x0a, Math.min(data.length, start + scanSliceBytes))
    const end = cut === -1 ? data.length : cut + 1
    badLines += scanLog(data.subarray(start, end), apply).badLines
    start = end
    await context.pause()
  }
  // A torn last line is a crash mid-append, never acknowledged: nothing to report.
  if (badLines > 0) {
    const setAsidePath = linkAside(logPath, context.now)
    context.notice({
      code: 'DAMAGED_FILE_SET_ASIDE',
      message:
        `The old history file had ${badLines} unreadable line(s). ` +
        `Everything readable was kept; the original is saved as ${setAsidePath}.`,
      setAsidePath,
      recoveredEntries: entries.size,
      unreadableLines: badLines,
    })
    context.log(`history: the old history file had ${badLines} unreadable line(s)`)
  }
  return entries
}

function readWhole(path: string): Buffer {
  const handle = openSync(path, 'r')
  try {
    const size = fstatSync(handle).size
    const data = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const count = readSync(handle, data, read, size - read, read)
      if (count === 0) break
      read += count
    }
    return data.subarray(0, read)
  } finally {
    closeSync(handle)
  }
}

function readBodyFile(directory: string, id: string): BodyFile | null {
  try {
    const path = join(directory, 'bodies', id.slice(0, 2), `${id}.json`)
    const value = JSON.parse(readFileSync(path, 'utf8')) as BodyFile
    return typeof value === 'object' && value !== null && typeof value.requestBody === 'string'
      ? value
      : null
  } catch {
    return null
  }
}

/** Keeps the damaged bytes under a dated name (a hard link: no copy, the original stays put). */
function linkAside(path: string, now: number): string {
  const setAsidePath = `${path}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`
  if (!existsSync(setAsidePath)) {
    try {
      linkSync(path, setAsidePath)
    } catch {
      copyFileSync(path, setAsidePath)
    }
  }
  return setAsidePath
}
