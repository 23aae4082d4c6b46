/**
 * Where tokens live. Only main holds one; the keytar implementation keeps them in the OS keychain
 * (Secret Service, macOS Keychain, Windows Credential Vault) and there is deliberately no
 * plaintext fallback: when the keychain cannot be used, the call fails with KeychainUnavailableError.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
  /** The accounts that have a secret under this store's service. */
  list(): Promise<string[]>
}

export class KeychainUnavailableError extends Error {
  /** What the keychain library said, for the user's message. */
  readonly reason: string

  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`The system keychain cannot be used: ${reason}`)
    this.name = 'KeychainUnavailableError'
    this.reason = reason
  }
}
