/**
 * Where tokens live. Only main holds one; the keytar implementation keeps them in the OS keychain
 * (Secret Service, macOS Keychain, Windows Credential Vault) and there is deliberately no
 * plaintext fallback: when the keychain cannot be used, the call fails with KeychainUnavailableError.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
}

export class KeychainUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `The system keychain cannot be used: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
    this.name = 'KeychainUnavailableError'
  }
}
