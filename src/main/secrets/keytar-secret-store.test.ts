import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from './keytar-secret-store.ts'

// Runs against the real Secret Service that `npm test` starts (dbus-run-session + gnome-keyring).
// KEYCHAIN_REQUIRED is set by that wrapper, so there the test fails instead of skipping.
const keychainExpected = process.env.KEYCHAIN_REQUIRED === '1'

describe.skipIf(!keychainExpected)('keytar secret store (real keychain)', () => {
  it('stores, reads back and deletes a secret under its own service', async () => {
    const store = createKeytarSecretStore(`misskey-api-explorer-test-${randomUUID()}`)
    const account = `account-${randomUUID()}`
    expect(await store.get(account)).toBeNull()
    await store.set(account, 'tOnit59tawa8KZEm')
    expect(await store.get(account)).toBe('tOnit59tawa8KZEm')
    expect(await store.delete(account)).toBe(true)
    expect(await store.get(account)).toBeNull()
  })
})
