import type { OAuthSupport } from '../../shared/accounts.ts'
import { ok, type Result } from '../../shared/result.ts'
import { describeNetworkError } from '../http/network-error.ts'
import { readJsonAnswer } from '../http/read-json-answer.ts'

/** RFC 8414 metadata is a few KiB. */
const maxMetadataBytes = 256 * 1024

export interface OAuthMetadata {
  issuer: string | null
  authorizationEndpoint: string
  tokenEndpoint: string
  scopes: string[]
}

/**
 * Reads the server's OAuth 2 metadata (RFC 8414). Misskey has it since 2023.9; older servers and
 * some forks answer 404, which means "no OAuth here", not an error.
 */
export async function fetchOAuthMetadata(
  fetcher: typeof fetch,
  origin: string,
): Promise<Result<OAuthMetadata | null>> {
  const url = `${origin}/.well-known/oauth-authorization-server`
  let response: Response
  try {
    response = await fetcher(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    })
  } catch (error) {
    return describeNetworkError(error, url)
  }
  if (!response.ok) return ok(null)
  let answer: Result<unknown>
  try {
    answer = await readJsonAnswer(response, maxMetadataBytes, `${url}'s answer`)
  } catch (error) {
    return describeNetworkError(error, url, 'body')
  }
  if (!answer.ok) return answer
  if (typeof answer.value !== 'object' || answer.value === null) return ok(null)
  try {
    const body = answer.value as Record<string, unknown>
    const authorizationEndpoint = body.authorization_endpoint
    const tokenEndpoint = body.token_endpoint
    if (typeof authorizationEndpoint !== 'string' || typeof tokenEndpoint !== 'string')
      return ok(null)
    // Both endpoints must be on the server itself: the code and the verifier go there.
    if (
      new URL(authorizationEndpoint).origin !== origin ||
      new URL(tokenEndpoint).origin !== origin
    )
      return ok(null)
    return ok({
      issuer: typeof body.issuer === 'string' ? body.issuer : null,
      authorizationEndpoint,
      tokenEndpoint,
      scopes: Array.isArray(body.scopes_supported)
        ? body.scopes_supported.filter((scope): scope is string => typeof scope === 'string')
        : [],
    })
  } catch {
    return ok(null)
  }
}

export function supportOf(metadata: OAuthMetadata | null): OAuthSupport {
  return metadata
    ? {
        supported: true,
        scopes: metadata.scopes,
        authorizationEndpoint: metadata.authorizationEndpoint,
      }
    : { supported: false, scopes: [], authorizationEndpoint: null }
}
