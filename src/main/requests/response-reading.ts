import type { ResponseBody, ResponseProblem } from '../../shared/requests.ts'

export interface ReadResponse {
  body: ResponseBody
  problem: ResponseProblem | null
}

const decoder = new TextDecoder()

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Parses the body and names what kind of failure it is, in the shapes Misskey and Fastify send. */
export function readResponse(
  status: number,
  contentType: string | null,
  bytes: Uint8Array,
  location: string | null,
): ReadResponse {
  const text = decoder.decode(bytes)
  let parsed: unknown
  let isJson = false
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text)
      isJson = true
    } catch {
      // Not JSON, whatever the content type claims: show it as text.
    }
  }
  const claimsJson = /\bjson\b/i.test(contentType ?? '')
  const body: ResponseBody =
    text === ''
      ? { kind: 'empty' }
      : isJson
        ? { kind: 'json', text: JSON.stringify(parsed, null, 2) }
        : { kind: 'text', text, invalidJson: claimsJson }
  if (status >= 300 && status < 400) return { body, problem: { kind: 'redirect', location } }
  if (status < 400) return { body, problem: null }
  return { body, problem: classifyError(parsed) }
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
