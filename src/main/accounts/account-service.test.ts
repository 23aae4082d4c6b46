import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { closedPort } from '../../../test-kit/support/local-server.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import type { SecretStore } from '../secrets/secret-store.ts'
import { createAccountService } from './account-service.ts'
import { createAccountStore } from './account-store.ts'

let fake: FakeMisskey
let folder: string
let secrets: SecretStore

const service = (store: SecretStore = secrets) =>
  createAccountService({
    fetch,
    secrets: store,
    store: createAccountStore(join(folder, 'accounts.json'), () => undefined),
    now: () => 1_790_000_000_000,
  })

const brokenKeychain: SecretStore = {
  get: async () => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
  },
  set: async () => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
  },
  delete: async () => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
  },
  list: async () => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
  },
}

async function filesUnder(directory: string): Promise<string> {
  const names = await readdir(directory, { recursive: true })
  const texts = await Promise.all(
    names.map((name) => readFile(join(directory, name), 'utf8').catch(() => '')),
  )
  return texts.join('\n')
}

beforeEach(async () => {
  fake = await startFakeMisskey()
  folder = await mkdtemp(join(tmpdir(), 'accounts-'))
  secrets = createMemorySecretStore()
})

afterEach(async () => {
  await fake.close()
  await rm(folder, { recursive: true, force: true })
})

describe('adding an account with a pasted token', () => {
  it('checks the token with POST /api/i and keeps it in the keychain only', async () => {
    const token = fake.users.alice.token
    const result = await service().addWithToken(fake.origin, token, '')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      origin: fake.origin,
      label: '@alice',
      user: { username: 'alice', id: fake.users.alice.id },
      source: 'pasted',
      tokenKind: 'native',
      permissions: null,
      tokenTail: token.slice(-4),
    })
    expect(await secrets.get(`account:${result.value.id}`)).toBe(token)
    expect(await filesUnder(folder)).not.toContain(token)
    expect(fake.received.at(-1)).toMatchObject({ path: '/api/i', token, tokenSource: 'header' })
    expect((await service().list()).ok && (await service().list())).toMatchObject({
      value: { activeByOrigin: { [fake.origin]: result.value.id } },
    })
  })

  it('refuses a token the server refuses, with the server’s reason, and saves nothing', async () => {
    const result = await service().addWithToken(fake.origin, 'NotAValidTokenAtAll0', 'x')
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'TOKEN_REFUSED',
        detail: { status: 401, serverCode: 'AUTHENTICATION_FAILED' },
      },
    })
    expect(await secrets.list()).toEqual([])
    expect((await service().list()).ok && (await service().list())).toMatchObject({
      value: { accounts: [] },
    })
  })

  it('refuses what is not a token before asking the server', async () => {
    expect(await service().addWithToken(fake.origin, 'two words', '')).toMatchObject({
      ok: false,
      error: { code: 'TOKEN_REFUSED', detail: { serverCode: 'MALFORMED' } },
    })
    expect(fake.received).toEqual([])
  })

  it('says when the server cannot be reached', async () => {
    const port = await closedPort()
    expect(
      await service().addWithToken(`http://127.0.0.1:${port}`, fake.users.alice.token, ''),
    ).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE' },
    })
  })

  it('saves nothing, not even elsewhere, when the keychain cannot be used', async () => {
    const result = await service(brokenKeychain).addWithToken(
      fake.origin,
      fake.users.alice.token,
      '',
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    if (!result.ok) expect(result.error.message).toContain('Cannot autolaunch D-Bus')
    expect(await filesUnder(folder)).not.toContain(fake.users.alice.token)
    expect((await service().list()).ok && (await service().list())).toMatchObject({
      value: { accounts: [] },
    })
  })

  it('keeps several tokens of the same user as separate, distinctly labelled entries', async () => {
    const accounts = service()
    const narrow = fake.createAppToken(fake.users.alice.id, ['read:account'])
    const first = await accounts.addWithToken(fake.origin, fake.users.alice.token, 'alice')
    const second = await accounts.addWithToken(fake.origin, narrow, 'alice')
    expect(first.ok && second.ok).toBe(true)
    if (!first.ok || !second.ok) return
    expect([first.value.label, second.value.label]).toEqual(['alice', 'alice (2)'])
    expect(second.value.tokenKind).toBe('app')
    expect(await accounts.tokenFor(second.value.id, fake.origin)).toEqual({
      ok: true,
      value: narrow,
    })
  })
})

describe('managing accounts', () => {
  it('renames, switches the active one and removes the keychain entry with the account', async () => {
    const accounts = service()
    const first = await accounts.addWithToken(fake.origin, fake.users.alice.token, '')
    const second = await accounts.addWithToken(fake.origin, fake.users.admin.token, '')
    if (!first.ok || !second.ok) throw new Error('setup failed')
    expect(await accounts.rename(first.value.id, '  Alice (full)  ')).toMatchObject({
      ok: true,
      value: { label: 'Alice (full)' },
    })
    expect(await accounts.setActive(fake.origin, second.value.id)).toMatchObject({
      ok: true,
      value: { activeByOrigin: { [fake.origin]: second.value.id } },
    })
    const removed = await accounts.remove(second.value.id)
    expect(removed).toMatchObject({ ok: true, value: { activeByOrigin: {} } })
    expect(await secrets.get(`account:${second.value.id}`)).toBeNull()
    expect(await accounts.remove(second.value.id)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACCOUNT' },
    })
  })

  it('never hands a token to another server', async () => {
    const accounts = service()
    const account = await accounts.addWithToken(fake.origin, fake.users.alice.token, '')
    if (!account.ok) throw new Error('setup failed')
    expect(await accounts.tokenFor(account.value.id, 'https://evil.example')).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_SERVER_MISMATCH', detail: { host: 'evil.example' } },
    })
    expect(await accounts.setActive('https://evil.example', account.value.id)).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_SERVER_MISMATCH' },
    })
  })
})
