import { randomUUID } from 'node:crypto'
import type {
  Account,
  AccountsState,
  OrphanedToken,
  AccountUser,
  TokenKind,
  TokenSource,
} from '../../shared/accounts.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { normalizeServerAddress } from '../server-address.ts'
import { KeychainUnavailableError, type SecretStore } from '../secrets/secret-store.ts'
import { accountKeychainKey, accountKeychainPrefix, type AccountStore } from './account-store.ts'
import { isTokenShaped, malformedToken } from './token-shape.ts'
import { verifyToken } from './verify-token.ts'

export interface AccountServiceDependencies {
  fetch: typeof fetch
  secrets: SecretStore
  store: AccountStore
  now: () => number
}

export interface NewAccount {
  origin: string
  token: string
  user: AccountUser
  source: TokenSource
  permissions: string[] | null
  label?: string
}

export interface AccountService {
  list(): Promise<Result<AccountsState>>
  addWithToken(address: string, token: string, label?: string): Promise<Result<Account>>
  /** Saves an account whose token a sign-in flow obtained (and the server already vouched for). */
  save(account: NewAccount): Promise<Result<Account>>
  rename(accountId: string, label: string): Promise<Result<Account>>
  remove(accountId: string): Promise<Result<AccountsState>>
  setActive(origin: string, accountId: string | null): Promise<Result<AccountsState>>
  /** Keychain entries no account owns (see OrphanedToken); only their last four characters. */
  listOrphanedTokens(): Promise<Result<OrphanedToken[]>>
  deleteOrphanedToken(id: string): Promise<Result<OrphanedToken[]>>
  /** Whether `value` is the token of a saved account (answered in main; the tokens stay there). */
  isStoredToken(value: string): Promise<boolean>
  /** The token of an account, for main's own use when it sends; never handed to the renderer. */
  tokenFor(accountId: string, origin: string): Promise<Result<string>>
}

function tokenKindOf(token: string): TokenKind {
  return token.length === 16 ? 'native' : token.length === 32 ? 'app' : 'unknown'
}

function keychainFailure(error: unknown): Result<never> {
  const reason =
    error instanceof KeychainUnavailableError
      ? error.reason
      : error instanceof Error
        ? error.message
        : String(error)
  return fail(
    'KEYCHAIN_UNAVAILABLE',
    `The system keychain cannot be used (${reason}). Tokens are kept only there, so none was saved; requests without a token still work.`,
    { reason },
  )
}

export function createAccountService(dependencies: AccountServiceDependencies): AccountService {
  const { secrets, store } = dependencies

  /** Labels stay unique per server so entries for the same user can be told apart. */
  function uniqueLabel(state: AccountsState, origin: string, wanted: string): string {
    const taken = new Set(state.accounts.filter((a) => a.origin === origin).map((a) => a.label))
    if (!taken.has(wanted)) return wanted
    for (let index = 2; ; index++)
      if (!taken.has(`${wanted} (${index})`)) return `${wanted} (${index})`
  }

  async function save(input: NewAccount): Promise<Result<Account>> {
    // Every way in (paste, MiAuth, OAuth) ends here: nothing misshapen reaches the keychain.
    if (!isTokenShaped(input.token)) return malformedToken(input.source)
    const state = await store.read()
    const account: Account = {
      id: randomUUID(),
      origin: input.origin,
      label: uniqueLabel(state, input.origin, input.label?.trim() || `@${input.user.username}`),
      user: input.user,
      source: input.source,
      tokenKind: tokenKindOf(input.token),
      permissions: input.permissions,
      tokenTail: input.token.slice(-4),
      createdAt: dependencies.now(),
    }
    try {
      await secrets.set(accountKeychainKey(account), input.token)
    } catch (error) {
      return keychainFailure(error)
    }
    const activeByOrigin = { ...state.activeByOrigin }
    activeByOrigin[input.origin] ??= account.id
    await store.write({ accounts: [...state.accounts, account], activeByOrigin })
    return ok(account)
  }

  async function orphanedTokens(): Promise<Result<OrphanedToken[]>> {
    const owned = new Set(
      (await store.read()).accounts.map((account) => accountKeychainKey(account)),
    )
    try {
      const keys = (await secrets.list()).filter(
        (key) => key.startsWith(accountKeychainPrefix) && !owned.has(key),
      )
      const setAsideFiles = keys.length > 0 ? await store.setAside() : []
      const orphans: OrphanedToken[] = []
      for (const key of keys.sort()) {
        const token = await secrets.get(key)
        orphans.push({
          id: key.slice(accountKeychainPrefix.length),
          tokenTail: token?.slice(-4) ?? '',
          setAsideFiles,
        })
      }
      return ok(orphans)
    } catch (error) {
      return keychainFailure(error)
    }
  }

  return {
    async list() {
      return ok(await store.read())
    },

    async addWithToken(address, token, label) {
      const origin = normalizeServerAddress(address)
      if (!origin.ok) return origin
      const trimmed = token.trim()
      if (!isTokenShaped(trimmed)) return malformedToken('pasted')
      const user = await verifyToken(dependencies.fetch, origin.value, trimmed)
      if (!user.ok) return user
      return save({
        origin: origin.value,
        token: trimmed,
        user: user.value,
        source: 'pasted',
        permissions: null,
        label,
      })
    },

    save,

    async rename(accountId, label) {
      const state = await store.read()
      const account = state.accounts.find((candidate) => candidate.id === accountId)
      if (!account) return fail('UNKNOWN_ACCOUNT', 'That account no longer exists.', { accountId })
      const others = {
        ...state,
        accounts: state.accounts.filter((candidate) => candidate.id !== accountId),
      }
      const renamed = {
        ...account,
        label: uniqueLabel(others, account.origin, label.trim() || account.label),
      }
      await store.write({
        ...state,
        accounts: state.accounts.map((a) => (a.id === accountId ? renamed : a)),
      })
      return ok(renamed)
    },

    async remove(accountId) {
      const state = await store.read()
      const account = state.accounts.find((candidate) => candidate.id === accountId)
      if (!account) return fail('UNKNOWN_ACCOUNT', 'That account no longer exists.', { accountId })
      try {
        await secrets.delete(accountKeychainKey(account))
      } catch (error) {
        // Keep the entry: removing it would leave a token in the keychain the user can no longer see.
        return keychainFailure(error)
      }
      const activeByOrigin = { ...state.activeByOrigin }
      if (activeByOrigin[account.origin] === accountId) delete activeByOrigin[account.origin]
      const next = {
        accounts: state.accounts.filter((candidate) => candidate.id !== accountId),
        activeByOrigin,
      }
      await store.write(next)
      return ok(next)
    },

    listOrphanedTokens: orphanedTokens,

    async isStoredToken(value) {
      for (const account of (await store.read()).accounts) {
        // Only accounts whose token ends so are read from the keychain.
        if (account.tokenTail !== value.slice(-4)) continue
        const token = await secrets.get(accountKeychainKey(account)).catch(() => null)
        if (token !== null && token === value) return true
      }
      return false
    },

    async deleteOrphanedToken(id) {
      const orphans = await orphanedTokens()
      if (!orphans.ok) return orphans
      // Only an entry no account owns: a saved account's token goes with `remove`.
      if (!orphans.value.some((orphan) => orphan.id === id)) {
        return fail('UNKNOWN_ACCOUNT', 'That keychain entry is not a left-over one.', {
          accountId: id,
        })
      }
      try {
        await secrets.delete(accountKeychainKey({ id }))
      } catch (error) {
        return keychainFailure(error)
      }
      return orphanedTokens()
    },

    async setActive(origin, accountId) {
      const state = await store.read()
      const activeByOrigin = { ...state.activeByOrigin }
      if (accountId === null) {
        delete activeByOrigin[origin]
      } else {
        const account = state.accounts.find((candidate) => candidate.id === accountId)
        if (!account)
          return fail('UNKNOWN_ACCOUNT', 'That account no longer exists.', { accountId })
        if (account.origin !== origin) return mismatch(account, origin)
        activeByOrigin[origin] = accountId
      }
      const next = { ...state, activeByOrigin }
      await store.write(next)
      return ok(next)
    },

    async tokenFor(accountId, origin) {
      const state = await store.read()
      const account = state.accounts.find((candidate) => candidate.id === accountId)
      if (!account) return fail('UNKNOWN_ACCOUNT', 'That account no longer exists.', { accountId })
      // A token only ever goes to the server that issued it.
      if (account.origin !== origin) return mismatch(account, origin)
      let token: string | null
      try {
        token = await secrets.get(accountKeychainKey(account))
      } catch (error) {
        return keychainFailure(error)
      }
      if (!token) {
        return fail(
          'KEYCHAIN_UNAVAILABLE',
          `The keychain has no token for ${account.label} any more; add the account again.`,
          {
            reason: 'missing entry',
          },
        )
      }
      return ok(token)
    },
  }
}

function mismatch(account: Account, origin: string): Result<never> {
  return fail(
    'ACCOUNT_SERVER_MISMATCH',
    `${account.label} belongs to ${new URL(account.origin).host}, not ${new URL(origin).host}; its token is never sent elsewhere.`,
    { accountHost: new URL(account.origin).host, host: new URL(origin).host },
  )
}
