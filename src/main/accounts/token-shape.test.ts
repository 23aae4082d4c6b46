import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import { filesWithText, servicesWorld } from '../testing/services-world.ts'
import { accountKeychainKey } from './account-store.ts'
import { isTokenShaped } from './token-shape.ts'

const folders = tempFolders()
let fake: FakeMisskey

beforeEach(async () => {
  fake = await startFakeMisskey()
})

afterEach(async () => {
  await fake.close()
  await folders.removeAll()
})

const user = { id: '9abc', username: 'alice', name: null, avatarUrl: null }
const misshapen = {
  'a line break': 'GoodLookingToken\nX-Injected: 1',
  'a NUL': 'GoodLookingToken\u0000',
  'a space inside': 'Good Looking Token',
  'too long': 'x'.repeat(4000),
  'too short': 'abc',
}

describe('tokens from every source are shape-checked before the keychain sees them', () => {
  it('accepts Misskey’s native and app tokens', () => {
    expect(isTokenShaped('A'.repeat(16))).toBe(true)
    expect(isTokenShaped('a1B2'.repeat(8))).toBe(true)
  })

  for (const [what, token] of Object.entries(misshapen)) {
    it(`refuses a MiAuth or OAuth token with ${what}`, async () => {
      const secrets = createMemorySecretStore()
      const world = servicesWorld(await folders.make('shape-'), { secrets })
      try {
        for (const source of ['miauth', 'oauth'] as const) {
          const saved = await world.services.accounts.save({
            origin: fake.origin,
            token,
            user,
            source,
            permissions: [],
          })
          expect(saved).toMatchObject({ ok: false, error: { code: 'TOKEN_REFUSED' } })
          expect(JSON.stringify(saved)).not.toContain(token)
        }
        expect(await world.services.accounts.list()).toMatchObject({
          ok: true,
          value: { accounts: [] },
        })
        expect(await secrets.list()).toEqual([])
      } finally {
        await world.services.close()
      }
    })
  }
})

it('never lets a header value quoted in a fetch error reach the answer, the history or the log', async () => {
  const secrets = createMemorySecretStore()
  const world = servicesWorld(await folders.make('header-'), { secrets })
  try {
    const account = await world.services.accounts.addWithToken(
      fake.origin,
      fake.users.alice.token,
      'alice',
    )
    if (!account.ok) throw new Error(account.error.message)
    // A token stored by an older version, before the shape check: fetch refuses the header and
    // quotes it, token and all, in its error.
    const stored = `${fake.users.alice.token}\nleaked-part`
    await secrets.set(accountKeychainKey(account.value), stored)
    const sent = await world.services.requests.send({
      requestId: 'header-1',
      origin: fake.origin,
      endpoint: 'i',
      body: '{}',
      auth: { mode: 'header', accountId: account.value.id },
    })
    expect(sent).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } })
    expect(JSON.stringify(sent)).not.toContain(fake.users.alice.token)
    await world.services.history.settled()
    const page = await world.services.history.search({})
    expect(page.ok && page.value.items[0]?.failure?.code).toBe('SERVER_UNREACHABLE')
    for (const [name, text] of await filesWithText(world.storageDirectory)) {
      expect(text.includes(fake.users.alice.token), name).toBe(false)
      expect(text.includes('leaked-part'), name).toBe(false)
    }
    expect(world.logs.join('\n')).not.toContain('leaked-part')
  } finally {
    await world.services.close()
  }
})
