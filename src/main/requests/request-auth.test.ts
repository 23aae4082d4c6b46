import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import type { AuthMode } from '../../shared/accounts.ts'
import { fail, ok } from '../../shared/result.ts'
import { createRequestSender } from './request-sender.ts'

let fake: FakeMisskey
let counter = 0

beforeAll(async () => {
  fake = await startFakeMisskey()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const sender = () =>
  createRequestSender({
    tokenFor: async (accountId, origin) =>
      accountId === 'alice' && origin === fake.origin
        ? ok(fake.users.alice.token)
        : fail('UNKNOWN_ACCOUNT', 'no such account'),
    monotonicNow: () => performance.now(),
    emitProgress: () => undefined,
  })

const send = (mode: AuthMode, body = '{}', accountId: string | null = 'alice', endpoint = 'i') =>
  sender().send({
    requestId: `auth-${++counter}`,
    origin: fake.origin,
    endpoint,
    body,
    auth: { mode, accountId },
  })

describe('how the token travels', () => {
  it('as `i` in the body: the server sees the token in the body and no header', async () => {
    const result = await send('body')
    expect(result).toMatchObject({
      ok: true,
      value: { status: 200, auth: { mode: 'body', accountId: 'alice' } },
    })
    const seen = fake.received.at(-1)
    expect(seen).toMatchObject({ token: fake.users.alice.token, tokenSource: 'body' })
    expect(seen?.headers.authorization).toBeUndefined()
  })

  it('as a Bearer header: the server sees the header and no `i`', async () => {
    expect(await send('header')).toMatchObject({ ok: true, value: { status: 200 } })
    const seen = fake.received.at(-1)
    expect(seen).toMatchObject({ token: fake.users.alice.token, tokenSource: 'header' })
    expect(seen?.headers.authorization).toBe(`Bearer ${fake.users.alice.token}`)
    expect(seen?.json).toEqual({})
  })

  it('not at all: neither, and the server asks for a credential', async () => {
    expect(await send('none', '{}', null)).toMatchObject({
      ok: true,
      value: { status: 401, problem: { kind: 'misskey', code: 'CREDENTIAL_REQUIRED' } },
    })
    const seen = fake.received.at(-1)
    expect(seen?.token).toBeNull()
    expect(seen?.headers.authorization).toBeUndefined()
  })

  it('in body mode the account’s token replaces an `i` the user typed; in header mode the typed one goes along', async () => {
    await send('body', '{"i":"typed-token"}')
    expect(fake.received.at(-1)?.json).toEqual({ i: fake.users.alice.token })
    await send('header', '{"i":"typed-token"}')
    // Misskey takes the header when both are present, so this still answers as alice.
    expect(fake.received.at(-1)).toMatchObject({
      json: { i: 'typed-token' },
      tokenSource: 'header',
    })
  })

  it('refuses an `i` that is not a string, which a real Misskey never answers', async () => {
    for (const body of ['{"i":123}', '{"i":true}', '{"i":["x"]}', '{"i":{}}']) {
      expect(await send('none', body, null)).toMatchObject({
        ok: false,
        error: { code: 'BODY_TOKEN_NOT_STRING' },
      })
    }
    expect(fake.received).toEqual([])
  })

  it('needs an account for body and header modes, and sends nothing without one', async () => {
    expect(await send('header', '{}', null)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACCOUNT' },
    })
    expect(await send('body', '{}', 'someone-else')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACCOUNT' },
    })
    expect(fake.received).toEqual([])
  })
})
