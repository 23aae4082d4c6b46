// A fake Misskey 2025.5.0 on node:http, faithful on the wire (see README.md and observed.md).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleApiCall, type ApiRouteEnv } from './api-route.ts'
import { findEndpoint } from './endpoints.ts'
import { UNKNOWN_API_ENDPOINT } from './errors.ts'
import { handlers } from './handlers.ts'
import { readBody } from './http-body.ts'
import { API_HEADERS, JSON_TYPE, sendJson, sendRouteNotFound } from './http-send.ts'
import { RateLimiter } from './rate-limit.ts'
import { miauthCheck, serveMisc } from './routes-misc.ts'
import { buildFakeSpec } from './spec.ts'
import { FakeOAuth } from './oauth.ts'
import { FakeState } from './state.ts'
import { StreamingEndpoint, type StreamingOptions } from './streaming.ts'
import type { FailureKind, FakeUser, ReceivedRequest } from './types.ts'

export type { FailureKind, FakeUser, ReceivedRequest } from './types.ts'

export interface FakeMisskey {
  /** e.g. http://127.0.0.1:40123 */
  origin: string
  /** The document served at /api.json. */
  spec: Record<string, unknown>
  users: { admin: FakeUser; alice: FakeUser }
  /** Every request, in arrival order. */
  received: ReceivedRequest[]
  /**
   * The last call of one endpoint (`/api/<endpoint>`): what a story sent. Other calls arrive at
   * any moment and are left out: images the page loads (avatars in the Preview), and main's own
   * `meta` asked for the media proxy when an image is shown.
   */
  lastApiCall(endpoint: string): ReceivedRequest | undefined
  createAppToken(userId: string, permissions: string[]): string
  /** Whether the server offers OAuth 2 (Misskey since 2023.9); switch off to play an older one. */
  oauth: { enabled: boolean }
  /**
   * Make the next call of an endpoint fail on purpose: 'internal-error' answers 500
   * INTERNAL_ERROR with a fresh incident id in info once the call reaches the endpoint body;
   * 'hang' accepts the request and never answers.
   */
  failNext(endpoint: string, kind: FailureKind): void
  /** Open sockets on the streaming endpoint. */
  streamingClients(): number
  /** Kills every streaming socket without a closing handshake, as a network drop does. */
  dropStreamingConnections(): void
  /** Sends a message (an object is sent as JSON, a string as is) to every streaming socket; answers how many got it. */
  broadcastStreaming(message: unknown): number
  /** A suspended user's streaming upgrade is refused with 403 (the fake's REST side ignores it). */
  suspendUser(userId: string, suspended?: boolean): void
  /** Clears received requests, notes, drive content, follows, failures and rate-limit counters. */
  reset(): void
  close(): Promise<void>
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** @fastify/cors preflight, strict mode: Origin and Access-Control-Request-Method are required. */
function preflight(req: IncomingMessage, res: ServerResponse): void {
  const origin = { 'access-control-allow-origin': '*' }
  if (!req.headers.origin || !req.headers['access-control-request-method']) {
    const text = 'Invalid Preflight Request'
    res.writeHead(400, {
      ...origin,
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(text.length),
    })
    res.end(text)
    return
  }
  const requested = req.headers['access-control-request-headers']
  // @fastify/cors sets content-length: 0 on this 204 itself (wire/cors-preflight.txt).
  res.writeHead(204, {
    ...origin,
    'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
    vary: 'Access-Control-Request-Headers',
    ...(requested ? { 'access-control-allow-headers': requested } : {}),
    'content-length': '0',
  })
  res.end()
}

async function route(
  env: ApiRouteEnv,
  oauth: FakeOAuth,
  spec: Record<string, unknown>,
  req: IncomingMessage,
  res: ServerResponse,
  log: ReceivedRequest,
): Promise<void> {
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', env.origin)
  const path = url.pathname
  if (path === '/api.json' && (method === 'GET' || method === 'HEAD')) {
    // No CORS header here, unlike /api/*: a cross-origin browser fetch of the spec fails.
    return sendJson(res, 200, JSON.parse(JSON.stringify(spec)), {
      'cache-control': 'public, max-age=600',
    })
  }
  if (path.startsWith('/api/')) {
    if (method === 'OPTIONS') return preflight(req, res)
    const name = path.slice('/api/'.length)
    const session = /^miauth\/([^/]+)\/check$/.exec(name)?.[1]
    const def = findEndpoint(name)
    if (def) return handleApiCall(env, def, req, res, url, log)
    if (session !== undefined && method === 'POST') {
      log.bodyText = (await readBody(req, 1024 * 1024)).bytes.toString('utf8')
      return miauthCheck(env, session, res)
    }
    // GET falls through to Misskey's catch-all; other methods hit Fastify's own 404.
    if (method === 'GET' || method === 'HEAD') {
      const error = { ...UNKNOWN_API_ENDPOINT, kind: 'client' }
      return sendJson(res, 404, { error }, API_HEADERS)
    }
  } else if (serveMisc(env, req, res, path) || (await oauth.handle(req, res, url))) {
    return
  }
  log.bodyText = (await readBody(req, 1024 * 1024)).bytes.toString('utf8')
  sendRouteNotFound(res, method, req.url ?? path)
}

export async function startFakeMisskey(
  options: { port?: number; host?: string; streaming?: StreamingOptions } = {},
): Promise<FakeMisskey> {
  const state = new FakeState()
  const admin = state.createUser('admin', true)
  const alice = state.createUser('alice', false)
  const limiter = new RateLimiter()
  const received: ReceivedRequest[] = []
  const failures = new Map<string, FailureKind[]>()
  const env: ApiRouteEnv = {
    state,
    limiter,
    handlers,
    origin: '',
    takeFailure(name, kind) {
      const queue = failures.get(name)
      if (queue?.[0] !== kind) return false
      queue.shift()
      return true
    },
  }
  const oauth = new FakeOAuth(state, () => env.origin)
  let spec: Record<string, unknown> = {}
  let closing: Promise<void> | null = null

  const server = createServer((req, res) => {
    const log: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: headersOf(req),
      bodyText: '',
      json: undefined,
      token: null,
      tokenSource: null,
      receivedAt: Date.now(),
    }
    received.push(log)
    route(env, oauth, spec, req, res, log).catch((err: unknown) => {
      // A bug in the fake, not a simulated failure: say so loudly in a Fastify-like 500.
      if (res.headersSent) return res.destroy()
      const message = err instanceof Error ? err.message : String(err)
      sendJson(
        res,
        500,
        { statusCode: 500, error: 'Internal Server Error', message },
        {},
        JSON_TYPE,
      )
    })
  })
  // Fastify's default keep-alive timeout; Node then sends `Keep-Alive: timeout=72` like the real one.
  server.keepAliveTimeout = 72_000
  const streaming = new StreamingEndpoint(env, options.streaming)
  server.on('upgrade', (req, socket, head) => {
    const log: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: headersOf(req),
      bodyText: '',
      json: undefined,
      token: null,
      tokenSource: null,
      receivedAt: Date.now(),
    }
    received.push(log)
    streaming.handleUpgrade(req, socket, head, log)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  env.origin = `http://${host}:${address.port}`
  spec = buildFakeSpec(env.origin)

  const user = (record: { id: string; username: string; token: string }): FakeUser => ({
    id: record.id,
    username: record.username,
    token: record.token,
  })

  return {
    origin: env.origin,
    spec,
    users: { admin: user(admin), alice: user(alice) },
    received,
    lastApiCall: (endpoint) => received.findLast((request) => request.path === `/api/${endpoint}`),
    createAppToken: (userId, permissions) => state.createAppToken(userId, permissions),
    oauth,
    failNext(endpoint, kind) {
      const name = endpoint.replace(/^\/?(api\/)?/, '')
      if (!findEndpoint(name)) throw new Error(`failNext: the fake has no endpoint "${name}"`)
      failures.set(name, [...(failures.get(name) ?? []), kind])
    },
    streamingClients: () => streaming.clientCount,
    dropStreamingConnections: () => streaming.dropAll(),
    broadcastStreaming: (message) => streaming.broadcast(message),
    suspendUser: (userId, suspended = true) => streaming.suspend(userId, suspended),
    reset() {
      received.length = 0
      state.reset()
      limiter.reset()
      failures.clear()
    },
    close() {
      // Idempotent: tests may close mid-test (to simulate an outage) and again in teardown.
      streaming.close()
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Hanging and keep-alive sockets would otherwise keep close() waiting forever.
        server.closeAllConnections()
      })
      return closing
    },
  }
}
