import { describe, expect, it } from 'vitest'
import { rememberSecrets } from './remembering-secret-store.ts'
import type { SecretStore } from './secret-store.ts'
import { createMemorySecretStore } from './testing/memory-secret-store.ts'

/** A keychain that counts its reads and can hold one read back until the test lets it go. */
function countingKeychain() {
  const inner = createMemorySecretStore()
  let reads = 0
  let hold: Promise<void> | null = null
  let release = () => undefined as void
  const keychain: SecretStore = {
    ...inner,
    async get(account) {
      reads++
      const secret = await inner.get(account)
      const held = hold
      hold = null
      if (held) await held
      return secret
    },
  }
  return {
    keychain,
    reads: () => reads,
    holdNextRead: () => {
      hold = new Promise<void>((resolve) => (release = resolve))
    },
    releaseRead: () => release(),
  }
}

describe('remembered secrets', () => {
  it('reads the keychain once per entry, then answers from memory', async () => {
    const counting = countingKeychain()
    await counting.keychain.set('account:a', 'token-a')
    const secrets = rememberSecrets(counting.keychain)
    expect(await secrets.get('account:a')).toBe('token-a')
    expect(await secrets.get('account:a')).toBe('token-a')
    expect(counting.reads()).toBe(1)
  })

  it('reads again after an entry is replaced or deleted', async () => {
    const counting = countingKeychain()
    const secrets = rememberSecrets(counting.keychain)
    await secrets.set('account:a', 'old')
    expect(await secrets.get('account:a')).toBe('old')
    await secrets.set('account:a', 'new')
    expect(await secrets.get('account:a')).toBe('new')
    expect(await secrets.delete('account:a')).toBe(true)
    expect(await secrets.get('account:a')).toBeNull()
    expect(counting.reads()).toBe(3)
  })

  it('does not remember a missing entry: one stored later is found', async () => {
    const counting = countingKeychain()
    const secrets = rememberSecrets(counting.keychain)
    expect(await secrets.get('account:a')).toBeNull()
    await counting.keychain.set('account:a', 'added elsewhere')
    expect(await secrets.get('account:a')).toBe('added elsewhere')
  })

  it('does not keep a read that was under way when its entry was deleted', async () => {
    const counting = countingKeychain()
    const secrets = rememberSecrets(counting.keychain)
    await secrets.set('account:a', 'token-a')
    counting.holdNextRead()
    const reading = secrets.get('account:a')
    await secrets.delete('account:a')
    counting.releaseRead()
    expect(await reading).toBe('token-a')
    expect(await secrets.get('account:a')).toBeNull()
  })

  it('remembers nothing when the keychain fails', async () => {
    let failing = true
    const inner = createMemorySecretStore()
    await inner.set('account:a', 'token-a')
    const secrets = rememberSecrets({
      ...inner,
      get: async (account) => {
        if (failing) throw new Error('keychain locked')
        return inner.get(account)
      },
    })
    await expect(secrets.get('account:a')).rejects.toThrow('keychain locked')
    failing = false
    expect(await secrets.get('account:a')).toBe('token-a')
  })
})
