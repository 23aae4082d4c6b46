// accounts.* — saved accounts (answered by main's account service) and signing in with MiAuth or
// OAuth (its sign-in flows). A token comes in once, with addWithToken, and never goes back out.
import * as v from 'valibot'
import type {
  Account,
  AccountsState,
  MiAuthRequest,
  OAuthRequest,
  OrphanedToken,
  OAuthSupport,
  SignInProgress,
  SignInStarted,
} from '../accounts.ts'
import type { Result } from '../result.ts'
import {
  addressSchema,
  idSchema,
  labelSchema,
  maxAddressLength,
  originSchema,
  type ArgumentSchemasFor,
} from './common-schemas.ts'

export interface AccountMethods {
  /** Every saved account (metadata only) and the active one per server. */
  'accounts.list'(): Promise<Result<AccountsState>>
  /**
   * Check a pasted token with `POST /api/i` and keep it in the keychain. The token travels this
   * one way only: main never sends a token back to the renderer.
   */
  'accounts.addWithToken'(address: string, token: string, label: string): Promise<Result<Account>>
  'accounts.rename'(accountId: string, label: string): Promise<Result<Account>>
  /** Forget an account and delete its keychain entry. */
  'accounts.remove'(accountId: string): Promise<Result<AccountsState>>
  'accounts.setActive'(origin: string, accountId: string | null): Promise<Result<AccountsState>>
  /** Tokens left in the keychain with no account (a damaged accounts file was set aside). */
  'accounts.listOrphanedTokens'(): Promise<Result<OrphanedToken[]>>
  /** Deletes one of those keychain entries; answers the ones left. */
  'accounts.deleteOrphanedToken'(id: string): Promise<Result<OrphanedToken[]>>
  'accounts.getOAuthSupport'(address: string): Promise<Result<OAuthSupport>>
  /** Open the server's MiAuth page in the system browser; progress comes as onSignInProgress. */
  'accounts.startMiAuth'(request: MiAuthRequest): Promise<Result<SignInStarted>>
  'accounts.startOAuth'(request: OAuthRequest): Promise<Result<SignInStarted>>
  'accounts.cancelSignIn'(flowId: string): Promise<Result<boolean>>
}

export interface AccountEvents {
  'accounts.onSignInProgress': SignInProgress
}

const permissionListSchema = v.pipe(
  v.array(v.pipe(v.string(), v.regex(/^[a-z0-9:_-]{1,100}$/))),
  v.maxLength(300),
)
const httpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(maxAddressLength),
  v.url(),
  v.regex(/^https?:\/\//, 'must be an http(s) URL'),
)

export const accountArgumentSchemas = {
  'accounts.list': v.strictTuple([]),
  'accounts.addWithToken': v.strictTuple([
    addressSchema,
    v.pipe(v.string(), v.maxLength(4096)),
    labelSchema,
  ]),
  'accounts.rename': v.strictTuple([idSchema, labelSchema]),
  'accounts.remove': v.strictTuple([idSchema]),
  'accounts.setActive': v.strictTuple([originSchema, v.nullable(idSchema)]),
  'accounts.listOrphanedTokens': v.strictTuple([]),
  'accounts.deleteOrphanedToken': v.strictTuple([idSchema]),
  'accounts.getOAuthSupport': v.strictTuple([addressSchema]),
  'accounts.startMiAuth': v.strictTuple([
    v.strictObject({
      origin: originSchema,
      permissions: permissionListSchema,
      appName: v.optional(labelSchema),
    }),
  ]),
  'accounts.startOAuth': v.strictTuple([
    v.strictObject({
      origin: originSchema,
      clientId: httpUrlSchema,
      redirectUri: httpUrlSchema,
      scopes: permissionListSchema,
    }),
  ]),
  'accounts.cancelSignIn': v.strictTuple([idSchema]),
} satisfies ArgumentSchemasFor<AccountMethods>
