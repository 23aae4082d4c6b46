import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from './keytar-secret-store.ts'

// Runs against the real Secret Service that `npm test` starts (dbus-run-session + gnome-keyring).
// KEYCHAIN_REQUIRED is set by that wrapper, so there the test fails instead of skipping.
const keychainExpected = process.env.KEYCHAIN_REQUIRED === '1'

describe.skipIf(!keychainExpected)('keytar secret store (real keychain)', () => {
  it('stores, lists, reads back and deletes secrets under its own service', async () => {
    const store = createKeytarSecretStore(`misskey-api-explorer-test-${randomUUID()}`)
    const first = `account:${randomUUID()}`
    const second = `account:${randomUUID()}`
    expect(await store.get(first)).toBeNull()
    expect(await store.list()).toEqual([])
    await store.set(first, 'tOnit59tawa8KZEm')
    await store.set(second, 'HSp7TauqRRyhNL2yRWOJ27s1CHtbHbCX')
    expect(await store.get(first)).toBe('tOnit59tawa8KZEm')
    expect((await store.list()).sort()).toEqual([first, second].sort())
    expect(await store.delete(first)).toBe(true)
    expect(await store.get(first)).toBeNull()
    expect(await store.list()).toEqual([second])
    expect(await store.delete(first)).toBe(false)
    await store.delete(second)
  })

  it('survives entries deleted while it lists them (keytar alone crashes the process)', () => {
    // In a child, because what this guards against is a crash of the whole process.
    const script = `
      import { createKeytarSecretStore } from ${JSON.stringify(resolve(import.meta.dirname, 'keytar-secret-store.ts'))}
      const store = createKeytarSecretStore('misskey-api-explorer-test-churn-${randomUUID()}')
      let listed = 0
      const churn = (async () => {
        for (let i = 0; i < 60; i++) {
          await store.set('account:' + i, 'secret')
          await store.delete('account:' + i)
        }
      })()
      const lister = (async () => {
        for (let i = 0; i < 120; i++) {
          await store.list()
          listed++
        }
      })()
      await Promise.all([churn, lister])
      console.log('LISTED ' + listed + ', LEFT ' + (await store.list()).length)`
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(child.stderr).not.toContain('CRITICAL')
    expect(child.stdout.trim()).toBe('LISTED 120, LEFT 0')
    expect(child.status).toBe(0)
  })

  it('fails with a clear error, and no fallback, where there is no Secret Service', () => {
    // A child without a session bus: libsecret cannot reach any Secret Service.
    const script = `
      import { createKeytarSecretStore } from ${JSON.stringify(resolve(import.meta.dirname, 'keytar-secret-store.ts'))}
      try {
        await createKeytarSecretStore('misskey-api-explorer-test-nobus').set('a', 'secret')
        console.log('SAVED')
      } catch (error) {
        console.log(error.name + ': ' + error.message)
      }`
    const env = { ...process.env }
    delete env.DBUS_SESSION_BUS_ADDRESS
    env.XDG_RUNTIME_DIR = '/nonexistent'
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(child.stdout.trim()).toMatch(
      /^KeychainUnavailableError: The system keychain cannot be used: .+/,
    )
    expect(child.stdout).not.toContain('SAVED')
  })
})
