import type { AccountService } from './account-service.ts'

/**
 * Accounts by what history and collections know of them: a label, never a token. A collection
 * names its account by server and label, so a shared file works for whoever has an account
 * with that label there, and a token only ever goes to the server its account belongs to.
 */
export function createAccountLookup(accounts: Pick<AccountService, 'list'>) {
  return {
    /** The label of an account; null when it is gone. */
    async labelOf(accountId: string): Promise<string | null> {
      const state = await accounts.list()
      if (!state.ok) return null
      return state.value.accounts.find((account) => account.id === accountId)?.label ?? null
    },

    /** The account with this label on the server, else the server's active one, else null. */
    async forRun(
      origin: string,
      label: string | null,
    ): Promise<{ id: string; label: string } | null> {
      const state = await accounts.list()
      if (!state.ok) return null
      const onServer = state.value.accounts.filter((account) => account.origin === origin)
      const chosen =
        onServer.find((account) => label !== null && account.label === label) ??
        onServer.find((account) => account.id === state.value.activeByOrigin[origin])
      return chosen ? { id: chosen.id, label: chosen.label } : null
    },
  }
}
