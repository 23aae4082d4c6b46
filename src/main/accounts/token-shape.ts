import { fail, type Result } from '../../shared/result.ts'

// Misskey's tokens are printable ASCII (16 characters for a native token, 32 for an app's; we
// allow 8 to 512 for forks). Anything else — a control character, a line break, a huge value —
// is not stored: it would break the Authorization header (and fetch then quotes the header, token
// and all, in its error) or bloat the keychain. Pasted, MiAuth and OAuth tokens all pass here.
const tokenShape = /^[\x21-\x7e]{8,512}$/

export function isTokenShaped(token: string): boolean {
  return tokenShape.test(token)
}

/** Why a token was not stored; never quotes the token. */
export function malformedToken(source: 'pasted' | 'miauth' | 'oauth'): Result<never> {
  const message =
    source === 'pasted'
      ? 'That does not look like a token: paste the token from Settings › API.'
      : 'The server handed out something that is not a token (control characters or an odd length); it was not saved.'
  return fail('TOKEN_REFUSED', message, { status: 0, serverCode: 'MALFORMED', serverMessage: '' })
}
