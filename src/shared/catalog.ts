/** One endpoint as the picker and the docs panel need it; built by main from the server's spec. */
export interface CatalogEndpoint {
  /** The path after `/api/`, e.g. `notes/create`. */
  name: string
  tags: string[]
  /** Markdown, without Misskey's "Credential required / Permission" footer. Empty when none. */
  description: string
  /** Parsed from the description footer; null when the server's spec does not say. */
  credentialRequired: boolean | null
  /** e.g. `write:notes`; null when the endpoint needs no permission or the spec does not say. */
  permission: string | null
  /** The endpoint also answers GET (Misskey's `allowGet`). */
  allowGet: boolean
  /** The body is multipart/form-data (file uploads such as `drive/files/create`). */
  multipart: boolean
  deprecated: boolean
  /**
   * Misskey's "secure" endpoints, for its own web client only ("**Internal Endpoint**" in the
   * spec): a real server refuses app tokens there with ACCESS_DENIED.
   */
  internal: boolean
  /** The request schema declares at least one property. */
  hasParameters: boolean
  /** Link to the endpoint's source, when the spec gives one. */
  sourceUrl: string | null
}

/** Where the catalog came from, so the UI can say whether it is fresh. */
export type CatalogSource = 'network' | 'cache'

export type CatalogNotice =
  { code: 'OFFLINE_FROM_CACHE'; reason: string } | { code: 'NAMES_ONLY'; reason: string }

export interface Catalog {
  /** Normalised server origin, e.g. `https://misskey.io`; the key for every later call. */
  origin: string
  /** `info.version` of the spec (the Misskey version); null when unknown. */
  serverVersion: string | null
  /** `openapi` of the spec (`3.0.x` or `3.1.x`); null for a names-only catalog. */
  openapiVersion: string | null
  source: CatalogSource
  /** Epoch ms at which the spec was fetched from the server. */
  fetchedAt: number
  /** True when the server had no usable /api.json and the names came from /api/endpoints. */
  namesOnly: boolean
  notice: CatalogNotice | null
  endpoints: CatalogEndpoint[]
}

/** A self-contained JSON Schema (every `$ref` points inside it), ready for Monaco. */
export type JsonSchema = Record<string, unknown>

export interface RequestSchema {
  endpoint: string
  /** The body schema, or null when the spec describes none. */
  schema: JsonSchema | null
  contentType: 'application/json' | 'multipart/form-data'
}
