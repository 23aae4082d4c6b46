import { crc32 } from 'node:zlib'
import type { AuthMode } from '../../shared/history.ts'

// One JSON record per line, each prefixed with the CRC-32 of its JSON text:
//   `1a2b3c4d {"type":"add",…}\n`
// A line is trusted only when its checksum matches and it ends with a newline, so a write cut off
// by a crash (or a disk that flipped bits) is recognised instead of being read as data.

export const logFormat = 'misskey-explorer-history'
export const logVersion = 1

/** What the history keeps in memory of each entry: everything searchable, no full bodies. */
export interface StoredEntry {
  id: string
  /** Append order; the list is newest-first by it, and paging cursors name it. */
  seq: number
  sentAt: number
  origin: string
  account: string | null
  endpoint: string
  auth: AuthMode
  status: number | null
  failureCode: string | null
  failureMessage: string | null
  problemCode: string | null
  problemMessage: string | null
  durationMs: number
  sizeBytes: number | null
  pinned: boolean
  /** The request body, cut at the index cap (the body file has it whole). */
  request: string
  /** Size of the entry's body file, counted against the history's byte cap. */
  bodyBytes: number
}

export type LogRecord =
  | { type: 'header'; format: typeof logFormat; version: number }
  | { type: 'add'; entry: StoredEntry }
  | { type: 'pin'; id: string; pinned: boolean }
  | { type: 'delete'; ids: string[] }

export function encodeRecord(record: LogRecord): string {
  const json = JSON.stringify(record)
  return `${checksum(json)} ${json}\n`
}

function checksum(text: string | Uint8Array): string {
  return crc32(text).toString(16).padStart(8, '0')
}

export interface LogScan {
  /** Byte offset just past the last line that could be read. */
  goodBytes: number
  /** Complete lines (ending in a newline) that did not verify: damage, not a crash. */
  badLines: number
  /** Bytes after the last newline: a write a crash cut short. */
  tornTailBytes: number
}

const newline = 0x0a
const space = 0x20
const prefixLength = 9

/** Reads every verified record of a log, in order, and says what could not be read. */
export function scanLog(data: Buffer, onRecord: (record: LogRecord) => void): LogScan {
  let goodBytes = 0
  let badLines = 0
  let start = 0
  while (start < data.length) {
    const end = data.indexOf(newline, start)
    if (end === -1) break
    const record = decodeLine(data, start, end)
    if (record) {
      onRecord(record)
      goodBytes = end + 1
    } else if (end > start) {
      badLines++
    }
    start = end + 1
  }
  return { goodBytes, badLines, tornTailBytes: data.length - start }
}

/** One line's record (`end`: the newline's offset), or null when it does not verify. */
export function decodeLine(data: Buffer, start: number, end: number): LogRecord | null {
  if (end - start <= prefixLength || data[start + prefixLength - 1] !== space) return null
  // Compared as numbers: formatting every line's checksum as hex costs more than parsing one.
  const expected = parseInt(data.toString('latin1', start, start + prefixLength - 1), 16)
  if (crc32(data.subarray(start + prefixLength, end)) !== expected) return null
  try {
    const record = JSON.parse(data.toString('utf8', start + prefixLength, end)) as LogRecord
    return typeof record === 'object' && record !== null && typeof record.type === 'string'
      ? record
      : null
  } catch {
    return null
  }
}
