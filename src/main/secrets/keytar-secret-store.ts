import { KeychainUnavailableError, type SecretStore } from './secret-store.ts'

type Keytar = typeof import('keytar')

/** The keychain service name every entry of this app is filed under. */
export const keychainService = 'misskey-api-explorer'

/**
 * keytar is loaded on first use, so a machine without a keychain library still starts the app
 * (anonymous requests keep working) and the error says what is missing.
 */
export function createKeytarSecretStore(service: string = keychainService): SecretStore {
  let keytar: Promise<Keytar> | null = null
  const load = () =>
    (keytar ??= import('keytar').then((module) => (module.default ?? module) as Keytar))

  async function call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      return await operation(await load())
    } catch (error) {
      throw new KeychainUnavailableError(error)
    }
  }

  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
    list: () => call(async (k) => (await k.findCredentials(service)).map((entry) => entry.account)),
  }
}
