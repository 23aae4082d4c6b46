import { removedMarker } from '../secrets/typed-token.ts'

// The history must never hold a token (DESIGN.md). A typed `i` is taken out of the request by
// secrets/typed-token.ts; some endpoints answer with a fresh token (MiAuth's check,
// auth/session/userkey, app/create's secret, 2FA registration), and those are taken out of what
// is recorded here. What the user saw on screen is not changed, only what is written.

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
