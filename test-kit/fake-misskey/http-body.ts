// Request bodies read and parsed with Fastify 5's default rules, which decide what Misskey sees.
import type { IncomingMessage } from 'node:http'
import type { JsonObject } from './types.ts'

/** Fastify's default bodyLimit, which Misskey keeps for its JSON routes. */
export const JSON_BODY_LIMIT = 1024 * 1024

export type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'multipart' }
  | { kind: 'error'; status: number; body: JsonObject }

export type ReadResult = { bytes: Buffer; tooLarge: false } | { bytes: Buffer; tooLarge: true }

export const TOO_LARGE: JsonObject = {
  statusCode: 413,
  code: 'FST_ERR_CTP_BODY_TOO_LARGE',
  error: 'Payload Too Large',
  message: 'Request body is too large',
}

/** Reads the body, stopping (like Fastify) as soon as it is known to exceed `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<ReadResult> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    // Keep draining so the client can finish sending and read our 413.
    req.resume()
    return Promise.resolve({ bytes: Buffer.alloc(0), tooLarge: true })
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: over }))
    req.on('error', reject)
  })
}

export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase()
}

const fastifyError = (
  status: number,
  error: string,
  message: string,
  code?: string,
): ParsedBody => ({
  kind: 'error',
  status,
  body: code
    ? { statusCode: status, code, error, message }
    : { statusCode: status, error, message },
})

/** secure-json-parse (Fastify's JSON parser) refuses prototype-poisoning keys. */
function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (Object.hasOwn(value, '__proto__')) return true
  const ctor: unknown = Object.hasOwn(value, 'constructor')
    ? Reflect.get(value, 'constructor')
    : null
  if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) return true
  return Object.values(value).some(hasForbiddenKey)
}

function parseJson(text: string): ParsedBody {
  if (text === '') {
    return fastifyError(
      400,
      'Bad Request',
      "Body cannot be empty when content-type is set to 'application/json'",
      'FST_ERR_CTP_EMPTY_JSON_BODY',
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    // Newer V8 appends " (line 1 column 24)"; the Node of the real server did not.
    const message = err instanceof Error ? err.message.replace(/ \(line \d+ column \d+\)$/, '') : ''
    return fastifyError(400, 'Bad Request', message)
  }
  if (/__proto__|constructor/.test(text) && hasForbiddenKey(value)) {
    return fastifyError(400, 'Bad Request', 'Object contains forbidden prototype property')
  }
  return { kind: 'json', value }
}

/** Which parser Fastify would pick, and what it makes of the bytes. */
export function parseBody(req: IncomingMessage, bytes: Buffer): ParsedBody {
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return { kind: 'none' }
  const contentType = req.headers['content-type']
  const hasBody = bytes.length > 0 || req.headers['transfer-encoding'] !== undefined
  if (contentType === undefined) {
    if (!hasBody) return { kind: 'none' }
    return fastifyError(
      415,
      'Unsupported Media Type',
      'Unsupported Media Type: ',
      'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    )
  }
  const type = mediaType(contentType)
  if (type === 'application/json') return parseJson(bytes.toString('utf8'))
  if (type === 'text/plain') return { kind: 'text', value: bytes.toString('utf8') }
  if (type === 'multipart/form-data') return { kind: 'multipart' }
  return fastifyError(
    415,
    'Unsupported Media Type',
    `Unsupported Media Type: ${contentType}`,
    'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  )
}

export interface Multipart {
  file: File | null
  /** Like @fastify/multipart's `fields[k].value`: undefined for repeated or file fields. */
  fields: Record<string, string | undefined>
}

/** Misskey takes the first file part whatever its field name (wire/drive-create-wrong-field.txt). */
export async function parseMultipart(
  bytes: Buffer,
  contentType: string,
): Promise<Multipart | null> {
  let form: FormData
  try {
    form = await new Response(new Uint8Array(bytes), {
      headers: { 'content-type': contentType },
    }).formData()
  } catch {
    return null
  }
  let file: File | null = null
  const fields: Record<string, string | undefined> = {}
  for (const [, value] of form) if (file === null && typeof value !== 'string') file = value
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key)
    const only = values.length === 1 ? values[0] : undefined
    fields[key] = typeof only === 'string' ? only : undefined
  }
  return { file, fields }
}
