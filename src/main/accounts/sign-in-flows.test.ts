import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SignInProgress } from '../../shared/accounts.ts'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { approveMiAuth, approveOAuth } from '../../../test-kit/support/fake-browser.ts'
import { closedPort } from '../../../test-kit/support/local-server.ts'
import { serveOAuthClientPage } from '../../../test-kit/support/oauth-client-page.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import { createAccountService, type AccountService } from './account-service.ts'
import { createAccountStore } from './account-store.ts'
import { createSignInFlows, type SignInDependencies } from './sign-in-flows.ts'

let fake: FakeMisskey
let accounts: AccountService
const progress: SignInProgress[] = []
const opened: string[] = []
const cleanups: Array<() => Promise<void>> = []

async function flows(overrides: Partial<SignInDependencies> = {}) {
  return createSignInFlows({
    fetch,
    accounts,
    openExternal: async (url) => void opened.push(url),
    emit: (event) => progress.push(event),
    pollIntervalMs: 50,
    ...overrides,
  })
}

const finished = async (flowId: string) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const last = progress.filter((event) => event.flowId === flowId).at(-1)
    if (last && last.status !== 'waiting') return last
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the sign-in did not finish')
}

beforeEach(async () => {
  fake = await startFakeMisskey()
  const folder = await mkdtemp(join(tmpdir(), 'sign-in-'))
  cleanups.push(() => rm(folder, { recursive: true, force: true }))
  accounts = createAccountService({
    fetch,
    secrets: createMemorySecretStore(),
    store: createAccountStore(join(folder, 'accounts.json'), () => undefined),
    now: Date.now,
  })
  progress.length = 0
  opened.length = 0
})

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
  await fake.close()
})

describe('MiAuth', () => {
  it('opens the server’s MiAuth page and completes when the browser comes back', async () => {
    const signIn = await flows()
    const started = await signIn.startMiAuth({
      origin: fake.origin,
      permissions: ['read:account', 'write:notes'],
    })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    const page = new URL(started.value.url)
    expect(opened).toEqual([started.value.url])
    expect(page.pathname).toMatch(/^\/miauth\/[0-9a-f-]{36}$/)
    expect(page.searchParams.get('permission')).toBe('read:account,write:notes')
    expect(page.searchParams.get('callback')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/miauth-callback$/,
    )

    await approveMiAuth(started.value.url, fake.users.alice.token)
    const done = await finished(started.value.flowId)
    expect(done).toMatchObject({
      status: 'completed',
      account: {
        source: 'miauth',
        tokenKind: 'app',
        permissions: ['read:account', 'write:notes'],
        user: { username: 'alice' },
      },
    })
    if (done.status !== 'completed') return
    const token = await accounts.tokenFor(done.account.id, fake.origin)
    // The token can do what was granted and nothing else.
    const post = (endpoint: string) =>
      fetch(`${fake.origin}/api/${endpoint}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token.ok ? token.value : ''}`,
        },
        body: endpoint === 'notes/create' ? '{"text":"hi"}' : '{}',
      })
    expect((await post('notes/create')).status).toBe(200)
    expect((await post('drive/files')).status).toBe(403)
  })

  it('completes by polling when the browser never comes back to the app', async () => {
    const signIn = await flows()
    const started = await signIn.startMiAuth({ origin: fake.origin, permissions: ['read:account'] })
    if (!started.ok) throw new Error(started.error.message)
    const withoutCallback = new URL(started.value.url)
    withoutCallback.searchParams.delete('callback')
    await approveMiAuth(withoutCallback.toString(), fake.users.alice.token)
    expect(await finished(started.value.flowId)).toMatchObject({ status: 'completed' })
  })

  it('can be cancelled, and times out with a clear message', async () => {
    const signIn = await flows({ timeoutMs: 300 })
    const cancelled = await signIn.startMiAuth({
      origin: fake.origin,
      permissions: ['read:account'],
    })
    const timedOut = await signIn.startMiAuth({
      origin: fake.origin,
      permissions: ['read:account'],
    })
    if (!cancelled.ok || !timedOut.ok) throw new Error('start failed')
    expect(signIn.cancel(cancelled.value.flowId)).toBe(true)
    expect(await finished(cancelled.value.flowId)).toEqual({
      flowId: cancelled.value.flowId,
      status: 'cancelled',
    })
    expect(await finished(timedOut.value.flowId)).toMatchObject({
      status: 'failed',
      code: 'TIMEOUT',
    })
    expect((await accounts.list()).ok && (await accounts.list())).toMatchObject({
      value: { accounts: [] },
    })
  })

  it('refuses to start without a permission or without a reachable server', async () => {
    const signIn = await flows()
    expect(await signIn.startMiAuth({ origin: fake.origin, permissions: [] })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_FAILED' },
    })
    const port = await closedPort()
    const unreachable = await signIn.startMiAuth({
      origin: `http://127.0.0.1:${port}`,
      permissions: ['read:account'],
    })
    // The page opens (the browser will say the server is down); the check then fails clearly.
    if (!unreachable.ok) throw new Error('start failed')
    expect(await finished(unreachable.value.flowId)).toMatchObject({
      status: 'failed',
      code: 'SIGN_IN_FAILED',
    })
  })
})

describe('OAuth 2', () => {
  async function clientFor(redirectUri: string) {
    const client = await serveOAuthClientPage(redirectUri)
    cleanups.push(() => client.close())
    return `${client.origin}/`
  }

  it('runs the authorization code flow with PKCE and keeps the granted scopes', async () => {
    const port = await closedPort()
    const redirectUri = `http://127.0.0.1:${port}/callback`
    const signIn = await flows()
    expect(await signIn.oauthSupport(fake.origin)).toMatchObject({
      ok: true,
      value: { supported: true },
    })
    const started = await signIn.startOAuth({
      origin: fake.origin,
      clientId: await clientFor(redirectUri),
      redirectUri,
      scopes: ['read:account', 'write:notes'],
    })
    if (!started.ok) throw new Error(started.error.message)
    const page = new URL(started.value.url)
    expect(page.searchParams.get('code_challenge_method')).toBe('S256')
    expect(page.searchParams.get('scope')).toBe('read:account write:notes')
    await approveOAuth(started.value.url, fake.users.alice.token)
    expect(await finished(started.value.flowId)).toMatchObject({
      status: 'completed',
      account: {
        source: 'oauth',
        permissions: ['read:account', 'write:notes'],
        user: { username: 'alice' },
      },
    })
  })

  it('reports a denied request, and a server without OAuth', async () => {
    const port = await closedPort()
    const redirectUri = `http://127.0.0.1:${port}/callback`
    const signIn = await flows()
    const started = await signIn.startOAuth({
      origin: fake.origin,
      clientId: await clientFor(redirectUri),
      redirectUri,
      scopes: ['read:account'],
    })
    if (!started.ok) throw new Error(started.error.message)
    await approveOAuth(started.value.url, fake.users.alice.token, { deny: true })
    const denied = await finished(started.value.flowId)
    expect(denied).toMatchObject({ status: 'failed', code: 'SIGN_IN_FAILED' })
    if (denied.status === 'failed') expect(denied.message).toContain('access_denied')

    fake.oauth.enabled = false
    expect(await signIn.oauthSupport(fake.origin)).toMatchObject({
      ok: true,
      value: { supported: false },
    })
    expect(
      await signIn.startOAuth({
        origin: fake.origin,
        clientId: 'https://client.example/',
        redirectUri,
        scopes: ['read:account'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'OAUTH_UNSUPPORTED' } })
  })

  it('only comes back to a loopback redirect URI with a port', async () => {
    const signIn = await flows()
    for (const redirectUri of [
      'https://client.example/callback',
      'http://127.0.0.1/callback',
      'http://192.168.1.2:8080/cb',
    ]) {
      expect(
        await signIn.startOAuth({
          origin: fake.origin,
          clientId: 'https://client.example/',
          redirectUri,
          scopes: ['read:account'],
        }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_REDIRECT_URI' } })
    }
  })
})
