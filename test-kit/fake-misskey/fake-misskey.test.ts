// Transport-level behaviour of the fake, checked against what a real Misskey 2025.5.0 sent
// (/work/shared/fixtures/misskey/observed.md and wire/*.txt; the values are inlined here).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from './server.ts'
import { answer, bearer, misskeyError, post } from './test-helpers.ts'

let fake: FakeMisskey
let admin: string

beforeAll(async () => {
  fake = await startFakeMisskey()
  admin = fake.users.admin.token
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const API_HEADERS = {
  'access-control-allow-origin': '*',
  'cache-control': 'private, max-age=0, must-revalidate',
}
const INVALID_PARAM_ID = '3d81ceae-475f-4600-b2a8-2bc116157532'
const AUTH_FAILED = {
  message: 'Authentication failed. Please ensure your token is correct.',
  code: 'AUTHENTICATION_FAILED',
  id: 'b0a7f5f8-dc2f-4171-b91f-de88ad238e14',
  kind: 'client',
}
const AUTH_FAILED_CHALLENGE =
  'Bearer realm="Misskey", error="invalid_token", error_description="Authentication failed. Please ensure your token is correct."'
const CREDENTIAL_REQUIRED = {
  message: 'Credential required.',
  code: 'CREDENTIAL_REQUIRED',
  id: '1384574d-a912-4b81-8601-c7b1c4085df1',
  kind: 'client',
}

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${fake.origin}${path}`, init).then(answer)

describe('users and tokens', () => {
  it('starts with an admin and alice, aidx ids and 16-character native tokens', () => {
    for (const user of [fake.users.admin, fake.users.alice]) {
      expect(user.id).toMatch(/^[0-9a-z]{16}$/)
      expect(user.token).toMatch(/^[0-9a-zA-Z]{16}$/)
    }
    expect(fake.users.admin.username).toBe('admin')
    expect(fake.users.alice.username).toBe('alice')
    expect(fake.createAppToken(fake.users.alice.id, [])).toMatch(/^[0-9a-zA-Z]{32}$/)
  })
})

describe('/api.json', () => {
  it('is served with public caching and without any CORS header, even when asked', async () => {
    const a = await raw('/api.json', { headers: { origin: 'http://elsewhere.example' } })
    expect(a.status).toBe(200)
    expect(a.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(a.headers.get('cache-control')).toBe('public, max-age=600')
    expect(a.headers.get('access-control-allow-origin')).toBeNull()
    expect(a.json).toEqual(fake.spec)
    expect(fake.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api.json'])
  })
})

describe('routing', () => {
  it('answers a CORS preflight with 204 and echoes the requested headers', async () => {
    const a = await raw('/api/i', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    })
    expect(a.status).toBe(204)
    expect(a.headers.get('access-control-allow-origin')).toBe('*')
    expect(a.headers.get('access-control-allow-methods')).toBe('GET,HEAD,PUT,PATCH,POST,DELETE')
    expect(a.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
    expect(a.headers.get('vary')).toBe('Access-Control-Request-Headers')
    expect(a.headers.get('content-length')).toBe('0')
    expect(a.headers.get('cache-control')).toBeNull()
    expect(a.text).toBe('')
  })

  it('refuses GET on a POST-only endpoint with an empty 405', async () => {
    for (const name of ['i', 'meta']) {
      const a = await raw(`/api/${name}`)
      expect(a.status).toBe(405)
      expect(a.text).toBe('')
      expect(a.headers.get('content-length')).toBe('0')
      expect(a.headers.get('access-control-allow-origin')).toBe('*')
    }
  })

  it('answers GET on an allowGet endpoint, publicly cached only without a token', async () => {
    const anonymous = await raw('/api/emojis')
    expect(anonymous.status).toBe(200)
    expect(anonymous.json).toEqual({ emojis: [] })
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=3600')
    const signedIn = await raw(`/api/emojis?i=${admin}`)
    expect(signedIn.headers.get('cache-control')).toBe(API_HEADERS['cache-control'])
    expect(fake.received.at(-1)).toMatchObject({ token: admin, tokenSource: 'query' })
  })

  it('gives an unknown POST endpoint Fastify’s 404, with no CORS or cache header', async () => {
    const a = await post(fake, 'does/not/exist', {})
    expect(a.status).toBe(404)
    expect(a.json).toEqual({
      message: 'Route POST:/api/does/not/exist not found',
      error: 'Not Found',
      statusCode: 404,
    })
    expect(a.headers.get('access-control-allow-origin')).toBeNull()
    expect(a.headers.get('cache-control')).toBeNull()
  })

  it('gives an unknown GET endpoint the Misskey UNKNOWN_API_ENDPOINT envelope', async () => {
    const a = await raw('/api/does/not/exist')
    expect(a.status).toBe(404)
    expect(a.headers.get('access-control-allow-origin')).toBe('*')
    expect(a.json).toEqual({
      error: {
        message: 'Unknown API endpoint.',
        code: 'UNKNOWN_API_ENDPOINT',
        id: '2ca3b769-540a-4f08-9dd5-b5a825b6d0f1',
        kind: 'client',
      },
    })
  })
})

describe('body parsing', () => {
  it('rejects a missing body as INVALID_PARAM #/type, even where the spec has no requestBody', async () => {
    const a = await post(fake, 'i', undefined, bearer(admin))
    expect(a.status).toBe(400)
    expect(a.headers.get('www-authenticate')).toBe(
      'Bearer realm="Misskey", error="invalid_request", error_description="Invalid param."',
    )
    expect(misskeyError(a)).toEqual({
      message: 'Invalid param.',
      code: 'INVALID_PARAM',
      id: INVALID_PARAM_ID,
      kind: 'client',
      info: { param: '#/type', reason: 'must be object' },
    })
  })

  it('rejects an empty JSON body in Fastify’s shape', async () => {
    const a = await raw('/api/i', {
      method: 'POST',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
    })
    expect(a.status).toBe(400)
    expect(a.headers.get('www-authenticate')).toBeNull()
    expect(a.json).toEqual({
      statusCode: 400,
      code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
      error: 'Bad Request',
      message: "Body cannot be empty when content-type is set to 'application/json'",
    })
  })

  it('rejects malformed JSON with V8’s message and no code', async () => {
    const a = await raw('/api/meta', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"detail":false "x":1}',
    })
    expect(a.status).toBe(400)
    expect(a.json).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Expected ',' or '}' after property value in JSON at position 16",
    })
  })

  it('rejects form-urlencoded with 415', async () => {
    const a = await raw('/api/meta', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'detail=false',
    })
    expect(a.status).toBe(415)
    expect(a.json).toEqual({
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      error: 'Unsupported Media Type',
      message: 'Unsupported Media Type: application/x-www-form-urlencoded',
    })
  })

  it('does not read a token out of a text/plain body', async () => {
    const a = await raw('/api/i', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ i: admin }),
    })
    expect(a.status).toBe(401)
    expect(misskeyError(a)).toEqual(CREDENTIAL_REQUIRED)
  })

  it('rejects a body over 1 MiB with 413 and closes the connection', async () => {
    const a = await post(fake, 'meta', { padding: 'x'.repeat(1024 * 1024) })
    expect(a.status).toBe(413)
    expect(a.headers.get('connection')).toBe('close')
    expect(a.json).toEqual({
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      error: 'Payload Too Large',
      message: 'Request body is too large',
    })
  })

  it('ignores unknown extra params', async () => {
    const a = await post(fake, 'notes/create', { text: 'x', unknownParam: 1 }, bearer(admin))
    expect(a.status).toBe(200)
  })
})

describe('token transport', () => {
  it('takes the Bearer header over a bad body token, and records where it came from', async () => {
    const a = await post(fake, 'i', { i: 'bad' }, bearer(admin))
    expect(a.status).toBe(200)
    expect(a.json).toMatchObject({ id: fake.users.admin.id, username: 'admin', isAdmin: true })
    expect(fake.received.at(-1)).toMatchObject({ token: admin, tokenSource: 'header' })
  })

  it('fails a bad Bearer header even when the body token is good', async () => {
    const a = await post(fake, 'i', { i: admin }, bearer('x'.repeat(16)))
    expect(a.status).toBe(401)
    expect(a.headers.get('www-authenticate')).toBe(AUTH_FAILED_CHALLENGE)
    expect(misskeyError(a)).toEqual(AUTH_FAILED)
  })

  it('accepts the token as `i` in the JSON body', async () => {
    const a = await post(fake, 'i', { i: fake.users.alice.token })
    expect(a.json).toMatchObject({ username: 'alice', isAdmin: false })
    expect(fake.received.at(-1)).toMatchObject({
      tokenSource: 'body',
      json: { i: fake.users.alice.token },
    })
  })

  it('treats `bearer x` and a bare token as no token at all', async () => {
    for (const authorization of [`bearer ${admin}`, admin]) {
      const a = await post(fake, 'i', {}, { authorization })
      expect(a.status).toBe(401)
      expect(a.headers.get('www-authenticate')).toBe('Bearer realm="Misskey"')
      expect(misskeyError(a)).toEqual(CREDENTIAL_REQUIRED)
    }
  })

  it('fails an unknown token even on a public endpoint', async () => {
    const a = await post(fake, 'meta', { i: 'nope' })
    expect(a.status).toBe(401)
    expect(misskeyError(a)).toEqual(AUTH_FAILED)
  })

  it('never answers when `i` is not a string (a real server bug)', async () => {
    const started = Date.now()
    await expect(
      fetch(`${fake.origin}/api/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"i":123}',
        signal: AbortSignal.timeout(500),
      }),
    ).rejects.toThrow(/aborted|timeout/i)
    expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    expect(fake.received.at(-1)).toMatchObject({ path: '/api/meta', bodyText: '{"i":123}' })
  })

  it('sends the observed headers on success, and no rate-limit headers', async () => {
    const a = await post(fake, 'meta', {})
    expect(Object.fromEntries(a.headers)).toMatchObject({
      ...API_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'keep-alive': 'timeout=72',
    })
    expect([...a.headers.keys()].filter((name) => /ratelimit|retry/i.test(name))).toEqual([])
  })
})
