import type { SecretStore } from './secret-store.ts'

/**
 * Keeps each secret main has read from the keychain in memory for the rest of the process, so a
 * send does not pay a keychain round trip every time: on Linux one read is a D-Bus call to the
 * Secret Service of about 1.5 ms, three times a whole `POST /api/i` on loopback.
 *
 * Memory is main's own (the rule that tokens never reach the renderer is unchanged) and nothing
 * is written anywhere else. Only reads are remembered: a token just stored is read back from the
 * keychain the first time it is needed, so a keychain that fails is noticed then. Setting or
 * deleting an entry forgets it, and a read that was under way when that happened is not kept.
 */
export function rememberSecrets(keychain: SecretStore): SecretStore {
  const remembered = new Map<string, string>()
  /** Bumped by every set and delete of an entry: a read that began before one must not be kept. */
  const changes = new Map<string, number>()
  const forget = (account: string) => {
    remembered.delete(account)
    changes.set(account, (changes.get(account) ?? 0) + 1)
  }

  return {
    async get(account) {
      const known = remembered.get(account)
      if (known !== undefined) return known
      const before = changes.get(account) ?? 0
      const secret = await keychain.get(account)
      if (secret !== null && (changes.get(account) ?? 0) === before) remembered.set(account, secret)
      return secret
    },
    async set(account, secret) {
      forget(account)
      try {
        await keychain.set(account, secret)
      } finally {
        forget(account)
      }
    },
    async delete(account) {
      forget(account)
      try {
        return await keychain.delete(account)
      } finally {
        forget(account)
      }
    },
    list: () => keychain.list(),
  }
}
