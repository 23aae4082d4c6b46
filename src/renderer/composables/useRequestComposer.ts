import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { authWarnings } from '../auth-warnings.ts'
import { parseBodyText } from '../../shared/body-text.ts'
import type { SnippetKind } from '../../shared/request-snippets.ts'
import type { RequestAuth } from '../../shared/requests.ts'
import type { CopySnippetInput } from '../../shared/snippets.ts'
import { variableNames } from '../variable-names.ts'
import { substituteVariables } from '../../shared/variables.ts'
import { useAccountsStore } from '../stores/accounts.ts'
import { useCollectionsStore } from '../stores/collections.ts'
import { useRequestStore } from '../stores/request.ts'
import { useServerStore } from '../stores/server.ts'
import { useWorkbenchStore } from '../stores/workbench.ts'

/**
 * Everything about the request being composed that decides whether and how it is sent: the body
 * as main will read it (JSON, or JSON5 converted), the auth to use, the warnings before sending,
 * and the reason it will not be sent.
 */
export function useRequestComposer() {
  const { t } = useI18n()
  const server = useServerStore()
  const workbench = useWorkbenchStore()
  const request = useRequestStore()
  const accounts = useAccountsStore()
  const collections = useCollectionsStore()

  // Main fills `{{variables}}` in before it sends, so `"limit": {{limit}}` is fine: check the body
  // as it will go out (a name without a value stands in as null, which main leaves for the
  // server to refuse).
  const bodyCheck = computed(() => {
    const body = workbench.body
    if (!body.includes('{{')) return parseBodyText(body)
    const values = Object.fromEntries(
      variableNames(body).map((name) => [name, collections.variables[name] ?? 'null']),
    )
    return parseBodyText(substituteVariables(body, values).text)
  })
  const account = computed(() => accounts.active(server.catalog?.origin ?? null))
  /** Without an account for this server there is nothing to send but the body as typed. */
  const auth = computed<RequestAuth>(() =>
    account.value && workbench.authMode !== 'none'
      ? { mode: workbench.authMode, accountId: account.value.id }
      : { mode: 'none', accountId: null },
  )

  const warnings = computed(() => {
    const endpoint = workbench.selectedEndpoint
    if (!endpoint) return []
    const body = !endpoint.multipart && bodyCheck.value.ok ? bodyCheck.value.value.value : null
    return authWarnings(endpoint, auth.value.mode, account.value, body).map((warning) =>
      t(`auth.warnings.${warning.code}`, 'permission' in warning ? warning : {}),
    )
  })

  const blockedReason = computed(() => {
    if (workbench.selectedEndpoint?.multipart)
      return workbench.upload.file ? '' : t('upload.needFile')
    const check = bodyCheck.value
    if (!check.ok) {
      const detail = check.error.detail ?? {}
      if (check.error.code === 'BODY_NOT_OBJECT')
        return t('request.notObject', { found: String(detail.found ?? '') })
      const reason = String(detail.reason ?? check.error.message)
      return typeof detail.line === 'number'
        ? t('request.invalidJsonAt', { reason, line: detail.line, column: detail.column ?? 1 })
        : t('request.invalidJson', { reason })
    }
    return check.value.invalidTokenType ? t('auth.notString') : ''
  })

  /** Shown when the body is JSON5: what goes out is plain JSON. */
  const convertedFromJson5 = computed(
    () => bodyCheck.value.ok && bodyCheck.value.value.convertedFromJson5,
  )

  function send() {
    const endpoint = workbench.selectedEndpoint
    if (!server.catalog || !endpoint || blockedReason.value) return
    const base = {
      origin: server.catalog.origin,
      endpoint: endpoint.name,
      auth: auth.value,
      timeoutMs: Math.round(Math.min(Math.max(workbench.timeoutSeconds, 1), 3600) * 1000),
    }
    const { file, fields } = workbench.upload
    if (endpoint.multipart && file) {
      void request.send({ ...base, body: '{}', upload: { fileId: file.fileId, fields } })
    } else if (!endpoint.multipart) {
      void request.send({ ...base, body: workbench.body })
    }
  }

  /** What "Copy as" needs from main: the request as it would be sent now. */
  function snippetInput(kind: SnippetKind, includeToken: boolean): CopySnippetInput | null {
    const endpoint = workbench.selectedEndpoint
    if (!server.catalog || !endpoint) return null
    return {
      kind,
      origin: server.catalog.origin,
      endpoint: endpoint.name,
      body: endpoint.multipart ? '{}' : workbench.body,
      auth: auth.value,
      includeToken,
      ...(endpoint.multipart ? { upload: { fields: workbench.upload.fields } } : {}),
    }
  }

  return {
    bodyCheck,
    account,
    auth,
    warnings,
    blockedReason,
    convertedFromJson5,
    send,
    snippetInput,
  }
}
