import { KeychainUnavailableError, type SecretStore } from './secret-store.ts'

type Keytar = typeof import('keytar')

/** The keychain service name every entry of this app is filed under. */
export const keychainService = 'misskey-api-explorer'

// keytar is loaded on first use, so a machine without a keychain library still starts the app
// (anonymous requests keep working) and the error says what is missing.
let keytar: Promise<Keytar> | null = null
const load = () =>
  (keytar ??= import('keytar').then((module) => (module.default ?? module) as Keytar))

// keytar calls run one at a time in this process, whichever store makes them. keytar's
// `findCredentials` searches, then reads each secret it found; on Linux an entry deleted in
// between makes it read a NULL secret and crash the whole process (atom/node-keytar#477, never
// fixed: keytar is archived). A delete that starts while a list is under way waits for it.
let previous: Promise<unknown> = Promise.resolve()

function call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
  const run = previous.then(async () => {
    try {
      return await operation(await load())
    } catch (error) {
      throw new KeychainUnavailableError(error)
    }
  })
  previous = run.catch(() => undefined)
  return run
}

export function createKeytarSecretStore(service: string = keychainService): SecretStore {
  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
    list: () => call(async (k) => (await k.findCredentials(service)).map((entry) => entry.account)),
  }
}
