import type { SecretStore } from '../secret-store.ts'

/** For tests that are not about the keychain itself. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret)
    },
    delete: async (account) => secrets.delete(account),
    list: async () => [...secrets.keys()],
  }
}
