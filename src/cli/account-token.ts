import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Account } from '../shared/accounts.ts'
import { accountKeychainKey } from '../main/accounts/account-store.ts'
import type { SecretStore } from '../main/secrets/secret-store.ts'

/**
 * The token of one of the app's accounts, by server and label: the label from the app's
 * accounts.json (read only: the command line never changes the app's files), the token from the
 * system keychain, where the app put it.
 */
export async function accountToken(
  dataFolder: string,
  origin: string,
  label: string,
  secrets: SecretStore,
): Promise<{ ok: true; token: string } | { ok: false; reason: string }> {
  const file = join(dataFolder, 'accounts.json')
  let accounts: Account[]
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { accounts?: unknown }
    accounts = Array.isArray(parsed.accounts) ? (parsed.accounts as Account[]) : []
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      ok: false,
      reason:
        code === 'ENOENT'
          ? `the app has no accounts on this computer (${file} is missing)`
          : `the app's accounts cannot be read (${file}: ${(error as Error).message})`,
    }
  }
  const account = accounts.find((item) => item.origin === origin && item.label === label)
  if (!account) {
    const here = accounts.filter((item) => item.origin === origin).map((item) => item.label)
    return {
      ok: false,
      reason: `the app has no account labelled "${label}" on ${origin}${here.length ? ` (there: ${here.join(', ')})` : ''}`,
    }
  }
  try {
    const token = await secrets.get(accountKeychainKey(account))
    if (token) return { ok: true, token }
    return {
      ok: false,
      reason: `the keychain has no token for "${label}" any more; add the account again in the app`,
    }
  } catch (error) {
    return { ok: false, reason: `the system keychain cannot be used (${(error as Error).message})` }
  }
}
