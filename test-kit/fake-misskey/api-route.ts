// POST/GET /api/<endpoint>: transport handling of ApiServerService + ApiCallService.handle*Request.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticate, callEndpoint, type CallEnv } from './api-call.ts'
import { ApiError, errorReply } from './errors.ts'
import type { Handler, UploadedFile } from './handler-types.ts'
import { JSON_BODY_LIMIT, parseBody, parseMultipart, readBody, TOO_LARGE } from './http-body.ts'
import { API_HEADERS, sendEmpty, sendJson } from './http-send.ts'
import { MAX_FILE_SIZE } from './meta-data.ts'
import type { EndpointDef, Json, ReceivedRequest, TokenSource } from './types.ts'

export interface ApiRouteEnv extends CallEnv {
  handlers: Record<string, Handler>
  /** Shifts the next injected failure of `name` if it is of `kind`. */
  takeFailure(name: string, kind: 'hang' | 'internal-error'): boolean
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Fastify's querystring parser: repeated keys become arrays. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of search) {
    const previous = out[key]
    out[key] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
  }
  return out
}

/** RFC 6750 is case-sensitive: `bearer x` or a bare token count as no header at all. */
function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined
}

function sendError(res: ServerResponse, err: ApiError): void {
  const reply = errorReply(err)
  sendJson(res, reply.status, reply.body, { ...API_HEADERS, ...reply.headers })
}

const never = (): Promise<void> => new Promise(() => undefined)

export async function handleApiCall(
  env: ApiRouteEnv,
  def: EndpointDef,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  log: ReceivedRequest,
): Promise<void> {
  const method = req.method ?? 'GET'
  const multipart =
    def.requireFile && (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')
  const read = await readBody(req, multipart ? MAX_FILE_SIZE + JSON_BODY_LIMIT : JSON_BODY_LIMIT)
  log.bodyText = read.bytes.toString('utf8')
  if (env.takeFailure(def.name, 'hang')) return never()
  if (method === 'GET' && !def.allowGet) return sendEmpty(res, 405, API_HEADERS)
  if (read.tooLarge) {
    // The multipart plugin only marks the file truncated; Misskey then answers an empty 413.
    if (multipart) return sendEmpty(res, 413, API_HEADERS)
    return sendJson(res, 413, TOO_LARGE, { ...API_HEADERS, connection: 'close' })
  }
  const parsed = parseBody(req, read.bytes)
  if (parsed.kind === 'error') return sendJson(res, parsed.status, parsed.body, API_HEADERS)
  if (parsed.kind === 'json') log.json = parsed.value

  let data: unknown
  let bodyToken: unknown
  let source: TokenSource
  let file: UploadedFile | null = null
  if (def.requireFile) {
    // request.file() fails on anything but multipart with a file part: an empty 400.
    const form =
      parsed.kind === 'multipart'
        ? await parseMultipart(read.bytes, req.headers['content-type'] ?? '')
        : null
    if (!form?.file) return sendEmpty(res, 400, API_HEADERS)
    file = { name: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()) }
    data = form.fields
    bodyToken = form.fields.i
    source = 'form'
  } else {
    data =
      method === 'GET'
        ? queryObject(url.searchParams)
        : parsed.kind === 'json' || parsed.kind === 'text'
          ? parsed.value
          : undefined
    bodyToken = isRecord(data) ? data.i : undefined
    source = method === 'GET' ? 'query' : 'body'
  }
  const headerToken = bearer(req)
  const token = headerToken ?? bodyToken
  // Misskey sets 400 and returns without sending, so a non-string token hangs (observed.md).
  if (token !== undefined && token !== null && typeof token !== 'string') return never()
  const usedToken = typeof token === 'string' ? token : null
  log.token = usedToken
  log.tokenSource = usedToken === null ? null : headerToken !== undefined ? 'header' : source

  try {
    const caller = authenticate(env.state, usedToken)
    const handler = env.handlers[def.name]
    if (!handler) throw new Error(`no handler for ${def.name}`)
    const result: Json | null = await callEndpoint(env, {
      def,
      handler,
      caller,
      data,
      file,
      method,
      ip: req.socket.remoteAddress ?? 'unknown',
      takeCrash: () => env.takeFailure(def.name, 'internal-error'),
    })
    if (caller.user) caller.user.lastActiveAt = Date.now()
    if (result === null) return sendEmpty(res, 204, API_HEADERS)
    const cacheable = method === 'GET' && def.cacheSec && usedToken === null && caller.user === null
    const headers = cacheable
      ? { ...API_HEADERS, 'cache-control': `public, max-age=${def.cacheSec}` }
      : API_HEADERS
    return sendJson(res, 200, result, headers)
  } catch (err) {
    if (err instanceof ApiError) return sendError(res, err)
    throw err
  }
}
