import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { constants as zlib, createBrotliCompress, createDeflate, createGzip } from 'node:zlib'
import { buildFakeSpec } from '../fake-misskey/spec.ts'
import { startLocalServer, type LocalServer } from './local-server.ts'

/**
 * Servers that misbehave on purpose, for the fault matrix. Each serves a Misskey-shaped
 * /api.json (so the app can open it) and misbehaves on /api/*.
 */
export type Misbehaviour =
  | 'silent'
  | 'stall-after-headers'
  | 'reset-mid-body'
  | 'huge'
  | 'html'
  | 'invalid-json'
  | 'rate-limited'
  | 'internal-error'
  | `redirect-${301 | 302 | 307}`

export interface MisbehavingServer extends LocalServer {
  /** Requests that reached the redirect target, with the Authorization header they carried. */
  redirectTargetHits: Array<{ url: string; authorization: string | null }>
}

function serveSpec(
  request: IncomingMessage,
  response: ServerResponse,
  origin: () => string,
): boolean {
  if (request.url !== '/api.json') return false
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(buildFakeSpec(origin())))
  return true
}

export async function startMisbehavingServer(behaviour: Misbehaviour): Promise<MisbehavingServer> {
  const redirectTargetHits: MisbehavingServer['redirectTargetHits'] = []
  const target = await startLocalServer((request, response) => {
    redirectTargetHits.push({
      url: request.url ?? '',
      authorization: request.headers.authorization ?? null,
    })
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"stolen":true}')
  })
  let origin = ''
  const server = await startLocalServer((request, response) => {
    if (serveSpec(request, response, () => origin)) return
    request.resume()
    misbehave(behaviour, request, response, target.origin)
  })
  origin = server.origin
  return {
    origin: server.origin,
    redirectTargetHits,
    close: async () => {
      await server.close()
      await target.close()
    },
  }
}

function misbehave(
  behaviour: Misbehaviour,
  request: IncomingMessage,
  response: ServerResponse,
  elsewhere: string,
) {
  switch (behaviour) {
    case 'silent':
      return // accepts, never answers
    case 'stall-after-headers':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      response.flushHeaders()
      return
    case 'reset-mid-body':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' })
      response.write('[{"id":"au22p4a1hj5z0004","text":"cut')
      setTimeout(() => response.socket?.destroy(), 50)
      return
    case 'huge': {
      response.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      const pump = () => {
        while (sent < 400 && response.write(chunk)) sent++
        if (sent < 400) response.once('drain', pump)
        else response.end()
      }
      response.write('[')
      pump()
      return
    }
    case 'html':
      response
        .writeHead(502, { 'content-type': 'text/html' })
        .end('<html><body><h1>502 Bad Gateway</h1>nginx</body></html>')
      return
    case 'invalid-json':
      response
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end('{"version":"2025.5.0",')
      return
    case 'rate-limited':
      response.writeHead(429, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': '3600',
      })
      response.end(
        JSON.stringify({
          error: {
            message: 'Rate limit exceeded. Please try again later.',
            code: 'RATE_LIMIT_EXCEEDED',
            id: 'd5826d14-3982-4d2e-8011-b9e9f02499ef',
            kind: 'client',
            info: { remaining: 0, reset: 1795758993, resetMs: 1795758993401, total: 10 },
          },
        }),
      )
      return
    case 'internal-error':
      response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      response.end(
        JSON.stringify({
          error: {
            message: 'Internal error occurred. Please contact us if the error persists.',
            code: 'INTERNAL_ERROR',
            id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac',
            kind: 'server',
            info: {
              e: { message: 'boom', code: 'Error', id: '0a7f0c5e-1f2b-4c4e-9d8e-3b1e7a4c2d10' },
            },
          },
        }),
      )
      return
    default: {
      const status = Number(behaviour.slice('redirect-'.length))
      response.writeHead(status, { location: `${elsewhere}${request.url ?? '/'}` }).end()
    }
  }
}

/** An https server on 127.0.0.1 whose certificate is self-signed. */
export async function startSelfSignedServer(): Promise<LocalServer> {
  const folder = join(import.meta.dirname, 'tls')
  const server = createHttpsServer(
    {
      key: readFileSync(join(folder, 'self-signed.key')),
      cert: readFileSync(join(folder, 'self-signed.crt')),
    },
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    },
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type BombEncoding = 'br' | 'gzip' | 'deflate'

/** How much a compression bomb inflates to. */
export const bombDecodedBytes = 200 * 1024 * 1024

const bombs = new Map<BombEncoding, Promise<Buffer>>()

/** 200 MiB of spaces, compressed (br: ~150 bytes; gzip/deflate: ~200 KiB), made once per run. */
export function compressionBomb(encoding: BombEncoding): Promise<Buffer> {
  let bomb = bombs.get(encoding)
  if (!bomb) {
    bomb = compress(encoding)
    bombs.set(encoding, bomb)
  }
  return bomb
}

async function compress(encoding: BombEncoding): Promise<Buffer> {
  // Compressed as a stream of 1 MiB chunks so that making the bomb never holds 200 MiB.
  const chunk = Buffer.alloc(1024 * 1024, 0x20)
  const source = Readable.from(
    (function* () {
      for (let sent = 0; sent < bombDecodedBytes; sent += chunk.byteLength) yield chunk
    })(),
  )
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({
          params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_LGWIN]: 24 },
        })
      : encoding === 'gzip'
        ? createGzip({ level: 9 })
        : createDeflate({ level: 9 })
  const parts: Buffer[] = []
  compressor.on('data', (part: Buffer) => parts.push(part))
  await pipeline(source, compressor)
  return Buffer.concat(parts)
}

/**
 * A server whose every answer (/api.json, /api/*, OAuth metadata, token and MiAuth answers) is a
 * compression bomb: a small body, declared with its small Content-Length, that inflates to
 * 200 MiB of JSON-ish whitespace. `hits` counts the requests it answered.
 */
export async function startCompressionBombServer(
  encoding: BombEncoding,
): Promise<LocalServer & { hits: string[] }> {
  const bomb = await compressionBomb(encoding)
  const hits: string[] = []
  const server = await startLocalServer((request, response) => {
    hits.push(request.url ?? '/')
    request.resume()
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': encoding,
      'content-length': String(bomb.byteLength),
    })
    response.end(bomb)
  })
  return { ...server, hits }
}
