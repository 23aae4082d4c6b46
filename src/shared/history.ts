// The request history as the renderer sees it. By construction nothing here can carry a token:
// the request is recorded as the body typed in the editor (main adds the token only when it
// sends, and the history strips an `i` field typed there by hand), the account as its label,
// and there is no request header map and no free-form field. Token-like fields a response
// issued (MiAuth's check, app/create) are removed from what is stored, as is Set-Cookie.
import type { ResponseBody, ResponseProblem } from './requests.ts'
import type { AppErrorCode } from './result.ts'

/** How the token went with the request: as the `i` body field, as `Authorization: Bearer`, or not at all. */
export type AuthMode = 'body' | 'header' | 'none'

export const historyStatusClasses = ['2xx', '3xx', '4xx', '5xx', 'failed'] as const
/** `failed`: no HTTP answer came (refused, timed out, cancelled…). */
export type HistoryStatusClass = (typeof historyStatusClasses)[number]

/** What came back: an HTTP answer, or the error that stood in for one. */
export type HistoryOutcome =
  | {
      kind: 'response'
      status: number
      statusText: string
      durationMs: number
      /** Bytes of the body as received on the wire. */
      sizeBytes: number
      contentType: string | null
      headers: Array<[name: string, value: string]>
      body: ResponseBody
      problem: ResponseProblem | null
    }
  | { kind: 'failure'; code: AppErrorCode; message: string; durationMs: number }

/** What the caller hands the history after each send. */
export interface HistoryRecordInput {
  /** When the request started (ms since the epoch). */
  sentAt: number
  origin: string
  /** The account's label as the user named it, null for anonymous requests. Never a token. */
  accountLabel: string | null
  endpoint: string
  authMode: AuthMode
  /** The body as typed in the editor. */
  requestBody: string
  outcome: HistoryOutcome
}

/** One line of the history list: everything but the bodies and the response headers. */
export interface HistorySummary {
  id: string
  sentAt: number
  origin: string
  accountLabel: string | null
  endpoint: string
  authMode: AuthMode
  /** The HTTP status, null when no answer came (see `failure`). */
  status: number | null
  failure: { code: AppErrorCode; message: string } | null
  /** Misskey's error code (`NO_SUCH_NOTE`…) when the answer was one of its errors. */
  problemCode: string | null
  durationMs: number
  /** Bytes received, null when no answer came. */
  sizeBytes: number | null
  pinned: boolean
  /** The start of the request body, for the list. */
  requestPreview: string
}

export interface HistoryResponse {
  statusText: string
  contentType: string | null
  headers: Array<[name: string, value: string]>
  body: ResponseBody
  /** The stored body is the start of a longer one (see the store's body cap). */
  bodyTruncated: boolean
  problem: ResponseProblem | null
}

/** One entry with its full bodies, loaded on demand. */
export interface HistoryEntry extends HistorySummary {
  requestBody: string
  requestBodyTruncated: boolean
  /** Null when no answer came, or when the bodies could not be read (`bodiesMissing`). */
  response: HistoryResponse | null
  /** The entry's body file was missing or damaged: the summary is all that is left. */
  bodiesMissing: boolean
}

export interface HistoryQuery {
  /**
   * Case-insensitive words matched against the endpoint, the server, the account, the status
   * (`404`), the error or Misskey error code and message, and the request body.
   */
  text?: string
  /** Also look for `text` in the stored response bodies (read from disk, page by page). */
  searchResponseBodies?: boolean
  origin?: string
  statusClasses?: HistoryStatusClass[]
  /** `sentAt` bounds, inclusive, in ms since the epoch. */
  from?: number
  to?: number
  pinnedOnly?: boolean
  /** From `HistoryPage.nextCursor`: continue after the last page. */
  cursor?: string
  /** Page size, 50 unless given, at most 500. */
  limit?: number
}

export interface HistoryPage {
  /** Newest first. */
  items: HistorySummary[]
  /** How many entries match in all; null when response bodies were searched (unknown until all are read). */
  total: number | null
  /** True when more than `total` entries match: counting stops at 10,000 (shown as "10,000+"). */
  totalAtLeast?: boolean
  /** Pass back as `cursor` for the next page; null when there is nothing older to look at. */
  nextCursor: string | null
}

/** Something the user should know about the history file found at start-up. */
export interface HistoryNotice {
  code: 'DAMAGED_FILE_SET_ASIDE'
  message: string
  /** Where the damaged file now is. */
  setAsidePath: string
  recoveredEntries: number
  unreadableLines: number
}
