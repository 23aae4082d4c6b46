// Just enough of OpenAPI 3.0 / 3.1 to walk a Misskey spec. Servers and forks differ, so every
// field is read defensively: a missing or odd field degrades one endpoint, never the catalog.

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface OpenApiDocument extends JsonObject {
  openapi: string
  paths: JsonObject
  info?: JsonObject
  servers?: unknown
  components?: JsonObject
}

export function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  return isObject(value) && typeof value.openapi === 'string' && isObject(value.paths)
}

/** Misskey's path keys leave out `/api` (its `servers[0].url` ends in `/api`); tolerate forks that don't. */
export function endpointNameFromPath(pathKey: string, serversIncludeApi: boolean): string {
  const name = pathKey.replace(/^\/+/, '')
  return !serversIncludeApi && name.startsWith('api/') ? name.slice(4) : name
}

export function serversIncludeApi(document: OpenApiDocument): boolean {
  const first = Array.isArray(document.servers) ? document.servers[0] : undefined
  const url = isObject(first) && typeof first.url === 'string' ? first.url : ''
  // No servers entry at all: assume Misskey's own layout.
  return url === '' || /\/api\/?$/.test(url)
}

/** The operation a Misskey client calls: POST, or GET for the few GET-only entries. */
export function primaryOperation(pathItem: unknown): JsonObject | null {
  if (!isObject(pathItem)) return null
  if (isObject(pathItem.post)) return pathItem.post
  if (isObject(pathItem.get)) return pathItem.get
  return null
}

export const requestContentTypes = ['application/json', 'multipart/form-data'] as const
export type RequestContentType = (typeof requestContentTypes)[number]

export function requestBodyContent(
  operation: JsonObject,
): { contentType: RequestContentType; schema: unknown } | null {
  const requestBody = operation.requestBody
  if (!isObject(requestBody) || !isObject(requestBody.content)) return null
  for (const contentType of requestContentTypes) {
    const media = requestBody.content[contentType]
    if (isObject(media)) return { contentType, schema: media.schema }
  }
  return null
}

/** The operation's `externalDocs` link (Misskey: its source file), when it is http(s). */
export function sourceUrlOf(operation: JsonObject): string | null {
  const externalDocs = operation.externalDocs
  return isObject(externalDocs) &&
    typeof externalDocs.url === 'string' &&
    /^https?:\/\//.test(externalDocs.url)
    ? externalDocs.url
    : null
}

/** Follows one `#/components/schemas/X` reference; anything else is returned as is. */
export function resolveLocalRef(document: OpenApiDocument, schema: unknown): unknown {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return schema
  const name = componentNameOf(schema.$ref)
  const schemas = isObject(document.components?.schemas) ? document.components.schemas : {}
  return name === null || !Object.hasOwn(schemas, name) ? schema : schemas[name]
}

export function componentNameOf(ref: string): string | null {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref)
  return match?.[1] ? decodeURIComponent(match[1].replace(/~1/g, '/').replace(/~0/g, '~')) : null
}
