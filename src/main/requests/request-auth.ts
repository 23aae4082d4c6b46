import type { SendRequestInput } from '../../shared/requests.ts'
import { fail, ok, type Result } from '../../shared/result.ts'

export interface PreparedRequest {
  headers: Record<string, string>
  body: Record<string, unknown>
}

/**
 * Adds the account's token the way the user chose, at the last moment and only in main:
 * as `i` in the JSON body, or as `Authorization: Bearer` (which Misskey prefers when both are
 * present). With 'none' the body goes out as typed.
 */
export async function applyAuth(
  input: SendRequestInput,
  body: Record<string, unknown>,
  tokenFor: (accountId: string, origin: string) => Promise<Result<string>>,
): Promise<Result<PreparedRequest>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  }
  // A real Misskey never answers a request whose `i` is not a string: refuse to send one.
  if ('i' in body && typeof body.i !== 'string') {
    return fail(
      'BODY_TOKEN_NOT_STRING',
      'The body’s "i" is not a string; a Misskey server never answers such a request, so it was not sent.',
      {
        found: body.i === null ? 'null' : Array.isArray(body.i) ? 'an array' : typeof body.i,
      },
    )
  }
  const { mode, accountId } = input.auth
  if (mode === 'none') return ok({ headers, body })
  if (accountId === null) {
    return fail('UNKNOWN_ACCOUNT', 'Pick an account to send its token, or send without a token.', {
      accountId: '',
    })
  }
  const token = await tokenFor(accountId, input.origin)
  if (!token.ok) return token
  if (mode === 'header')
    return ok({ headers: { ...headers, authorization: `Bearer ${token.value}` }, body })
  return ok({ headers, body: { ...body, i: token.value } })
}
