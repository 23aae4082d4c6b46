import { nextTick } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AuthMode } from '../../shared/history.ts'
import { useAccountsStore } from '../stores/accounts.ts'
import { useServerStore } from '../stores/server.ts'
import { useWorkbenchStore } from '../stores/workbench.ts'

/** What history entries and saved requests have in common: enough to put a request back. */
export interface RequestToOpen {
  /** null: whichever server is open. */
  origin: string | null
  endpoint: string
  body: string
  authMode: AuthMode
  accountLabel: string | null
}

/**
 * Puts a recorded or saved request back into the workbench: its server (opened if another one
 * is), endpoint, body (as one undoable edit), auth mode, and the account with its label when
 * there is one. History and collections both open requests this way.
 */
export function useOpenInWorkbench() {
  const { t } = useI18n()
  const server = useServerStore()
  const workbench = useWorkbenchStore()
  const accounts = useAccountsStore()

  /** Answers why it could not, in the user's words, or '' when the request is in the editor. */
  async function open(request: RequestToOpen): Promise<string> {
    if (request.origin && request.origin !== server.catalog?.origin) {
      await server.open(request.origin)
      if (server.status !== 'ready') return t('open.serverFailed', { origin: request.origin })
    }
    const catalog = server.catalog
    if (!catalog) return t('open.noServer')
    if (!catalog.endpoints.some((endpoint) => endpoint.name === request.endpoint)) {
      return t('open.unknownEndpoint', {
        endpoint: request.endpoint,
        host: new URL(catalog.origin).host,
      })
    }
    workbench.select(request.endpoint)
    // The editor mounts for the endpoint first; the new text then replaces its draft.
    await nextTick()
    workbench.body = request.body
    workbench.replaceBody(request.body)
    workbench.authMode = request.authMode
    if (request.accountLabel) {
      const account = accounts
        .forServer(catalog.origin)
        .find((candidate) => candidate.label === request.accountLabel)
      if (account && accounts.active(catalog.origin)?.id !== account.id) {
        await accounts.setActive(catalog.origin, account.id)
      }
    }
    return ''
  }

  return { open }
}
