import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SignInProgress } from '../../shared/accounts.ts'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { approveOAuth } from '../../../test-kit/support/fake-browser.ts'
import { closedPort } from '../../../test-kit/support/local-server.ts'
import { serveOAuthClientPage } from '../../../test-kit/support/oauth-client-page.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import { createAccountService } from './account-service.ts'
import { createAccountStore } from './account-store.ts'
import { createSignInFlows, type SignInFlows } from './sign-in-flows.ts'

// The OAuth redirect URIs the app accepts (127.0.0.1, [::1], localhost) are the ones its
// listener answers on: the browser coming back to [::1] or to a localhost that resolves to
// either address finds the app, where a listener on 127.0.0.1 alone was never reached.
let fake: FakeMisskey
let folder: string
let flows: SignInFlows
const progress: SignInProgress[] = []
const cleanups: Array<() => Promise<void>> = []

/** Whether this machine has an IPv6 loopback to listen on. */
const ipv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer()
  probe.once('error', () => resolve(false))
  probe.listen(0, '::1', () => probe.close(() => resolve(true)))
})

beforeEach(async () => {
  fake = await startFakeMisskey()
  folder = await mkdtemp(join(tmpdir(), 'loopback-redirect-'))
  progress.length = 0
  flows = createSignInFlows({
    fetch,
    accounts: createAccountService({
      fetch,
      secrets: createMemorySecretStore(),
      store: createAccountStore(join(folder, 'accounts.json'), () => undefined),
      now: Date.now,
    }),
    openExternal: async () => undefined,
    emit: (event) => progress.push(event),
  })
})

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
  await fake.close()
  await rm(folder, { recursive: true, force: true })
})

async function finished(flowId: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const last = progress.filter((event) => event.flowId === flowId).at(-1)
    if (last && last.status !== 'waiting') return last
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the sign-in did not finish')
}

async function signInThrough(host: string, localhostAs?: '127.0.0.1' | '[::1]') {
  const redirectUri = `http://${host}:${await closedPort()}/callback`
  const client = await serveOAuthClientPage(redirectUri)
  cleanups.push(() => client.close())
  const started = await flows.startOAuth({
    origin: fake.origin,
    clientId: `${client.origin}/`,
    redirectUri,
    scopes: ['read:account'],
  })
  if (!started.ok) throw new Error(started.error.message)
  await approveOAuth(started.value.url, fake.users.alice.token, { localhostAs })
  return finished(started.value.flowId)
}

const completed = { status: 'completed', account: { user: { username: 'alice' } } }

describe('the OAuth loopback redirect and its listener', () => {
  it('completes through http://127.0.0.1:port', async () => {
    expect(await signInThrough('127.0.0.1')).toMatchObject(completed)
  })

  it.skipIf(!ipv6Loopback)(
    'completes through http://[::1]:port (skipped on a machine without IPv6 loopback)',
    async () => {
      expect(await signInThrough('[::1]')).toMatchObject(completed)
    },
  )

  it('completes through http://localhost:port whichever address the browser picks', async () => {
    expect(await signInThrough('localhost', '127.0.0.1')).toMatchObject(completed)
    if (ipv6Loopback) expect(await signInThrough('localhost', '[::1]')).toMatchObject(completed)
  })

  it('refuses, with the reason, any other redirect host', async () => {
    for (const redirectUri of ['http://127.0.0.2:38080/callback', 'http://[::2]:38080/cb']) {
      const started = await flows.startOAuth({
        origin: fake.origin,
        clientId: 'https://client.example/',
        redirectUri,
        scopes: ['read:account'],
      })
      expect(started).toMatchObject({ ok: false, error: { code: 'INVALID_REDIRECT_URI' } })
      if (!started.ok) expect(started.error.message).toContain('must be a loopback address')
    }
  })
})
