import { copyFile, link, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { HistoryNotice } from '../../shared/history.ts'
import { errorCode } from '../storage/fs-error.ts'
import { syncDirectory } from '../storage/sync-directory.ts'
import type { WriteFileAtomic } from '../storage/write-file-atomic.ts'
import {
  encodeRecord,
  logFormat,
  logVersion,
  scanLog,
  type LogRecord,
  type StoredEntry,
} from './log-format.ts'

/** Writes `data` at `position` and flushes it to disk; injectable to simulate a full disk. */
export type WriteAt = (handle: FileHandle, data: Buffer, position: number) => Promise<void>

export const writeAtAndSync: WriteAt = async (handle, data, position) => {
  let written = 0
  while (written < data.length) {
    const { bytesWritten } = await handle.write(
      data,
      written,
      data.length - written,
      position + written,
    )
    written += bytesWritten
  }
  await handle.datasync()
}

export interface LoadedLog {
  /** Lines in the log that no longer describe a live entry (pins, deletions, deleted entries). */
  records: number
  notice: HistoryNotice | null
  /** A crash cut the last write short; its leftovers were cut off. */
  recoveredFromCrash: boolean
}

/**
 * The append-only log file: one record per line, appended and fsynced one at a time, rewritten
 * whole (atomically) to compact it or to replace a damaged one.
 */
export class HistoryLog {
  private handle: FileHandle | null = null
  private size = 0

  readonly path: string
  private readonly writeAt: WriteAt
  private readonly writeFile: WriteFileAtomic

  // Plain fields, not parameter properties: the crash test's child runs this file with Node's
  // type stripping, which only erases syntax.
  constructor(path: string, writeAt: WriteAt, writeFile: WriteFileAtomic) {
    this.path = path
    this.writeAt = writeAt
    this.writeFile = writeFile
  }

  /**
   * Reads every record it can. A torn last line (a crash mid-append) is cut off; any other line
   * that does not verify means damage: the file is kept aside under a dated name and the log is
   * rewritten from what could be read, by `rewrite`, which `needsRewrite` asks the caller to call.
   */
  async load(
    onRecord: (record: LogRecord) => void,
    now: () => number,
  ): Promise<LoadedLog & { needsRewrite: boolean }> {
    let data: Buffer
    try {
      data = await readFile(this.path)
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
      data = Buffer.alloc(0)
    }
    let records = 0
    let headerSeen = false
    const scan = scanLog(data, (record) => {
      if (records++ === 0 && record.type === 'header') headerSeen = record.format === logFormat
      onRecord(record)
    })
    // Every log starts with a header written whole, so a file without one is not a log we wrote.
    const damaged = scan.badLines > 0 || (data.length > 0 && !headerSeen)
    let notice: HistoryNotice | null = null
    if (damaged) {
      const setAsidePath = `${this.path}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`
      // A hard link keeps the damaged bytes under the new name while the rewrite replaces the
      // log, so a crash in between still leaves the original where it was.
      await link(this.path, setAsidePath).catch(() => copyFile(this.path, setAsidePath))
      notice = {
        code: 'DAMAGED_FILE_SET_ASIDE',
        message:
          `The history file had ${scan.badLines} unreadable line(s). ` +
          `Everything readable was kept; the original is saved as ${setAsidePath}.`,
        setAsidePath,
        recoveredEntries: 0,
        unreadableLines: scan.badLines,
      }
    }
    const recoveredFromCrash = !damaged && scan.tornTailBytes > 0
    this.handle = await open(this.path, data.length === 0 ? 'w+' : 'r+', 0o600)
    this.size = data.length
    if (recoveredFromCrash) {
      await this.handle.truncate(scan.goodBytes)
      await this.handle.datasync()
      this.size = scan.goodBytes
    }
    return { records, notice, recoveredFromCrash, needsRewrite: damaged || data.length === 0 }
  }

  /** Appends records as one write; durable when this resolves. A failed write leaves no trace. */
  async append(records: LogRecord[]): Promise<void> {
    const handle = this.openHandle()
    const data = Buffer.from(records.map(encodeRecord).join(''))
    try {
      await this.writeAt(handle, data, this.size)
    } catch (error) {
      // Part of the line may be on disk: cut it off so the next append does not follow garbage.
      await handle.truncate(this.size).catch(() => undefined)
      throw error
    }
    this.size += data.length
  }

  /** Replaces the whole log with a header and these entries, atomically. */
  async rewrite(entries: Iterable<StoredEntry>): Promise<void> {
    const parts = [encodeRecord({ type: 'header', format: logFormat, version: logVersion })]
    for (const entry of entries) parts.push(encodeRecord({ type: 'add', entry }))
    const data = Buffer.from(parts.join(''))
    await this.writeFile(this.path, data)
    await syncDirectory(dirname(this.path))
    await this.handle?.close()
    this.handle = await open(this.path, 'r+')
    this.size = data.length
  }

  /** Deletes the temporary files of rewrites a crash interrupted. */
  async removeLeftovers(): Promise<void> {
    const folder = dirname(this.path)
    const prefix = `${basename(this.path)}.`
    const names = await readdir(folder)
    const leftovers = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
    await Promise.all(leftovers.map((name) => rm(join(folder, name), { force: true })))
  }

  async close(): Promise<void> {
    await this.handle?.close()
    this.handle = null
  }

  private openHandle(): FileHandle {
    if (!this.handle) throw new Error('The history log is closed.')
    return this.handle
  }
}
