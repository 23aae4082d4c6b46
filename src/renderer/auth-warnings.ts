import type { Account, AuthMode } from '../shared/accounts.ts'
import type { CatalogEndpoint } from '../shared/catalog.ts'

/** Something worth knowing before sending, because the server would answer with an error. */
export type AuthWarning =
  | { code: 'CREDENTIAL_NEEDED' }
  | { code: 'PERMISSION_NOT_GRANTED'; permission: string; account: string }
  | { code: 'BODY_I_REPLACED' }
  | { code: 'BODY_I_IGNORED' }
  | { code: 'BODY_I_SENT' }

/**
 * Warnings that save a round trip: a credential-only endpoint sent without a token; a permission
 * the account's grant (when known) lacks; and what happens to an `i` the user typed themselves.
 */
export function authWarnings(
  endpoint: Pick<CatalogEndpoint, 'credentialRequired' | 'permission'>,
  mode: AuthMode,
  account: Pick<Account, 'label' | 'permissions' | 'tokenKind'> | null,
  body: Record<string, unknown> | null,
): AuthWarning[] {
  const warnings: AuthWarning[] = []
  const sendsToken = mode !== 'none' && account !== null
  if (endpoint.credentialRequired === true && !sendsToken)
    warnings.push({ code: 'CREDENTIAL_NEEDED' })
  if (
    sendsToken &&
    endpoint.permission &&
    account.tokenKind !== 'native' &&
    account.permissions !== null &&
    !account.permissions.includes(endpoint.permission)
  ) {
    warnings.push({
      code: 'PERMISSION_NOT_GRANTED',
      permission: endpoint.permission,
      account: account.label,
    })
  }
  if (body && typeof body.i === 'string') {
    warnings.push({
      code: !sendsToken ? 'BODY_I_SENT' : mode === 'body' ? 'BODY_I_REPLACED' : 'BODY_I_IGNORED',
    })
  }
  return warnings
}
