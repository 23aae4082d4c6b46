// Misskey's error definitions with the ids a real 2025.5.0 server sends (observed.md, api.json).
import type { ApiErrorDef, Json, JsonObject } from './types.ts'

export const INVALID_PARAM: ApiErrorDef = {
  message: 'Invalid param.',
  code: 'INVALID_PARAM',
  id: '3d81ceae-475f-4600-b2a8-2bc116157532',
}

/** Raised while casting multipart/query strings, before schema validation: a different id. */
export const INVALID_PARAM_CAST: ApiErrorDef = {
  message: 'Invalid param.',
  code: 'INVALID_PARAM',
  id: '0b5f1631-7c1a-41a6-b399-cce335f34d85',
}

export const CREDENTIAL_REQUIRED: ApiErrorDef = {
  message: 'Credential required.',
  code: 'CREDENTIAL_REQUIRED',
  id: '1384574d-a912-4b81-8601-c7b1c4085df1',
  httpStatusCode: 401,
}

export const AUTHENTICATION_FAILED: ApiErrorDef = {
  message: 'Authentication failed. Please ensure your token is correct.',
  code: 'AUTHENTICATION_FAILED',
  id: 'b0a7f5f8-dc2f-4171-b91f-de88ad238e14',
  httpStatusCode: 401,
}

export const PERMISSION_DENIED: ApiErrorDef = {
  message: 'Your app does not have the necessary permissions to use this endpoint.',
  code: 'PERMISSION_DENIED',
  id: '1370e5b7-d4eb-4566-bb1d-7748ee6a1838',
  kind: 'permission',
}

export const ROLE_PERMISSION_DENIED_ADMIN: ApiErrorDef = {
  message: 'You are not assigned to an administrator role.',
  code: 'ROLE_PERMISSION_DENIED',
  id: 'c3d38592-54c0-429d-be96-5636b0431a61',
  kind: 'permission',
}

export const ROLE_PERMISSION_DENIED_MODERATOR: ApiErrorDef = {
  message: 'You are not assigned to a moderator role.',
  code: 'ROLE_PERMISSION_DENIED',
  id: 'd33d5333-db36-423d-a8f9-1a2b9549da41',
  kind: 'permission',
}

/** The generic one, for `secure` endpoints called with an app token. */
export const ACCESS_DENIED: ApiErrorDef = {
  message: 'Access denied.',
  code: 'ACCESS_DENIED',
  id: '56f35758-7dd5-468b-8439-5d6fb8ec9b8e',
}

/** admin/accounts/create's own ACCESS_DENIED (not routed by the fake, kept for clients to compare). */
export const ACCESS_DENIED_ACCOUNTS_CREATE: ApiErrorDef = {
  message: 'Access denied.',
  code: 'ACCESS_DENIED',
  id: '1fb7cb09-d46a-4fff-b8df-057708cce513',
}

export const RATE_LIMIT_EXCEEDED: ApiErrorDef = {
  message: 'Rate limit exceeded. Please try again later.',
  code: 'RATE_LIMIT_EXCEEDED',
  id: 'd5826d14-3982-4d2e-8011-b9e9f02499ef',
  httpStatusCode: 429,
}

export const INTERNAL_ERROR: ApiErrorDef = {
  message: 'Internal error occurred. Please contact us if the error persists.',
  code: 'INTERNAL_ERROR',
  id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac',
  kind: 'server',
  httpStatusCode: 500,
}

export const UNKNOWN_API_ENDPOINT: ApiErrorDef = {
  message: 'Unknown API endpoint.',
  code: 'UNKNOWN_API_ENDPOINT',
  id: '2ca3b769-540a-4f08-9dd5-b5a825b6d0f1',
}

export const I_AM_AI: ApiErrorDef = {
  message: "You sent a request to Ai-chan, Misskey's showgirl, instead of the server.",
  code: 'I_AM_AI',
  id: '60c46cd1-f23a-46b1-bebe-5d2b73951a84',
}

/** notes/show's; other note endpoints declare their own NO_SUCH_NOTE ids. */
export const NO_SUCH_NOTE: ApiErrorDef = {
  message: 'No such note.',
  code: 'NO_SUCH_NOTE',
  id: '24fcbfc6-2e37-42b6-8388-c29b3861a08d',
}

const AUTH_FAILED_CHALLENGE = `Bearer realm="Misskey", error="invalid_token", error_description="${AUTHENTICATION_FAILED.message}"`

export class ApiError extends Error {
  readonly def: ApiErrorDef
  readonly info: JsonObject | undefined

  constructor(def: ApiErrorDef, info?: JsonObject) {
    super(def.message)
    this.def = def
    this.info = info
  }

  get kind(): 'client' | 'server' | 'permission' {
    return this.def.kind ?? 'client'
  }

  /** The envelope every Misskey-generated error uses. */
  body(): JsonObject {
    const error: JsonObject = {
      message: this.def.message,
      code: this.def.code,
      id: this.def.id,
      kind: this.kind,
    }
    if (this.info) error.info = this.info
    return { error }
  }
}

export interface ErrorReply {
  status: number
  headers: Record<string, string>
  body: Json
}

/**
 * Status and challenge headers as ApiCallService#sendApiError picks them: a 401 gets the bare
 * realm, a 429 only retry-after, client errors `invalid_request`, and only PERMISSION_DENIED
 * (not ROLE_PERMISSION_DENIED) `insufficient_scope`.
 */
export function errorReply(err: ApiError, now: number = Date.now()): ErrorReply {
  const headers: Record<string, string> = {}
  let status = err.def.httpStatusCode
  if (err.def === AUTHENTICATION_FAILED) {
    headers['www-authenticate'] = AUTH_FAILED_CHALLENGE
  } else if (status === 401) {
    headers['www-authenticate'] = 'Bearer realm="Misskey"'
  } else if (err.def.code === 'RATE_LIMIT_EXCEEDED') {
    const resetMs = err.info?.resetMs
    if (typeof resetMs === 'number') {
      headers['retry-after'] = String(Math.max(Math.ceil((resetMs - now) / 1000), 0))
    }
  } else if (err.kind === 'client') {
    headers['www-authenticate'] =
      `Bearer realm="Misskey", error="invalid_request", error_description="${err.def.message}"`
    status = status ?? 400
  } else if (err.kind === 'permission') {
    if (err.def.code === 'PERMISSION_DENIED') {
      headers['www-authenticate'] =
        `Bearer realm="Misskey", error="insufficient_scope", error_description="${err.def.message}"`
    }
    status = status ?? 403
  }
  return { status: status ?? 500, headers, body: err.body() }
}
