import type { HistoryStatusClass } from '../../shared/history.ts'
import type { BodyFile } from './history-entry.ts'
import type { StoredEntry } from './log-format.ts'

// How an entry maps onto the database's rows and back. The response body's text is kept in a
// column of its own (searched in place, never parsed); the rest of the body file stays JSON.

export const entryColumns =
  'seq, id, sent_at, origin, account, endpoint, auth, status, failure_code, failure_message, ' +
  'problem_code, problem_message, duration_ms, size_bytes, pinned, request, body_bytes'

export interface EntryRow {
  seq: number
  id: string
  sent_at: number
  origin: string
  account: string | null
  endpoint: string
  auth: string
  status: number | null
  failure_code: string | null
  failure_message: string | null
  problem_code: string | null
  problem_message: string | null
  duration_ms: number
  size_bytes: number | null
  pinned: number
  request: string
  body_bytes: number
}

export function toStoredEntry(row: EntryRow): StoredEntry {
  return {
    id: row.id,
    seq: row.seq,
    sentAt: row.sent_at,
    origin: row.origin,
    account: row.account,
    endpoint: row.endpoint,
    auth: row.auth as StoredEntry['auth'],
    status: row.status,
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
    problemCode: row.problem_code,
    problemMessage: row.problem_message,
    durationMs: row.duration_ms,
    sizeBytes: row.size_bytes,
    pinned: row.pinned === 1,
    request: row.request,
    bodyBytes: row.body_bytes,
  }
}

/** The values of an `INSERT INTO entries (entryColumns)` in column order. */
export function entryValues(entry: StoredEntry): Array<string | number | null> {
  return [
    entry.seq,
    entry.id,
    entry.sentAt,
    entry.origin,
    entry.account,
    entry.endpoint,
    entry.auth,
    entry.status,
    entry.failureCode,
    entry.failureMessage,
    entry.problemCode,
    entry.problemMessage,
    entry.durationMs,
    entry.sizeBytes,
    entry.pinned ? 1 : 0,
    entry.request,
    entry.bodyBytes,
  ]
}

export function statusClassOf(status: number | null): HistoryStatusClass | 'other' {
  if (status === null) return 'failed'
  if (status >= 200 && status < 300) return '2xx'
  if (status >= 300 && status < 400) return '3xx'
  if (status >= 400 && status < 500) return '4xx'
  if (status >= 500 && status < 600) return '5xx'
  return 'other'
}

/** Everything a text search looks at without response bodies, lower-cased once, at insert. */
export function haystackOf(entry: StoredEntry): string {
  return [
    entry.endpoint,
    entry.origin,
    entry.account ?? '',
    entry.status ?? '',
    entry.failureCode ?? '',
    entry.failureMessage ?? '',
    entry.problemCode ?? '',
    entry.problemMessage ?? '',
    entry.request,
  ]
    .join('\n')
    .toLowerCase()
}

/**
 * `haystackOf` as SQL over an `entries e` row, for the bounded scan (lower() folds ASCII only,
 * which is what it is used for: words the word index cannot find, mostly Japanese).
 */
export const haystackSql = `lower(${[
  'e.endpoint',
  'e.origin',
  "coalesce(e.account, '')",
  "coalesce(e.status, '')",
  "coalesce(e.failure_code, '')",
  "coalesce(e.failure_message, '')",
  "coalesce(e.problem_code, '')",
  "coalesce(e.problem_message, '')",
  'e.request',
].join(' || char(10) || ')})`

/** The body file without the response text, and that text (searched in its own column). */
export function splitBody(body: BodyFile): { file: string; responseText: string | null } {
  const response = body.response
  if (!response || response.body.kind === 'empty') {
    return { file: JSON.stringify(body), responseText: null }
  }
  const stored = response.body
  const text = stored.kind === 'large' ? stored.preview : stored.text
  const withoutText = stored.kind === 'large' ? { ...stored, preview: '' } : { ...stored, text: '' }
  return {
    file: JSON.stringify({ ...body, response: { ...response, body: withoutText } }),
    responseText: text,
  }
}

export function joinBody(file: string, responseText: string | null): BodyFile | null {
  try {
    const body = JSON.parse(file) as BodyFile
    if (typeof body !== 'object' || body === null || typeof body.requestBody !== 'string') {
      return null
    }
    const stored = body.response?.body
    if (stored && responseText !== null) {
      if (stored.kind === 'large') stored.preview = responseText
      else if (stored.kind !== 'empty') stored.text = responseText
    }
    return body
  } catch {
    return null
  }
}
