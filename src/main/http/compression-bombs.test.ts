import { afterAll, describe, expect, it } from 'vitest'
import { closedPort, startLocalServer } from '../../../test-kit/support/local-server.ts'
import {
  compressionBomb,
  startCompressionBombServer,
  type BombEncoding,
} from '../../../test-kit/support/misbehaving-servers.ts'
import { ok } from '../../shared/result.ts'
import type { AccountService } from '../accounts/account-service.ts'
import { runMiAuth } from '../accounts/miauth-flow.ts'
import { runOAuth } from '../accounts/oauth-flow.ts'
import { fetchOAuthMetadata } from '../accounts/oauth-metadata.ts'
import type { FlowContext } from '../accounts/sign-in-flows.ts'
import { verifyToken } from '../accounts/verify-token.ts'
import { fetchServerSpec } from '../catalog/spec-fetcher.ts'
import { createRequestSender } from '../requests/request-sender.ts'

// A few hundred compressed bytes that inflate to 200 MiB, served on loopback with their small
// Content-Length, read with Node's real fetch and decoder through main's real read paths. Every
// read must stop at its limit in DECODED bytes and say so, without inflating the rest.
const encodings: BombEncoding[] = ['br', 'gzip', 'deflate']
const servers: Array<{ close(): Promise<void> }> = []
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function bombServer(encoding: BombEncoding) {
  const server = await startCompressionBombServer(encoding)
  servers.push(server)
  return server
}

/** The biggest growth of main's ArrayBuffer memory while `work` runs, sampled as it goes. */
async function peakArrayBufferGrowth<T>(work: () => Promise<T>): Promise<[T, number]> {
  const before = process.memoryUsage().arrayBuffers
  let peak = before
  const sample = () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers))
  const timer = setInterval(sample, 1)
  try {
    const result = await work()
    sample()
    return [result, peak - before]
  } finally {
    clearInterval(timer)
  }
}

const mib = 1024 * 1024
// Accounts are never reached: every flow below must stop at the bomb.
const noAccounts = {} as AccountService

describe.each(encodings)('a %s compression bomb', (encoding) => {
  it('is small on the wire (it inflates to 200 MiB)', async () => {
    const bomb = await compressionBomb(encoding)
    expect(bomb.byteLength).toBeLessThan(256 * 1024)
  })

  it('is cut at the response limit on the send path, and memory stays bounded', async () => {
    const server = await bombServer(encoding)
    const sender = createRequestSender({
      tokenFor: async () => ok('unused'),
      monotonicNow: () => performance.now(),
      emitProgress: () => undefined,
      maxResponseBytes: 8 * mib,
    })
    const [result, growth] = await peakArrayBufferGrowth(() =>
      sender.send({
        requestId: `bomb-${encoding}`,
        origin: server.origin,
        endpoint: 'notes/local-timeline',
        body: '{}',
        auth: { mode: 'none', accountId: null },
      }),
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_TOO_LARGE', detail: { limitBytes: 8 * mib, encoding } },
    })
    if (!result.ok) {
      expect(result.error.message).toBe(
        `The response is larger than 8 MiB once decompressed (the server sent it ${encoding}-compressed); it was cut off.`,
      )
    }
    // 200 MiB inflated would show here; the limit plus the decoder's buffers does not.
    expect(growth).toBeLessThan(64 * mib)
  })

  it('is cut when it is the server’s /api.json', async () => {
    const server = await bombServer(encoding)
    const [result, growth] = await peakArrayBufferGrowth(() =>
      fetchServerSpec(server.origin, { fetch, timeoutMs: 15_000, maxBytes: 8 * mib }),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_MISSKEY' } })
    if (!result.ok) expect(result.error.message).toContain('over 8 MiB once decompressed')
    expect(growth).toBeLessThan(64 * mib)
  })

  it('is cut when it answers a token check or the OAuth metadata', async () => {
    const server = await bombServer(encoding)
    const [check, growth] = await peakArrayBufferGrowth(() =>
      verifyToken(fetch, server.origin, 'SomeToken0123456789'),
    )
    expect(check).toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_TOO_LARGE', detail: { limitBytes: mib } },
    })
    if (!check.ok) expect(check.error.message).toContain('/api/i')
    expect(growth).toBeLessThan(64 * mib)
    expect(await fetchOAuthMetadata(fetch, server.origin)).toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_TOO_LARGE', detail: { limitBytes: 256 * 1024 } },
    })
  })
})

function flowContext(openExternal: (url: string) => Promise<void>): FlowContext {
  return {
    signal: AbortSignal.timeout(15_000),
    fetch,
    accounts: noAccounts,
    openExternal,
    pollIntervalMs: 50,
    started: () => undefined,
  }
}

describe('sign-in answers', () => {
  it('a MiAuth check answered with a bomb fails the sign-in, saying why', async () => {
    const server = await bombServer('br')
    const result = await runMiAuth(
      { origin: server.origin, permissions: ['read:account'] },
      flowContext(async () => undefined),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'RESPONSE_TOO_LARGE' } })
    if (!result.ok) expect(result.error.message).toContain('The MiAuth check answer is larger')
  })

  it('an OAuth token endpoint answering with a bomb fails the sign-in, saying why', async () => {
    const bomb = await compressionBomb('gzip')
    const server = await startLocalServer((request, response) => {
      request.resume()
      if (request.url === '/.well-known/oauth-authorization-server') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            issuer: origin,
            authorization_endpoint: `${origin}/oauth/authorize`,
            token_endpoint: `${origin}/oauth/token`,
          }),
        )
        return
      }
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(bomb.byteLength),
      })
      response.end(bomb)
    })
    servers.push(server)
    const origin = server.origin
    const port = await closedPort()
    // The "browser": straight back to the app with a code and the state it was given.
    const browser = async (page: string) => {
      const state = new URL(page).searchParams.get('state') ?? ''
      await fetch(`http://127.0.0.1:${port}/callback?code=c0de&state=${state}&iss=${origin}`)
    }
    const result = await runOAuth(
      {
        origin,
        clientId: 'https://client.example/',
        redirectUri: `http://127.0.0.1:${port}/callback`,
        scopes: ['read:account'],
      },
      flowContext(browser),
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'RESPONSE_TOO_LARGE', detail: { limitBytes: 64 * 1024 } },
    })
    if (!result.ok) expect(result.error.message).toContain('The token endpoint’s answer')
  })
})
