import type { SendRequestInput } from '../../shared/requests.ts'
import { fail, ok, type Result } from '../../shared/result.ts'

export interface PreparedAuth {
  headers: Record<string, string>
  /** The JSON body as it goes out: with the account's token as `i` in body mode. */
  body: Record<string, unknown>
  /** For a multipart upload in body mode: the token to send as the form field `i`. */
  formToken: string | null
}

/**
 * Adds the account's token the way the user chose, at the last moment and only in main:
 * as `i` in the body (a JSON field, or a form field for uploads), or as `Authorization: Bearer`
 * (which Misskey prefers when both are present). With 'none' the body goes out as typed.
 */
export async function applyAuth(
  input: SendRequestInput,
  body: Record<string, unknown>,
  tokenFor: (accountId: string, origin: string) => Promise<Result<string>>,
): Promise<Result<PreparedAuth>> {
  // A real Misskey never answers a request whose `i` is not a string (null reads as no token):
  // refuse to send one.
  if ('i' in body && body.i !== null && typeof body.i !== 'string') {
    return fail(
      'BODY_TOKEN_NOT_STRING',
      'The body’s "i" is not a string; a Misskey server never answers such a request, so it was not sent.',
      { found: Array.isArray(body.i) ? 'an array' : typeof body.i },
    )
  }
  const { mode, accountId } = input.auth
  if (mode === 'none') return ok({ headers: {}, body, formToken: null })
  if (accountId === null) {
    return fail('UNKNOWN_ACCOUNT', 'Pick an account to send its token, or send without a token.', {
      accountId: '',
    })
  }
  const token = await tokenFor(accountId, input.origin)
  if (!token.ok) return token
  if (mode === 'header') {
    return ok({ headers: { authorization: `Bearer ${token.value}` }, body, formToken: null })
  }
  return input.upload
    ? ok({ headers: {}, body, formToken: token.value })
    : ok({ headers: {}, body: { ...body, i: token.value }, formToken: null })
}
