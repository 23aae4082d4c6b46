// Misskey's OAuth 2 provider (since 2023.9), as far as a client sees it: RFC 8414 metadata, the
// authorization page (its transaction id in a <meta>), the decision form the web UI posts with the
// signed-in user's login token, and the token endpoint with mandatory PKCE S256. Like Misskey in
// NODE_ENV=test, it accepts http:// client ids so tests can serve the client page on loopback.
import { createHash, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from './http-body.ts'
import { sendJson } from './http-send.ts'
import { randomString } from './ids.ts'
import { oauthScopes } from './oauth-scopes.ts'
import type { FakeState } from './state.ts'

const WELL_KNOWN_HEADERS: Record<string, string> = {
  'access-control-allow-headers': 'Accept',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Vary',
}

interface Transaction {
  clientId: string
  redirectUri: string
  scopes: string[]
  state: string | null
  codeChallenge: string
}

interface Grant {
  clientId: string
  redirectUri: string
  scopes: string[]
  codeChallenge: string
  userId: string
}

export class FakeOAuth {
  private readonly transactions = new Map<string, Transaction>()
  private readonly codes = new Map<string, Grant>()
  /** Off: answer 404 on the metadata, as servers before 2023.9 do. */
  enabled = true
  private readonly state: FakeState
  private readonly origin: () => string

  // Plain fields, not parameter properties: Node runs this file with type stripping only.
  constructor(state: FakeState, origin: () => string) {
    this.state = state
    this.origin = origin
  }

  /** Answers the OAuth routes; false for anything else. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname
    if (path === '/.well-known/oauth-authorization-server' && req.method === 'GET') {
      if (!this.enabled) return false
      sendJson(res, 200, this.metadata(), WELL_KNOWN_HEADERS)
      return true
    }
    if (!this.enabled || !path.startsWith('/oauth/')) return false
    if (path === '/oauth/authorize' && req.method === 'GET') await this.authorize(url, res)
    else if (path === '/oauth/decision' && req.method === 'POST') await this.decision(req, res)
    else if (path === '/oauth/token' && req.method === 'POST') await this.token(req, res)
    else return false
    return true
  }

  private metadata() {
    const origin = this.origin()
    return {
      issuer: origin,
      authorization_endpoint: `${origin}/oauth/authorize`,
      token_endpoint: `${origin}/oauth/token`,
      scopes_supported: oauthScopes,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      service_documentation: 'https://misskey-hub.net',
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    }
  }

  private async authorize(url: URL, res: ServerResponse): Promise<void> {
    const query = url.searchParams
    const invalid = (description: string, error = 'invalid_request') =>
      sendJson(res, 400, { error, error_description: description }, {}, 'application/json')
    if (query.get('response_type') !== 'code')
      return invalid(`Missing required parameter: response_type`)
    const clientId = query.get('client_id') ?? ''
    if (!/^https?:\/\//.test(clientId)) return invalid('client_id must be a valid HTTPS URL')
    const codeChallenge = query.get('code_challenge')
    if (!codeChallenge || query.get('code_challenge_method') !== 'S256') {
      return invalid('`code_challenge` and `code_challenge_method=S256` are required')
    }
    const scopes = [...new Set((query.get('scope') ?? '').split(' '))].filter((s) =>
      oauthScopes.includes(s),
    )
    if (scopes.length === 0) return invalid('`scope` parameter has no known scope', 'invalid_scope')
    const client = await fetchClientPage(clientId)
    if (!client) return invalid('Failed to fetch client information')
    const redirectUri = query.get('redirect_uri') ?? ''
    if (!client.redirectUris.includes(redirectUri)) return invalid('Invalid redirect_uri')
    const transactionId = randomString(8)
    this.transactions.set(transactionId, {
      clientId,
      redirectUri,
      scopes,
      state: query.get('state'),
      codeChallenge,
    })
    const html = `<!DOCTYPE html><html><head><meta name="misskey:oauth:transaction-id" content="${transactionId}"><meta name="misskey:oauth:client-name" content="${escapeHtml(client.name)}"><meta name="misskey:oauth:scope" content="${scopes.join(' ')}"><title>Misskey</title></head><body><div id="misskey_app"></div></body></html>`
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(html)),
    })
    res.end(html)
  }

  private async decision(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(req, 1024 * 1024)).bytes.toString('utf8'))
    const transaction = this.transactions.get(form.get('transaction_id') ?? '')
    const user = [...this.state.users.values()].find((u) => u.token === form.get('login_token'))
    if (!transaction || !user) {
      sendJson(
        res,
        400,
        { error: 'invalid_request', error_description: 'Invalid transaction' },
        {},
        'application/json',
      )
      return
    }
    this.transactions.delete(form.get('transaction_id') ?? '')
    const location = new URL(transaction.redirectUri)
    if (form.get('cancel')) {
      location.searchParams.set('error', 'access_denied')
    } else {
      const code = randomString(16)
      this.codes.set(code, { ...transaction, userId: user.id })
      location.searchParams.set('code', code)
    }
    if (transaction.state !== null) location.searchParams.set('state', transaction.state)
    location.searchParams.set('iss', this.origin())
    res.writeHead(302, { location: location.toString(), 'content-length': '0' })
    res.end()
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = (await readBody(req, 1024 * 1024)).bytes.toString('utf8')
    const json = (req.headers['content-type'] ?? '').includes('json')
    const form = json
      ? new URLSearchParams(JSON.parse(text || '{}') as Record<string, string>)
      : new URLSearchParams(text)
    const grantType = form.get('grant_type')
    if (grantType !== 'authorization_code') {
      sendJson(
        res,
        501,
        {
          error: 'unsupported_grant_type',
          error_description: `Unsupported grant type: ${grantType ?? 'undefined'}`,
        },
        {},
        'application/json',
      )
      return
    }
    const code = form.get('code') ?? ''
    const grant = this.codes.get(code)
    // A code is good for one attempt, successful or not (as in Misskey's own tests).
    this.codes.delete(code)
    const verifier = form.get('code_verifier') ?? ''
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    if (
      !grant ||
      grant.clientId !== form.get('client_id') ||
      grant.redirectUri !== form.get('redirect_uri') ||
      challenge !== grant.codeChallenge
    ) {
      sendJson(
        res,
        403,
        { error: 'invalid_grant', error_description: 'Invalid authorization code' },
        {},
        'application/json',
      )
      return
    }
    const token = this.state.createAppToken(grant.userId, grant.scopes, null)
    const record = this.state.appTokens.get(token)
    if (record) record.name = `OAuth ${randomUUID().slice(0, 8)}`
    sendJson(
      res,
      200,
      { access_token: token, token_type: 'Bearer', scope: grant.scopes.join(' ') },
      { 'cache-control': 'no-store' },
    )
  }
}

/** IndieAuth client discovery: the client page lists its redirect URIs and its name. */
async function fetchClientPage(
  clientId: string,
): Promise<{ redirectUris: string[]; name: string } | null> {
  try {
    const response = await fetch(clientId, { signal: AbortSignal.timeout(5000) })
    const html = await response.text()
    const redirectUris = [...html.matchAll(/<link[^>]+rel="redirect_uri"[^>]+href="([^"]+)"/g)].map(
      (match) => new URL(match[1] ?? '', clientId).toString(),
    )
    const name = /class="p-name"[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? clientId
    return { redirectUris, name }
  } catch {
    return null
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}
