import type { AuthMode } from './accounts.ts'
import type { UploadInput } from './uploads.ts'

export interface RequestAuth {
  mode: AuthMode
  /** The account whose token main adds; null when the mode is 'none'. */
  accountId: string | null
}

export interface SendRequestInput {
  /** Chosen by the renderer so it can cancel the request while it runs. */
  requestId: string
  origin: string
  endpoint: string
  /** The body exactly as typed in the editor; main parses it. */
  body: string
  /** How main adds the account's token at send time; the renderer never holds the token. */
  auth: RequestAuth
  /** For multipart endpoints (drive/files/create): the chosen file and the other form fields. */
  upload?: UploadInput
  timeoutMs?: number
}

export type ResponseBody =
  | { kind: 'empty' }
  /**
   * JSON, `text` exactly as it came; the page pretty-prints it when it shows it, and IPC carries
   * the compact form. A successful (2xx) answer whose content type says JSON is not parsed by
   * main: the page parses it anyway to show it, and parsing it on the send path was most of
   * main's own work for a big answer. Whoever needs its value parses it (`parseJsonBody`) and
   * treats a failure as "not JSON after all". Any other answer is `json` only when it parsed.
   */
  | { kind: 'json'; text: string }
  /**
   * A body above the size where the page would stall rendering it: the page gets an indented
   * preview of its start at once, and asks main for the whole text (or a file) when wanted.
   */
  | { kind: 'large'; preview: string; json: boolean }
  /** `invalidJson`: the content type said JSON but the body does not parse. */
  | { kind: 'text'; text: string; invalidJson: boolean }

/** Why a response is not a success, in the shapes a Misskey server actually sends. */
export type ResponseProblem =
  | {
      /** `{"error":{"message","code","id","kind","info"}}`, Misskey's own envelope. */
      kind: 'misskey'
      code: string
      message: string
      id: string | null
      errorKind: string | null
      info: unknown
    }
  | {
      /** `{"statusCode","error","message","code"?}`, from Fastify below Misskey (404 route, bad JSON, 413, 415). */
      kind: 'fastify'
      statusCode: number
      error: string
      message: string
      code: string | null
    }
  | {
      /** A redirect is reported, never followed: following it could carry a token to another origin. */
      kind: 'redirect'
      location: string | null
    }
  | {
      /** Any other non-2xx answer: bodiless (405, empty 400) or a body in no known shape. */
      kind: 'http'
    }

export interface ResponseRecord {
  requestId: string
  origin: string
  endpoint: string
  auth: RequestAuth
  url: string
  status: number
  statusText: string
  headers: Array<[name: string, value: string]>
  /** From the first byte sent to the last byte of the body received. */
  durationMs: number
  /** Bytes of the body as received on the wire. */
  sizeBytes: number
  contentType: string | null
  body: ResponseBody
  problem: ResponseProblem | null
}

export interface RequestProgress {
  requestId: string
  /** 'upload' while a multipart body goes out, then 'download' as the answer comes in. */
  phase: 'upload' | 'download'
  /** Bytes sent (upload) or received (download) so far. */
  bytes: number
  /** From Content-Length (download) or the file size (upload), when known. */
  totalBytes: number | null
}

/**
 * The value of a JSON body, parsed by whoever needs it. A 2xx answer that only claimed to be JSON
 * may fail here: `invalid` says so, as main's `{ kind: 'text', invalidJson: true }` does.
 */
export function parseJsonBody(
  body: ResponseBody,
):
  { ok: true; value: unknown } | { ok: false; reason: 'empty' | 'large' | 'not-json' | 'invalid' } {
  if (body.kind === 'empty') return { ok: false, reason: 'empty' }
  if (body.kind === 'large') return { ok: false, reason: 'large' }
  if (body.kind === 'text') return { ok: false, reason: body.invalidJson ? 'invalid' : 'not-json' }
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown }
  } catch {
    return { ok: false, reason: 'invalid' }
  }
}
