import { createHash, randomBytes } from 'node:crypto'
import type { Account, OAuthRequest } from '../../shared/accounts.ts'
import { fail, type Result } from '../../shared/result.ts'
import { normalizeServerAddress } from '../server-address.ts'
import { callbackPage, listenForCallback, type LoopbackBinding } from './loopback-callback.ts'
import { readJsonAnswer } from '../http/read-json-answer.ts'
import { fetchOAuthMetadata } from './oauth-metadata.ts'
import type { FlowContext } from './sign-in-flows.ts'
import { isTokenShaped, malformedToken } from './token-shape.ts'
import { verifyToken } from './verify-token.ts'

const base64url = (bytes: Buffer) => bytes.toString('base64url')

/** A token answer is a few hundred bytes. */
const maxTokenAnswerBytes = 64 * 1024

/** PKCE with S256, which Misskey requires (RFC 7636). */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(48))
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) }
}

/** The redirect must come back to this machine: a loopback http URL with an explicit port. */
export function parseLoopbackRedirect(redirectUri: string): Result<URL> {
  let url: URL
  try {
    url = new URL(redirectUri)
  } catch {
    return fail('INVALID_REDIRECT_URI', `“${redirectUri}” is not a URL.`, { redirectUri })
  }
  const loopback =
    url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'http:' || !loopback || url.port === '') {
    return fail(
      'INVALID_REDIRECT_URI',
      'The redirect URI must be a loopback address with a port, such as http://127.0.0.1:38080/callback, and be listed on your client page.',
      { redirectUri },
    )
  }
  return { ok: true, value: url }
}

/** The listener waits on the very loopback host the redirect names (parseLoopbackRedirect). */
function bindingFor(redirect: URL): LoopbackBinding {
  return redirect.hostname === '[::1]'
    ? '::1'
    : redirect.hostname === 'localhost'
      ? 'localhost'
      : '127.0.0.1'
}

/**
 * OAuth 2 authorization code flow with PKCE against Misskey: the client is identified by an https
 * URL whose page lists the redirect URI (IndieAuth style), scopes are space-separated, there are
 * no refresh tokens. The code comes back to a loopback listener on the registered port.
 */
export async function runOAuth(
  request: OAuthRequest,
  context: FlowContext,
): Promise<Result<Account>> {
  const origin = normalizeServerAddress(request.origin)
  if (!origin.ok) return origin
  const redirect = parseLoopbackRedirect(request.redirectUri)
  if (!redirect.ok) return redirect
  if (request.scopes.length === 0)
    return fail('SIGN_IN_FAILED', 'Pick at least one scope to ask for.')
  const metadata = await fetchOAuthMetadata(context.fetch, origin.value)
  if (!metadata.ok) return metadata
  if (!metadata.value) {
    return fail(
      'OAUTH_UNSUPPORTED',
      `${new URL(origin.value).host} does not offer OAuth 2 (no /.well-known/oauth-authorization-server). Use MiAuth or a token.`,
      {
        host: new URL(origin.value).host,
      },
    )
  }
  const { issuer, authorizationEndpoint, tokenEndpoint } = metadata.value
  const pkce = createPkce()
  const state = base64url(randomBytes(24))
  let callback
  const binding = bindingFor(redirect.value)
  try {
    callback = await listenForCallback({
      port: Number(redirect.value.port),
      path: redirect.value.pathname,
      binding,
      accept: (url) => url.searchParams.get('state') === state,
      page: callbackPage(
        'Back in Misskey API Explorer',
        'You can close this tab; the app finishes signing in.',
      ),
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (binding === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) {
      return fail(
        'INVALID_REDIRECT_URI',
        `This computer has no IPv6 loopback (::1), so the browser could not come back to ${redirect.value.host}. Register http://127.0.0.1:${redirect.value.port}${redirect.value.pathname} on your client page and use it instead.`,
        { redirectUri: request.redirectUri },
      )
    }
    return fail(
      'INVALID_REDIRECT_URI',
      `Cannot listen on ${redirect.value.host}: ${(error as Error).message}. Is another program using that port?`,
      {
        redirectUri: request.redirectUri,
      },
    )
  }
  try {
    const page = new URL(authorizationEndpoint)
    page.searchParams.set('response_type', 'code')
    page.searchParams.set('client_id', request.clientId)
    page.searchParams.set('redirect_uri', request.redirectUri)
    page.searchParams.set('scope', request.scopes.join(' '))
    page.searchParams.set('state', state)
    page.searchParams.set('code_challenge', pkce.challenge)
    page.searchParams.set('code_challenge_method', 'S256')
    context.started(page.toString())
    await context.openExternal(page.toString())

    const returned = await Promise.race([
      callback.received,
      new Promise<never>((_, reject) =>
        context.signal.addEventListener(
          'abort',
          () => reject(new Error(String(context.signal.reason))),
          { once: true },
        ),
      ),
    ])
    const error = returned.searchParams.get('error')
    if (error) {
      const description = returned.searchParams.get('error_description')
      return fail(
        'SIGN_IN_FAILED',
        `The server did not grant access: ${error}${description ? ` (${description})` : ''}.`,
      )
    }
    // RFC 9207: the response says which server issued it, so a mix-up with another server shows.
    const iss = returned.searchParams.get('iss')
    if (iss !== null && issuer !== null && iss !== issuer) {
      return fail(
        'SIGN_IN_FAILED',
        `The answer came from ${iss}, not from ${issuer}; it was not used.`,
      )
    }
    const code = returned.searchParams.get('code')
    if (!code) return fail('SIGN_IN_FAILED', 'The server came back without an authorization code.')

    const exchange = await context.fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: request.redirectUri,
        client_id: request.clientId,
        code_verifier: pkce.verifier,
      }),
      redirect: 'manual',
      signal: context.signal,
    })
    const read = await readJsonAnswer(exchange, maxTokenAnswerBytes, 'The token endpoint’s answer')
    if (!read.ok) return read
    const answer = (
      typeof read.value === 'object' && read.value !== null ? read.value : {}
    ) as Record<string, unknown>
    if (!exchange.ok || typeof answer.access_token !== 'string') {
      const reason =
        typeof answer.error === 'string'
          ? `${answer.error}: ${String(answer.error_description ?? '')}`
          : `HTTP ${exchange.status}`
      return fail('SIGN_IN_FAILED', `The token exchange failed (${reason}).`)
    }
    const token = answer.access_token
    // Checked before it goes into a header: fetch would quote a broken one in its error.
    if (!isTokenShaped(token)) return malformedToken('oauth')
    const user = await verifyToken(context.fetch, origin.value, token)
    if (!user.ok) return user
    const granted =
      typeof answer.scope === 'string' ? answer.scope.split(' ').filter(Boolean) : request.scopes
    return context.accounts.save({
      origin: origin.value,
      token,
      user: user.value,
      source: 'oauth',
      permissions: granted,
    })
  } finally {
    callback.close()
  }
}
