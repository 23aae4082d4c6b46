import { afterEach, describe, expect, it } from 'vitest'
import { closedPort } from '../../../test-kit/support/local-server.ts'
import {
  startMisbehavingServer,
  startSelfSignedServer,
  type Misbehaviour,
} from '../../../test-kit/support/misbehaving-servers.ts'
import { ok } from '../../shared/result.ts'
import { parseJsonBody } from '../../shared/requests.ts'
import { createRequestSender } from './request-sender.ts'

// Every way a server can fail, through main's real send path: each ends in a Result that says
// what happened, never an exception, and never a token sent anywhere it should not go.
const token = 'FaultMatrixToken0123456789abcdef'
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

const sender = createRequestSender({
  tokenFor: async () => ok(token),
  monotonicNow: () => performance.now(),
  emitProgress: () => undefined,
  maxResponseBytes: 64 * 1024 * 1024,
})

let counter = 0
const send = (origin: string, timeoutMs = 1500) =>
  sender.send({
    requestId: `fault-${++counter}`,
    origin,
    endpoint: 'meta',
    body: '{}',
    auth: { mode: 'header', accountId: 'a' },
    timeoutMs,
  })

async function misbehaving(behaviour: Misbehaviour) {
  const server = await startMisbehavingServer(behaviour)
  cleanups.push(() => server.close())
  return server
}

describe('fault matrix', () => {
  it('connection refused', async () => {
    const port = await closedPort()
    expect(await send(`http://127.0.0.1:${port}`)).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE', detail: { reason: 'refused' } },
    })
  })

  it('a name that does not resolve', async () => {
    expect(await send('http://no-such-host.invalid')).toMatchObject({
      ok: false,
      error: {
        code: 'SERVER_UNREACHABLE',
        detail: { reason: 'dns', host: 'no-such-host.invalid' },
      },
    })
  })

  it('a self-signed certificate, named as such', async () => {
    const server = await startSelfSignedServer()
    cleanups.push(() => server.close())
    const result = await send(server.origin)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'SERVER_UNREACHABLE',
        detail: { reason: 'tls', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      },
    })
    if (!result.ok) expect(result.error.message).toContain('is self-signed')
  })

  it('a server that accepts and never answers, and one that stalls after its headers', async () => {
    for (const behaviour of ['silent', 'stall-after-headers'] as const) {
      const server = await misbehaving(behaviour)
      expect(await send(server.origin, 400), behaviour).toMatchObject({
        ok: false,
        error: { code: 'TIMEOUT' },
      })
    }
  })

  it('a connection reset in the middle of the body', async () => {
    const server = await misbehaving('reset-mid-body')
    expect(await send(server.origin)).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE', detail: { reason: 'reset-mid-body' } },
    })
  })

  it('a response larger than the limit', async () => {
    const server = await misbehaving('huge')
    expect(await send(server.origin, 20_000)).toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_TOO_LARGE', detail: { limitBytes: 64 * 1024 * 1024 } },
    })
  })

  it('HTML from a proxy, and invalid JSON labelled as JSON', async () => {
    const html = await misbehaving('html')
    expect(await send(html.origin)).toMatchObject({
      ok: true,
      value: { status: 502, body: { kind: 'text', invalidJson: false }, problem: { kind: 'http' } },
    })
    // A 2xx labelled JSON goes back unparsed (ResponseBody); whoever reads its value learns it
    // is not JSON after all, and the page says so.
    const broken = await misbehaving('invalid-json')
    const answer = await send(broken.origin)
    expect(answer).toMatchObject({ ok: true, value: { status: 200, body: { kind: 'json' } } })
    expect(answer.ok && parseJsonBody(answer.value.body)).toEqual({ ok: false, reason: 'invalid' })
  })

  it.each([301, 302, 307] as const)(
    'a %i to another origin is reported, not followed, and gets no token',
    async (status) => {
      const server = await misbehaving(`redirect-${status}`)
      const result = await send(server.origin)
      expect(result).toMatchObject({ ok: true, value: { status, problem: { kind: 'redirect' } } })
      if (result.ok && result.value.problem?.kind === 'redirect')
        expect(result.value.problem.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/meta$/)
      expect(server.redirectTargetHits).toEqual([])
    },
  )

  it('429 with Retry-After, and 500 INTERNAL_ERROR with its incident id', async () => {
    const limited = await misbehaving('rate-limited')
    const result = await send(limited.origin)
    expect(result).toMatchObject({
      ok: true,
      value: { status: 429, problem: { code: 'RATE_LIMIT_EXCEEDED' } },
    })
    if (result.ok) expect(result.value.headers).toContainEqual(['retry-after', '3600'])
    const failing = await misbehaving('internal-error')
    expect(await send(failing.origin)).toMatchObject({
      ok: true,
      value: {
        status: 500,
        problem: {
          code: 'INTERNAL_ERROR',
          info: { e: { id: '0a7f0c5e-1f2b-4c4e-9d8e-3b1e7a4c2d10' } },
        },
      },
    })
  })
})
