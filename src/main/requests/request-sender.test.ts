import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { startLocalServer, type LocalServer } from '../../../test-kit/support/local-server.ts'
import { parseJsonBody, type RequestProgress } from '../../shared/requests.ts'
import { createRequestSender, type RequestSenderDependencies } from './request-sender.ts'

let fake: FakeMisskey
const local: LocalServer[] = []
const progress: RequestProgress[] = []
let counter = 0

const sender = (overrides: Partial<RequestSenderDependencies> = {}) =>
  createRequestSender({
    tokenFor: async () => ({
      ok: false,
      error: { code: 'UNKNOWN_ACCOUNT', message: 'no accounts here' },
    }),
    monotonicNow: () => performance.now(),
    emitProgress: (event) => progress.push(event),
    ...overrides,
  })

const input = (origin: string, endpoint: string, body: string, extra: object = {}) => ({
  requestId: `test-${++counter}`,
  origin,
  endpoint,
  body,
  auth: { mode: 'none' as const, accountId: null },
  ...extra,
})

async function serve(handler: Parameters<typeof startLocalServer>[0]) {
  const server = await startLocalServer(handler)
  local.push(server)
  return server
}

beforeEach(async () => {
  fake = await startFakeMisskey()
  progress.length = 0
})

afterEach(async () => {
  await fake.close()
  await Promise.all(local.splice(0).map((server) => server.close()))
})

describe('sending to the fake Misskey', () => {
  it('POSTs the JSON body and reports status, headers, time, size and the pretty body', async () => {
    const result = await sender().send(input(fake.origin, 'meta', '{ "detail": false }'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const response = result.value
    expect(response).toMatchObject({
      status: 200,
      url: `${fake.origin}/api/meta`,
      problem: null,
      body: { kind: 'json' },
    })
    expect(response.contentType).toBe('application/json; charset=utf-8')
    expect(response.durationMs).toBeGreaterThan(0)
    const length = response.headers.find(([name]) => name === 'content-length')?.[1]
    expect(response.sizeBytes).toBe(Number(length))
    // As it came on the wire (compact); the page pretty-prints it.
    if (response.body.kind === 'json')
      expect(JSON.parse(response.body.text)).toMatchObject({ version: '2025.5.0-fake' })
    expect(fake.received.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/meta',
      bodyText: '{"detail":false}',
    })
    expect(fake.received.at(-1)?.headers['content-type']).toBe('application/json')
  })

  it('sends {} for an empty editor, since Misskey rejects a missing body', async () => {
    await sender().send(input(fake.origin, 'meta', '  \n'))
    expect(fake.received.at(-1)?.bodyText).toBe('{}')
  })

  it('reads Misskey errors with their code, id, kind and info', async () => {
    const result = await sender().send(input(fake.origin, 'notes/show', '{}'))
    expect(result).toMatchObject({
      ok: true,
      value: {
        status: 400,
        problem: {
          kind: 'misskey',
          code: 'INVALID_PARAM',
          id: '3d81ceae-475f-4600-b2a8-2bc116157532',
          errorKind: 'client',
          info: { param: '#/required', reason: "must have required property 'noteId'" },
        },
      },
    })
  })

  it('reads Fastify errors (an unknown route) and empty 204s', async () => {
    expect(await sender().send(input(fake.origin, 'does/not/exist', '{}'))).toMatchObject({
      ok: true,
      value: { status: 404, problem: { kind: 'fastify', statusCode: 404, error: 'Not Found' } },
    })
    expect(
      await sender().send(input(fake.origin, 'endpoint', '{"endpoint":"nope"}')),
    ).toMatchObject({
      ok: true,
      value: { status: 204, body: { kind: 'empty' }, problem: null, sizeBytes: 0 },
    })
  })

  it('sends JSON5 typed by the user as plain JSON', async () => {
    await sender().send(input(fake.origin, 'meta', "{ detail: false, // compact\n 'x': [1, 2,], }"))
    expect(fake.received.at(-1)?.bodyText).toBe('{"detail":false,"x":[1,2]}')
  })

  it('refuses to send a body that is not a JSON object, and sends nothing', async () => {
    expect(await sender().send(input(fake.origin, 'meta', '{ "detail": tru }'))).toMatchObject({
      ok: false,
      error: { code: 'BODY_NOT_JSON' },
    })
    expect(await sender().send(input(fake.origin, 'meta', '"text"'))).toMatchObject({
      ok: false,
      error: { code: 'BODY_NOT_OBJECT', detail: { found: 'a string' } },
    })
    expect(fake.received).toEqual([])
  })

  it('times out a server that never answers, and can cancel a running request', async () => {
    fake.failNext('meta', 'hang')
    expect(await sender().send(input(fake.origin, 'meta', '{}', { timeoutMs: 200 }))).toMatchObject(
      {
        ok: false,
        error: { code: 'TIMEOUT', detail: { seconds: 0.2 } },
      },
    )
    const requests = sender()
    fake.failNext('meta', 'hang')
    const calls = fake.received.length
    const running = requests.send(input(fake.origin, 'meta', '{}', { requestId: 'to-cancel' }))
    // Cancelled once the server has the request (it hangs there).
    while (!fake.received.slice(calls).some((call) => call.path === '/api/meta')) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(requests.cancel('to-cancel')).toBe(true)
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(requests.cancel('to-cancel')).toBe(false)
  })

  it('answers 500 INTERNAL_ERROR as a Misskey error', async () => {
    fake.failNext('meta', 'internal-error')
    expect(await sender().send(input(fake.origin, 'meta', '{}'))).toMatchObject({
      ok: true,
      value: {
        status: 500,
        problem: { kind: 'misskey', code: 'INTERNAL_ERROR', errorKind: 'server' },
      },
    })
  })
})

describe('sending to servers that misbehave', () => {
  it('reports a redirect with its target and does not follow it to the other origin', async () => {
    let otherOriginHit = false
    const other = await serve((_request, response) => {
      otherOriginHit = true
      response.writeHead(200).end('{}')
    })
    const redirecting = await serve((_request, response) => {
      response.writeHead(307, { location: `${other.origin}/api/meta` }).end()
    })
    expect(await sender().send(input(redirecting.origin, 'meta', '{}'))).toMatchObject({
      ok: true,
      value: { status: 307, problem: { kind: 'redirect', location: `${other.origin}/api/meta` } },
    })
    expect(otherOriginHit).toBe(false)
  })

  it('shows HTML from a proxy as text, and JSON that does not parse as invalid', async () => {
    const proxy = await serve((request, response) => {
      if (request.url === '/api/html')
        response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>')
      else if (request.url === '/api/plain')
        response.writeHead(200, { 'content-type': 'text/plain' }).end('{"plain":true}')
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"truncated":')
    })
    expect(await sender().send(input(proxy.origin, 'html', '{}'))).toMatchObject({
      ok: true,
      value: {
        status: 502,
        body: { kind: 'text', text: '<h1>Bad Gateway</h1>', invalidJson: false },
        problem: { kind: 'http' },
      },
    })
    const broken = await sender().send(input(proxy.origin, 'broken', '{}'))
    expect(broken).toMatchObject({
      ok: true,
      value: { status: 200, body: { kind: 'json', text: '{"truncated":' }, problem: null },
    })
    expect(broken.ok && parseJsonBody(broken.value.body)).toEqual({ ok: false, reason: 'invalid' })
    // Not labelled JSON: parsed to tell, and said to be text.
    expect(await sender().send(input(proxy.origin, 'plain', '{}'))).toMatchObject({
      ok: true,
      value: { status: 200, body: { kind: 'json', text: '{"plain":true}' } },
    })
  })

  it('reports download progress on a large body and cuts off one over the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const big = await serve(async (_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(chunk.length * 32 + 2),
      })
      response.write('[')
      for (let index = 0; index < 32; index++) {
        response.write(chunk)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      response.end(']')
    })
    const result = await sender().send(input(big.origin, 'big', '{}'))
    expect(result.ok && result.value.sizeBytes).toBe(chunk.length * 32 + 2)
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)?.totalBytes).toBe(chunk.length * 32 + 2)
    expect(progress.every((event) => event.phase === 'download')).toBe(true)
    expect(progress.map((event) => event.bytes)).toEqual(
      [...progress.map((event) => event.bytes)].sort((a, b) => a - b),
    )
    expect(
      await sender({ maxResponseBytes: 100_000 }).send(input(big.origin, 'big', '{}')),
    ).toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_TOO_LARGE', detail: { limitBytes: 100_000 } },
    })
  })
})
