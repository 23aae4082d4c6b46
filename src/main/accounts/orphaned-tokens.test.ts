import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import { createAccountService } from './account-service.ts'
import { createAccountStore } from './account-store.ts'

// A damaged accounts.json is set aside, but the tokens of its accounts are still in the keychain:
// they are listed (by their last four characters) for the user to delete, never left silently.
const folders = tempFolders()
afterEach(() => folders.removeAll())

const user = (username: string) => ({ id: username, username, name: null, avatarUrl: null })

it('lists the keychain entries of accounts set aside and deletes them on request', async () => {
  const folder = await folders.make('orphans-')
  const file = join(folder, 'accounts.json')
  const secrets = createMemorySecretStore()
  const service = (logs: string[] = []) =>
    createAccountService({
      fetch,
      secrets,
      store: createAccountStore(file, (message) => logs.push(message)),
      now: Date.now,
    })
  const before = service()
  for (const [name, token] of [
    ['alice', 'AliceToken0000A1'],
    ['bob', 'BobToken00000B2x'],
  ] as const) {
    const saved = await before.save({
      origin: 'https://misskey.example',
      token,
      user: user(name),
      source: 'pasted',
      permissions: null,
    })
    if (!saved.ok) throw new Error(saved.error.message)
  }
  expect(await before.listOrphanedTokens()).toEqual({ ok: true, value: [] })

  await writeFile(file, '{ "accounts": [ damaged')
  const after = service()
  expect(await after.list()).toMatchObject({ ok: true, value: { accounts: [] } })
  const orphans = await after.listOrphanedTokens()
  if (!orphans.ok) throw new Error(orphans.error.message)
  expect(orphans.value.map((orphan) => orphan.tokenTail).sort()).toEqual(['00A1', '0B2x'])
  expect(orphans.value[0]!.setAsideFiles).toEqual([
    expect.stringMatching(/accounts\.json\.damaged-\d+$/),
  ])
  expect(JSON.stringify(orphans)).not.toContain('AliceToken')

  // A new account's own entry is not a left-over, and cannot be deleted as one.
  const carol = await after.save({
    origin: 'https://misskey.example',
    token: 'CarolToken000C3y',
    user: user('carol'),
    source: 'pasted',
    permissions: null,
  })
  if (!carol.ok) throw new Error(carol.error.message)
  expect(await after.deleteOrphanedToken(carol.value.id)).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_ACCOUNT' },
  })

  const left = await after.deleteOrphanedToken(orphans.value[0]!.id)
  expect(left.ok && left.value).toHaveLength(1)
  const none = await after.deleteOrphanedToken(orphans.value[1]!.id)
  expect(none).toEqual({ ok: true, value: [] })
  expect(await secrets.list()).toEqual([`account:${carol.value.id}`])
})
