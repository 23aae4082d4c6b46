// Shared shapes of the fake server. Only erasable TypeScript (Node runs these files by type stripping).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export interface FakeUser {
  id: string
  username: string
  token: string
}

export type TokenSource = 'header' | 'body' | 'form' | 'query'

export interface ReceivedRequest {
  method: string
  /** Path with its query string, as sent. */
  path: string
  /** Header names lowercased; repeated headers joined with ', '. */
  headers: Record<string, string>
  bodyText: string
  /** The parsed body when it was parsed as JSON, else undefined. */
  json: unknown
  /** The token the server used, whichever transport carried it. */
  token: string | null
  tokenSource: TokenSource | null
  receivedAt: number
}

export type FailureKind = 'internal-error' | 'hang'

export interface RateLimit {
  /** Window length in ms for `max`. */
  duration?: number
  max?: number
  /** Minimum ms between two calls of the same actor. */
  minInterval?: number
}

export interface ApiErrorDef {
  message: string
  code: string
  id: string
  kind?: 'client' | 'server' | 'permission'
  httpStatusCode?: number
}

/** An endpoint as Misskey's `meta` + `paramDef` describe it, with schemas in OpenAPI 3.1 form. */
export interface EndpointDef {
  name: string
  tags: string[]
  description?: string
  requireCredential: boolean
  /** The permission an app token needs (Misskey calls it `kind`). */
  kind?: string
  secure?: boolean
  requireAdmin?: boolean
  requireFile?: boolean
  allowGet?: boolean
  cacheSec?: number
  limit?: RateLimit
  /** Endpoint-specific errors, listed in the spec's 400 examples before INVALID_PARAM. */
  errors?: ApiErrorDef[]
  params: JsonObject
  /** Schema of the 200 body; absent means the endpoint answers 204. */
  res?: JsonObject
  /** The endpoint may also answer 204 (Misskey's nullable `res`). */
  resNullable?: boolean
}
