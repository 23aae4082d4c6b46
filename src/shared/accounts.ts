/** How the token travels on a request: Misskey accepts it in the body as `i` or as a Bearer header. */
export type AuthMode = 'body' | 'header' | 'none'
export const authModes: AuthMode[] = ['body', 'header', 'none']

/** How the token was obtained. */
export type TokenSource = 'pasted' | 'miauth' | 'oauth'

/**
 * What kind of token it looks like: Misskey's login ("native") tokens have 16 characters and
 * every permission; app tokens (MiAuth, OAuth, Settings › API) have 32 and only what was granted.
 */
export type TokenKind = 'native' | 'app' | 'unknown'

export interface AccountUser {
  id: string
  username: string
  name: string | null
  avatarUrl: string | null
}

/** An account as the renderer sees it: metadata only. The token stays in main and the keychain. */
export interface Account {
  id: string
  origin: string
  label: string
  user: AccountUser
  source: TokenSource
  tokenKind: TokenKind
  /** The permissions granted, when known (MiAuth, OAuth); null for a pasted token. */
  permissions: string[] | null
  /** The last four characters of the token, to tell entries apart: shown as `…x7Qa`. */
  tokenTail: string
  createdAt: number
}

export interface AccountsState {
  accounts: Account[]
  /** The account each server uses by default, by origin. */
  activeByOrigin: Record<string, string>
}

/**
 * A token in the keychain that no saved account owns any more (its accounts.json was damaged
 * and set aside, or an earlier removal failed half-way). Listed so the user can delete it.
 */
export interface OrphanedToken {
  /** The keychain entry's account id. */
  id: string
  /** The token's last four characters, as accounts show theirs. */
  tokenTail: string
  /** The damaged accounts files set aside, where the user may find whose token it was. */
  setAsideFiles: string[]
}

export interface MiAuthRequest {
  origin: string
  permissions: string[]
  /** Shown by the server on its approval page. */
  appName?: string
}

export interface OAuthRequest {
  origin: string
  /** The https URL identifying the client; its page lists the allowed redirect_uri. */
  clientId: string
  /** A loopback URL listed on the client page, such as http://127.0.0.1:38080/callback. */
  redirectUri: string
  scopes: string[]
}

export interface OAuthSupport {
  supported: boolean
  scopes: string[]
  authorizationEndpoint: string | null
}

export interface SignInStarted {
  flowId: string
  /** The page opened in the system browser, shown so the user can open it by hand. */
  url: string
}

export type SignInProgress =
  | { flowId: string; status: 'waiting' }
  | { flowId: string; status: 'completed'; account: Account }
  | { flowId: string; status: 'failed'; message: string; code: string }
  | { flowId: string; status: 'cancelled' }

export function maskedTail(account: Pick<Account, 'tokenTail'>): string {
  return `…${account.tokenTail}`
}
