import { indentJsonPrefix } from '../../shared/json-prefix.ts'
import type { ResponseBody, ResponseProblem } from '../../shared/requests.ts'

export interface ReadResponse {
  body: ResponseBody
  problem: ResponseProblem | null
}

/** Above this the page gets a preview first (the "start at 5 MB"). */
export const largeBodyBytes = 5 * 1024 * 1024
const previewChars = 256 * 1024

const decoder = new TextDecoder()

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Parses the body and names what kind of failure it is, in the shapes Misskey and Fastify send. */
export function readResponse(
  status: number,
  contentType: string | null,
  bytes: Uint8Array,
  location: string | null,
  largeThreshold: number = largeBodyBytes,
): ReadResponse {
  const claimsJson = /\bjson\b/i.test(contentType ?? '')
  if (bytes.byteLength > largeThreshold && status < 400) {
    // Parsing 20 MB only to preview it would cost main a noticeable pause; the content type and
    // the first character are enough to decide how to show its start.
    const head = decoder.decode(bytes.subarray(0, previewChars * 2))
    const json = claimsJson && /^\s*[[{]/.test(head)
    const preview = json ? indentJsonPrefix(head, previewChars).text : head.slice(0, previewChars)
    return {
      body: { kind: 'large', preview, json },
      problem: status >= 300 ? { kind: 'redirect', location } : null,
    }
  }
  const text = decoder.decode(bytes)
  // A search for the first non-space, not trim(): trimming copies the whole body.
  const blank = !/\S/.test(text)
  if (claimsJson && status >= 200 && status < 300 && !blank) {
    // Not parsed here (see ResponseBody): the answer goes back as fast as a bare fetch gives it.
    return { body: { kind: 'json', text }, problem: null }
  }
  let parsed: unknown
  let isJson = false
  if (!blank) {
    try {
      parsed = JSON.parse(text)
      isJson = true
    } catch {
      // Not JSON, whatever the content type claims: show it as text.
    }
  }
  const body: ResponseBody =
    text === ''
      ? { kind: 'empty' }
      : isJson
        ? { kind: 'json', text }
        : { kind: 'text', text, invalidJson: claimsJson }
  if (status >= 300 && status < 400) return { body, problem: { kind: 'redirect', location } }
  if (status < 400) return { body, problem: null }
  return { body, problem: classifyError(parsed) }
}

/** The whole text of a body kept in main, pretty-printed when it is JSON. */
export function fullText(bytes: Uint8Array): { text: string; json: boolean } {
  const text = decoder.decode(bytes)
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), json: true }
  } catch {
    return { text, json: false }
  }
}

function classifyError(parsed: unknown): ResponseProblem {
  if (isRecord(parsed) && isRecord(parsed.error)) {
    const error = parsed.error
    return {
      kind: 'misskey',
      code: typeof error.code === 'string' ? error.code : 'UNKNOWN',
      message: typeof error.message === 'string' ? error.message : '',
      id: typeof error.id === 'string' ? error.id : null,
      errorKind: typeof error.kind === 'string' ? error.kind : null,
      info: error.info ?? null,
    }
  }
  if (
    isRecord(parsed) &&
    typeof parsed.statusCode === 'number' &&
    typeof parsed.message === 'string'
  ) {
    return {
      kind: 'fastify',
      statusCode: parsed.statusCode,
      error: typeof parsed.error === 'string' ? parsed.error : '',
      message: parsed.message,
      code: typeof parsed.code === 'string' ? parsed.code : null,
    }
  }
  return { kind: 'http' }
}
