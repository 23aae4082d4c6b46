import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import {
  closedPort,
  startLocalServer,
  type LocalServer,
} from '../../../test-kit/support/local-server.ts'
import { createCatalogService, type CatalogServiceDependencies } from './catalog-service.ts'
import { createSpecCache } from './spec-cache.ts'

let fake: FakeMisskey
let folder: string
const logged: string[] = []
const local: LocalServer[] = []

const service = (overrides: Partial<CatalogServiceDependencies> = {}) =>
  createCatalogService({
    fetch,
    cache: createSpecCache(join(folder, 'spec-cache')),
    now: () => 1_790_000_000_000,
    log: (message) => logged.push(message),
    ...overrides,
  })

beforeEach(async () => {
  fake = await startFakeMisskey()
  folder = await mkdtemp(join(tmpdir(), 'catalog-service-'))
  logged.length = 0
})

afterEach(async () => {
  await fake.close()
  await Promise.all(local.splice(0).map((server) => server.close()))
  await rm(folder, { recursive: true, force: true })
})

async function serve(handler: Parameters<typeof startLocalServer>[0]) {
  const server = await startLocalServer(handler)
  local.push(server)
  return server
}

describe('catalog service against the fake Misskey', () => {
  it('opens a server by the address a user types and lists every endpoint of its spec', async () => {
    const result = await service().open(`  ${fake.origin}/  `)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const paths = Object.keys((fake.spec as { paths: object }).paths)
    expect(result.value).toMatchObject({
      origin: fake.origin,
      source: 'network',
      namesOnly: false,
      notice: null,
    })
    expect(result.value.serverVersion).toBe('2025.5.0-fake')
    expect(result.value.endpoints.map((endpoint) => `/${endpoint.name}`).sort()).toEqual(
      paths.sort(),
    )
    expect(fake.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api.json',
    ])
  })

  it('hands out self-contained request schemas once the catalog is open', async () => {
    const catalog = service()
    expect((await catalog.getRequestSchema(fake.origin, 'notes/show')).ok).toBe(false)
    await catalog.open(fake.origin)
    const schema = await catalog.getRequestSchema(fake.origin, 'notes/show')
    expect(schema).toMatchObject({
      ok: true,
      value: {
        endpoint: 'notes/show',
        contentType: 'application/json',
        schema: { required: ['noteId'] },
      },
    })
    expect(await catalog.getRequestSchema(fake.origin, 'no/such')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ENDPOINT' },
    })
    const upload = await catalog.getRequestSchema(fake.origin, 'drive/files/create')
    expect(upload.ok && upload.value.contentType).toBe('multipart/form-data')
  })

  it('opens from the cache, saying so, when the server cannot be reached later', async () => {
    await service().open(fake.origin)
    await fake.close()
    const later = service({ now: () => 0 })
    const result = await later.open(fake.origin)
    expect(result).toMatchObject({
      ok: true,
      value: {
        source: 'cache',
        fetchedAt: 1_790_000_000_000,
        notice: { code: 'OFFLINE_FROM_CACHE' },
      },
    })
    expect((await later.getRequestSchema(fake.origin, 'notes/show')).ok).toBe(true)
  })

  it('still opens when the cache cannot be written, and logs why', async () => {
    const blocked = join(folder, 'a-file')
    await writeFile(blocked, 'not a folder')
    const result = await service({ cache: createSpecCache(blocked) }).open(fake.origin)
    expect(result.ok).toBe(true)
    expect(logged.join('\n')).toMatch(/could not cache the spec/)
  })
})

describe('catalog service on servers that are not (quite) Misskey', () => {
  it('refuses an address that is not http(s)', async () => {
    expect(await service().open('ftp://misskey.example')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_SERVER_ADDRESS', detail: { reason: 'scheme' } },
    })
  })

  it('names a refused connection when there is no cache to fall back on', async () => {
    const port = await closedPort()
    expect(await service().open(`http://127.0.0.1:${port}`)).toMatchObject({
      ok: false,
      error: {
        code: 'SERVER_UNREACHABLE',
        detail: { reason: 'refused', host: `127.0.0.1:${port}` },
      },
    })
  })

  it('gives up on a server that never answers after the timeout', async () => {
    // Behaviour, not a stopwatch: the answer is TIMEOUT and main hangs up on the silent server
    // (a request left open would be a leak the user never sees end).
    const hungUp: Promise<void>[] = []
    const silent = await serve((request) => {
      hungUp.push(new Promise((resolve) => request.socket.once('close', () => resolve())))
    })
    expect(await service({ timeoutMs: 300 }).open(silent.origin)).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT' },
    })
    expect(hungUp.length).toBeGreaterThan(0)
    await Promise.all(hungUp)
  })

  it('says a host serving HTML is not Misskey, with what both probes saw', async () => {
    const html = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>hello')
    })
    const result = await service().open(html.origin)
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_MISSKEY' } })
    if (!result.ok) {
      expect(result.error.detail?.specProblem).toMatch(
        /^\/api\.json is not valid JSON \(text\/html\)/,
      )
      expect(result.error.detail?.endpointsProblem).toBe('/api/endpoints answered 200 text/html')
    }
  })

  it('lists names only when /api.json is broken but /api/endpoints answers', async () => {
    const broken = await serve((request, response) => {
      if (request.url === '/api.json') response.writeHead(404).end()
      else
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('["notes/create","meta","meta"]')
    })
    const result = await service().open(broken.origin)
    expect(result).toMatchObject({
      ok: true,
      value: {
        namesOnly: true,
        notice: { code: 'NAMES_ONLY', reason: '/api.json answered 404 Not Found' },
      },
    })
    if (result.ok)
      expect(result.value.endpoints.map((endpoint) => endpoint.name)).toEqual([
        'meta',
        'notes/create',
      ])
  })

  it('treats JSON that is not an OpenAPI document as no spec', async () => {
    const odd = await serve((request, response) => {
      response.writeHead(request.url === '/api.json' ? 200 : 404, {
        'content-type': 'application/json',
      })
      response.end(request.url === '/api.json' ? '{"hello":"world"}' : '{}')
    })
    const result = await service().open(odd.origin)
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_MISSKEY' } })
    if (!result.ok)
      expect(result.error.detail?.specProblem).toBe('/api.json is JSON but not an OpenAPI document')
  })
})
