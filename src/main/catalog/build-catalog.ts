import type { CatalogEndpoint } from '../../shared/catalog.ts'
import { readMisskeyDescription } from './misskey-description.ts'
import {
  endpointNameFromPath,
  isObject,
  primaryOperation,
  requestBodyContent,
  resolveLocalRef,
  serversIncludeApi,
  sourceUrlOf,
  type OpenApiDocument,
} from './openapi-document.ts'

export interface BuiltCatalog {
  openapiVersion: string
  serverVersion: string | null
  endpoints: CatalogEndpoint[]
  /** Endpoint name → path key in the document, to find an endpoint's schema later. */
  pathKeys: Map<string, string>
}

/**
 * Turns a server's OpenAPI document into the compact catalog the picker shows. Keyed by path,
 * not by operationId: forks and older servers repeat operationIds.
 */
export function buildCatalog(document: OpenApiDocument): BuiltCatalog {
  const includesApi = serversIncludeApi(document)
  const endpoints: CatalogEndpoint[] = []
  const pathKeys = new Map<string, string>()
  for (const [pathKey, pathItem] of Object.entries(document.paths)) {
    const operation = primaryOperation(pathItem)
    if (!operation) continue
    const name = endpointNameFromPath(pathKey, includesApi)
    if (pathKeys.has(name)) continue
    pathKeys.set(name, pathKey)
    endpoints.push(describeEndpoint(document, name, pathItem as Record<string, unknown>, operation))
  }
  endpoints.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const version = isObject(document.info) ? document.info.version : undefined
  return {
    openapiVersion: document.openapi,
    serverVersion: typeof version === 'string' && version !== '' ? version : null,
    endpoints,
    pathKeys,
  }
}

function describeEndpoint(
  document: OpenApiDocument,
  name: string,
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
): CatalogEndpoint {
  const facts = readMisskeyDescription(operation.description)
  const body = requestBodyContent(operation)
  const schema = body ? resolveLocalRef(document, body.schema) : null
  return {
    name,
    tags: Array.isArray(operation.tags)
      ? operation.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    description: facts.text,
    credentialRequired: facts.credentialRequired ?? credentialFromSecurity(operation),
    permission: facts.permission,
    allowGet: isObject(pathItem.get),
    multipart: body?.contentType === 'multipart/form-data',
    deprecated: operation.deprecated === true,
    internal: facts.internal,
    hasParameters:
      isObject(schema) && isObject(schema.properties) && Object.keys(schema.properties).length > 0,
    sourceUrl: sourceUrlOf(operation),
  }
}

/** Forks without the description footer may still list `security` on the operation. */
function credentialFromSecurity(operation: Record<string, unknown>): boolean | null {
  if (!Array.isArray(operation.security)) return null
  return operation.security.length > 0
}
