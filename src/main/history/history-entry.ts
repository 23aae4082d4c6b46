import type {
  HistoryEntry,
  HistoryRecordInput,
  HistoryResponse,
  HistorySummary,
} from '../../shared/history.ts'
import type { AppErrorCode } from '../../shared/result.ts'
import type { StoredEntry } from './log-format.ts'
import { removeTypedToken } from '../secrets/typed-token.ts'
import { redactRequestSecrets, redactResponseSecrets } from './redact-secrets.ts'

/** What an entry's body file holds: the parts too big to keep in memory for every entry. */
export interface BodyFile {
  requestBody: string
  requestBodyTruncated: boolean
  response: HistoryResponse | null
}

export interface EntryLimits {
  /** Each body (request, response) is cut to this many UTF-8 bytes. */
  maxBodyBytes: number
  /** How much of the request body the in-memory index keeps for search and preview. */
  indexedRequestChars: number
}

const previewChars = 200
// Headers a proxy in front of Misskey may set that carry a session; they are not the user's to keep.
const droppedResponseHeaders = new Set(['set-cookie', 'set-cookie2'])

/** Splits what a send produced into the in-memory record and the body file's JSON text. */
export function buildEntry(
  input: HistoryRecordInput,
  identity: { id: string; seq: number },
  limits: EntryLimits,
): { stored: StoredEntry; body: BodyFile; bodyText: string } {
  const withoutToken = removeTypedToken(input.requestBody).text
  const request = truncateUtf8(
    redactRequestSecrets(input.endpoint, withoutToken).text,
    limits.maxBodyBytes,
  )
  const outcome = input.outcome
  let response: HistoryResponse | null = null
  if (outcome.kind === 'response') {
    let body = outcome.body
    let bodyTruncated = false
    if (body.kind === 'large') {
      // Main keeps the whole of a large body only for a while; history keeps its preview.
      const preview = redactResponseSecrets(input.endpoint, body.preview).text
      body = { kind: 'text', text: preview, invalidJson: false }
      bodyTruncated = true
    } else if (body.kind !== 'empty') {
      body = { ...body, text: redactResponseSecrets(input.endpoint, body.text).text }
      const cut = truncateUtf8(body.text, limits.maxBodyBytes)
      // A cut JSON text no longer parses; it is kept as text so the viewer shows it as is.
      if (cut.truncated) body = { kind: 'text', text: cut.text, invalidJson: false }
      bodyTruncated = cut.truncated
    }
    response = {
      statusText: outcome.statusText,
      contentType: outcome.contentType,
      headers: outcome.headers.filter(([name]) => !droppedResponseHeaders.has(name.toLowerCase())),
      body,
      bodyTruncated,
      problem: outcome.problem,
    }
  }
  const bodyFile: BodyFile = {
    requestBody: request.text,
    requestBodyTruncated: request.truncated,
    response,
  }
  const bodyText = JSON.stringify(bodyFile)
  const problem = outcome.kind === 'response' ? outcome.problem : null
  const stored: StoredEntry = {
    id: identity.id,
    seq: identity.seq,
    sentAt: input.sentAt,
    origin: input.origin,
    account: input.accountLabel,
    endpoint: input.endpoint,
    auth: input.authMode,
    status: outcome.kind === 'response' ? outcome.status : null,
    failureCode: outcome.kind === 'failure' ? outcome.code : null,
    failureMessage: outcome.kind === 'failure' ? outcome.message : null,
    problemCode: problem?.kind === 'misskey' || problem?.kind === 'fastify' ? problem.code : null,
    problemMessage: problem && 'message' in problem ? problem.message : null,
    durationMs: outcome.durationMs,
    sizeBytes: outcome.kind === 'response' ? outcome.sizeBytes : null,
    pinned: false,
    request: request.text.slice(0, limits.indexedRequestChars),
    bodyBytes: Buffer.byteLength(bodyText),
  }
  return { stored, body: bodyFile, bodyText }
}

export function toSummary(entry: StoredEntry): HistorySummary {
  return {
    id: entry.id,
    sentAt: entry.sentAt,
    origin: entry.origin,
    accountLabel: entry.account,
    endpoint: entry.endpoint,
    authMode: entry.auth,
    status: entry.status,
    failure:
      entry.failureCode === null
        ? null
        : { code: entry.failureCode as AppErrorCode, message: entry.failureMessage ?? '' },
    problemCode: entry.problemCode,
    durationMs: entry.durationMs,
    sizeBytes: entry.sizeBytes,
    pinned: entry.pinned,
    requestPreview: entry.request.slice(0, previewChars),
  }
}

export function toEntry(entry: StoredEntry, body: BodyFile | null): HistoryEntry {
  return {
    ...toSummary(entry),
    requestBody: body?.requestBody ?? entry.request,
    requestBodyTruncated: body ? body.requestBodyTruncated : true,
    response: body?.response ?? null,
    bodiesMissing: body === null,
  }
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  // Cheap test first: a string of n UTF-16 units is at most 3n bytes.
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) {
    return { text, truncated: false }
  }
  let cut = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8')
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1)
  return { text: cut, truncated: true }
}
