import type { IncomingHttpHeaders } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { startLocalServer, type LocalServer } from '../../../test-kit/support/local-server.ts'
import { fetchImage, maxImageBytes } from './image-fetcher.ts'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

interface Seen {
  path: string
  headers: IncomingHttpHeaders
}

/** A host that records what reached it and answers each path as `routes` says. */
async function host(
  routes: Record<
    string,
    (seen: Seen) => { status?: number; headers?: Record<string, string>; body?: Buffer }
  >,
) {
  const seen: Seen[] = []
  const server = await startLocalServer((request, response) => {
    const entry = { path: request.url ?? '', headers: request.headers }
    seen.push(entry)
    const route = routes[entry.path]
    const answer = route ? route(entry) : { status: 404 }
    response.writeHead(answer.status ?? 200, answer.headers ?? {})
    response.end(answer.body)
  })
  servers.push(server)
  return { origin: server.origin, seen }
}

const allowOnly =
  (origin: string) =>
  (url: URL): 'allowed' | 'hidden' =>
    url.origin === origin ? 'allowed' : 'hidden'

describe('fetchImage', () => {
  it('hands over an allowed image without a cookie, a token or a referrer reaching the host', async () => {
    const server = await host({
      '/avatar.png': () => ({ headers: { 'content-type': 'image/png' }, body: png }),
    })
    const answer = await fetchImage(`${server.origin}/avatar.png`, {
      fetch,
      hostVerdict: allowOnly(server.origin),
    })
    expect(answer).toEqual({ kind: 'image', contentType: 'image/png', bytes: new Uint8Array(png) })
    const headers = server.seen[0]!.headers
    expect(headers.cookie).toBeUndefined()
    expect(headers.authorization).toBeUndefined()
    expect(headers.referer).toBeUndefined()
  })

  it('refuses an answer that is not an image, even one the server calls a PNG file', async () => {
    const server = await host({
      '/avatar.png': () => ({
        headers: { 'content-type': 'text/html' },
        body: Buffer.from('<script>'),
      }),
    })
    const answer = await fetchImage(`${server.origin}/avatar.png`, {
      fetch,
      hostVerdict: allowOnly(server.origin),
    })
    expect(answer).toEqual({ kind: 'refused', reason: 'not-an-image' })
  })

  it('cuts an image off past the limit, counting the bytes once decompressed', async () => {
    const bomb = gzipSync(Buffer.alloc(maxImageBytes + 1024 * 1024))
    expect(bomb.length).toBeLessThan(64 * 1024)
    const server = await host({
      '/bomb.png': () => ({
        headers: { 'content-type': 'image/png', 'content-encoding': 'gzip' },
        body: bomb,
      }),
      '/big.png': () => ({
        headers: { 'content-type': 'image/png' },
        body: Buffer.alloc(maxImageBytes + 1),
      }),
    })
    const dependencies = { fetch, hostVerdict: allowOnly(server.origin) }
    expect(await fetchImage(`${server.origin}/bomb.png`, dependencies)).toEqual({
      kind: 'refused',
      reason: 'too-large',
    })
    expect(await fetchImage(`${server.origin}/big.png`, dependencies)).toEqual({
      kind: 'refused',
      reason: 'too-large',
    })
  })

  it('does not follow a redirect to a host the user has not allowed, and never asks that host', async () => {
    const elsewhere = await host({
      '/tracker.png': () => ({ headers: { 'content-type': 'image/png' }, body: png }),
    })
    const server = await host({
      '/avatar.png': () => ({
        status: 302,
        headers: { location: `${elsewhere.origin}/tracker.png` },
      }),
      '/moved.png': () => ({ status: 301, headers: { location: '/avatar-new.png' } }),
      '/avatar-new.png': () => ({ headers: { 'content-type': 'image/webp' }, body: png }),
    })
    const dependencies = { fetch, hostVerdict: allowOnly(server.origin) }
    expect(await fetchImage(`${server.origin}/avatar.png`, dependencies)).toEqual({
      kind: 'refused',
      reason: 'redirected-elsewhere',
    })
    expect(elsewhere.seen).toEqual([])
    // A redirect on the same host is followed.
    expect(await fetchImage(`${server.origin}/moved.png`, dependencies)).toMatchObject({
      kind: 'image',
      contentType: 'image/webp',
    })
  })

  it('names the host of an image it may not load yet, without asking it', async () => {
    const elsewhere = await host({})
    const answer = await fetchImage(`${elsewhere.origin}/a.png`, {
      fetch,
      hostVerdict: () => 'hidden',
    })
    expect(answer).toEqual({ kind: 'host-hidden', host: new URL(elsewhere.origin).host })
    expect(elsewhere.seen).toEqual([])
  })

  it('refuses anything but http(s), and unreachable hosts, as answers rather than errors', async () => {
    const dependencies = { fetch, hostVerdict: () => 'allowed' as const }
    for (const address of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(await fetchImage(address, dependencies)).toEqual({
        kind: 'refused',
        reason: 'not-http',
      })
    }
    const server = await host({})
    const gone = server.origin
    await servers.pop()!.close()
    expect(await fetchImage(`${gone}/a.png`, dependencies)).toEqual({
      kind: 'refused',
      reason: 'unreachable',
    })
  })
})
