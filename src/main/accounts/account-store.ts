import { mkdir, readdir, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Account, AccountsState } from '../../shared/accounts.ts'
import { writeFileAtomic } from '../storage/write-file-atomic.ts'

/**
 * Account metadata on disk (accounts.json): who, which server, how the token was obtained, its
 * last four characters. Never the token itself: that lives in the keychain under the account id.
 */
export interface AccountStore {
  read(): Promise<AccountsState>
  write(state: AccountsState): Promise<void>
  /** The damaged accounts files set aside next to this one, oldest first. */
  setAside(): Promise<string[]>
}

const empty = (): AccountsState => ({ accounts: [], activeByOrigin: {} })

export function createAccountStore(file: string, log: (message: string) => void): AccountStore {
  let cached: AccountsState | null = null
  return {
    async read() {
      if (cached) return cached
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<AccountsState>
        cached = {
          accounts: Array.isArray(parsed.accounts) ? parsed.accounts : [],
          activeByOrigin: parsed.activeByOrigin ?? {},
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          // Set the damaged file aside rather than overwrite it: the keychain entries are still there.
          const aside = `${file}.damaged-${Date.now()}`
          await rename(file, aside).catch(() => undefined)
          log(`accounts.json could not be read (${(error as Error).message}); moved to ${aside}`)
        }
        cached = empty()
      }
      return cached
    },
    async setAside() {
      const prefix = `${basename(file)}.damaged-`
      const names = await readdir(dirname(file)).catch(() => [] as string[])
      return names
        .filter((name) => name.startsWith(prefix))
        .sort()
        .map((name) => join(dirname(file), name))
    },
    async write(state) {
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`)
      cached = state
    },
  }
}

export const accountKeychainPrefix = 'account:'

export function accountKeychainKey(account: Pick<Account, 'id'>): string {
  return `${accountKeychainPrefix}${account.id}`
}
