// Meta endpoints, injected failures and MiAuth, against observed Misskey 2025.5.0 values.
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

describe('meta endpoints', () => {
  it('describes the instance like a real MetaDetailed', async () => {
    const a = await post(fake, 'meta', {})
    expect(a.json).toMatchObject({
      version: '2025.5.0-fake',
      uri: fake.origin,
      maxNoteTextLength: 3000,
      maxFileSize: 262144000,
      requireSetup: false,
      features: { miauth: true },
    })
    expect(Object.keys((await post(fake, 'meta', { detail: false })).json as object)).not.toContain(
      'features',
    )
  })

  it('lists endpoints, describes one, and answers 204 for an unknown one', async () => {
    const names = (await post(fake, 'endpoints', {})).json as string[]
    expect(names).toContain('notes/create')
    expect(names).toEqual([...names].sort())
    const described = await post(fake, 'endpoint', { endpoint: 'notes/create' })
    expect((described.json as { params: unknown[] }).params.slice(0, 3)).toEqual([
      { name: 'visibility', type: 'String' },
      { name: 'visibleUserIds', type: 'Array' },
      { name: 'cw', type: 'String' },
    ])
    const unknown = await post(fake, 'endpoint', { endpoint: 'no/such' })
    expect(unknown.status).toBe(204)
    expect(unknown.text).toBe('')
  })

  it('publishes nodeinfo as software misskey', async () => {
    const links = await fetch(`${fake.origin}/.well-known/nodeinfo`).then(answer)
    expect(links.json).toEqual({
      links: [
        {
          rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1',
          href: `${fake.origin}/nodeinfo/2.1`,
        },
        {
          rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0',
          href: `${fake.origin}/nodeinfo/2.0`,
        },
      ],
    })
    const info = await fetch(`${fake.origin}/nodeinfo/2.1`).then(answer)
    expect(info.json).toMatchObject({
      version: '2.1',
      software: { name: 'misskey', version: '2025.5.0-fake' },
    })
  })
})

describe('failNext', () => {
  it('answers 500 INTERNAL_ERROR with a fresh incident id, once', async () => {
    fake.failNext('meta', 'internal-error')
    const a = await post(fake, 'meta', {})
    expect(a.status).toBe(500)
    expect(a.headers.get('www-authenticate')).toBeNull()
    const error = misskeyError(a)
    expect(error).toMatchObject({
      message: 'Internal error occurred. Please contact us if the error persists.',
      code: 'INTERNAL_ERROR',
      id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac',
      kind: 'server',
    })
    expect((error.info as { e: { id: string } }).e.id).toMatch(/^[0-9a-f-]{36}$/)
    expect((await post(fake, 'meta', {})).status).toBe(200)
  })

  it('can hang a call; close() still returns', async () => {
    fake.failNext('ping', 'hang')
    await expect(
      fetch(`${fake.origin}/api/ping`, { method: 'POST', signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow()
    expect(() => fake.failNext('no/such', 'hang')).toThrow(/no endpoint/)
  })
})

describe('close', () => {
  it('ends hanging requests and may be called twice', async () => {
    const other = await startFakeMisskey()
    other.failNext('meta', 'hang')
    const hanging = fetch(`${other.origin}/api/meta`, { method: 'POST' }).catch(
      (err: unknown) => err,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    await Promise.all([other.close(), other.close()])
    expect(await hanging).toBeInstanceOf(Error)
    await expect(fetch(`${other.origin}/api/meta`, { method: 'POST' })).rejects.toThrow()
  })
})

describe('MiAuth', () => {
  it('hands a generated token out exactly once through the check route', async () => {
    const session = crypto.randomUUID()
    const check = () =>
      fetch(`${fake.origin}/api/miauth/${session}/check`, { method: 'POST' }).then(answer)
    expect((await check()).json).toEqual({ ok: false })
    const generated = await post(
      fake,
      'miauth/gen-token',
      { session, name: 'ProbeApp', permission: ['read:account', 'write:notes'] },
      bearer(admin),
    )
    const { token } = generated.json as { token: string }
    expect(token).toMatch(/^[0-9a-zA-Z]{32}$/)
    const first = await check()
    expect(first.json).toMatchObject({
      ok: true,
      token,
      user: { id: fake.users.admin.id, memo: null },
    })
    expect((await check()).json).toEqual({ ok: false })
    const viaGet = await fetch(`${fake.origin}/api/miauth/${session}/check`).then(answer)
    expect(misskeyError(viaGet)).toMatchObject({ code: 'UNKNOWN_API_ENDPOINT' })
    expect((await post(fake, 'notes/create', { text: 'via miauth' }, bearer(token))).status).toBe(
      200,
    )
  })
})
