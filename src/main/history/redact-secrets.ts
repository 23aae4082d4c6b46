// The history must never hold a token (DESIGN.md). Main adds the account's token only when it
// sends, but a user can still type one into a body, and some endpoints answer with a fresh one
// (MiAuth's check, auth/session/userkey, app/create's secret, 2FA registration): these are taken
// out of what is recorded. What the user saw on screen is not changed, only what is written.

const tokenKeys = new Set([
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'secret',
])
const mentionsTokenKey =
  /"(?:token|accessToken|access_token|refreshToken|refresh_token|secret)"\s*:\s*"/
export const removedMarker = '(removed)'

/** A request body without a top-level `i` field (the token, when typed in by hand). */
export function withoutTypedToken(body: string): string {
  if (!body.includes('"i"')) return body
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    // Not JSON (yet): blank anything shaped like an `i` string field all the same.
    return body.replace(/("i"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${removedMarker}"`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('i' in parsed)) {
    return body
  }
  const { i: _token, ...rest } = parsed as Record<string, unknown>
  return JSON.stringify(rest, null, 2)
}

/** A pretty JSON response body with the string values of token-like keys replaced. */
export function withoutIssuedSecrets(text: string): string {
  if (!mentionsTokenKey.test(text)) return text
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return text
  }
  return JSON.stringify(redact(parsed), null, 2)
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      tokenKeys.has(key) && typeof inner === 'string' ? removedMarker : redact(inner),
    ]),
  )
}
