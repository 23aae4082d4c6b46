import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { startLocalServer, type LocalServer } from '../../../test-kit/support/local-server.ts'
import { ok } from '../../shared/result.ts'
import { createRequestSender } from './request-sender.ts'

// What fetch used to do for the send path and undici's dispatcher does not: decompress answers,
// and hand over the server's headers and reason phrase as they came. Servers behind nginx or a
// CDN compress JSON; the user must see the JSON, and the headers the server really sent.
const timeline = JSON.stringify(
  Array.from({ length: 40 }, (_, index) => ({ id: `9x${index}`, text: `note ${index} ✨` })),
)
const compressors = {
  gzip: gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
} as const

const servers: LocalServer[] = []
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

let seenAcceptEncoding: string | undefined
let seenUserAgent: string | undefined
async function serve(encoding: string | string[] | null, compressed: Buffer) {
  const server = await startLocalServer((request, response) => {
    seenAcceptEncoding = request.headers['accept-encoding']
    seenUserAgent = request.headers['user-agent']
    request.resume()
    request.on('end', () => {
      response.writeHead(200, 'Fine Thanks', [
        ['content-type', 'application/json; charset=utf-8'],
        ...[encoding ?? []].flat().map((coding) => ['content-encoding', coding]),
        ['content-length', String(compressed.byteLength)],
        ['x-ratelimit-remaining', '9'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['vary', 'Accept-Encoding'],
        ['vary', 'Origin'],
      ] as unknown as string[][])
      response.end(compressed)
    })
  })
  servers.push(server)
  return server
}

const sender = createRequestSender({
  tokenFor: async () => ok('unused'),
  monotonicNow: () => performance.now(),
  emitProgress: () => undefined,
})
const send = (origin: string) =>
  sender.send({
    requestId: crypto.randomUUID(),
    origin,
    endpoint: 'notes/local-timeline',
    body: '{}',
    auth: { mode: 'none', accountId: null },
  })

describe.each(Object.keys(compressors) as Array<keyof typeof compressors>)(
  'a %s-compressed answer',
  (encoding) => {
    it('is shown decompressed, with its decompressed size and its encoding header', async () => {
      const server = await serve(encoding, compressors[encoding](timeline))
      const result = await send(server.origin)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.value.body).toEqual({ kind: 'json', text: timeline })
      expect(result.value.sizeBytes).toBe(Buffer.byteLength(timeline))
      expect(result.value.headers).toContainEqual(['content-encoding', encoding])
    })
  },
)

describe('an answer as the server sent it', () => {
  it('keeps its reason phrase, its header order and each cookie; the request asks for compression and names the app', async () => {
    const server = await serve(null, Buffer.from(timeline))
    const result = await send(server.origin)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.statusText).toBe('Fine Thanks')
    const names = result.value.headers.map(([name]) => name)
    expect(names.indexOf('content-type')).toBeLessThan(names.indexOf('x-ratelimit-remaining'))
    expect(result.value.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    expect(result.value.headers).toContainEqual(['vary', 'Accept-Encoding, Origin'])
    expect(seenAcceptEncoding).toBe('gzip, deflate')
    expect(seenUserAgent).toBe('misskey-api-explorer')
  })

  it('takes deflate sent raw, without its zlib wrapper, as browsers do', async () => {
    const server = await serve('deflate', deflateRawSync(timeline))
    const result = await send(server.origin)
    expect(result.ok && result.value.body).toEqual({ kind: 'json', text: timeline })
  })

  it('takes Content-Encoding sent twice as one list of codings', async () => {
    const server = await serve(['gzip', 'br'], brotliCompressSync(gzipSync(timeline)))
    const result = await send(server.origin)
    expect(result.ok && result.value.body).toEqual({ kind: 'json', text: timeline })
  })

  it('reads a gzip body cut before its trailer as far as it goes, as browsers and curl do', async () => {
    const whole = gzipSync(timeline)
    const server = await serve('gzip', whole.subarray(0, whole.byteLength - 8))
    const result = await send(server.origin)
    expect(result.ok && result.value.body).toEqual({ kind: 'json', text: timeline })
  })

  it('leaves a chain of more than five codings as it came (fetch refuses to unwind one)', async () => {
    const server = await serve('gzip, gzip, gzip, gzip, gzip, gzip', Buffer.from(timeline))
    const result = await send(server.origin)
    expect(result.ok && result.value.body).toEqual({ kind: 'json', text: timeline })
  })

  it('an encoding it does not know is left as it came, as fetch leaves it', async () => {
    const server = await serve('zz-unknown', Buffer.from(timeline))
    const result = await send(server.origin)
    expect(result.ok && result.value.body).toEqual({ kind: 'json', text: timeline })
  })
})
