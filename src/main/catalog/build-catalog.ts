import type { CatalogEndpoint } from '../../shared/catalog.ts'
import { operationFacts } from './operation-facts.ts'
import {
  endpointNameFromPath,
  isObject,
  primaryOperation,
  requestBodyContent,
  resolveLocalRef,
  serversIncludeApi,
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
  const facts = operationFacts(pathItem, operation)
  const body = requestBodyContent(operation)
  const schema = body ? resolveLocalRef(document, body.schema) : null
  return {
    name,
    tags: facts.tags,
    description: facts.description,
    credentialRequired: facts.credentialRequired,
    permission: facts.permission,
    allowGet: facts.allowGet,
    multipart: facts.contentType === 'multipart/form-data',
    deprecated: facts.deprecated,
    internal: facts.internal,
    hasParameters:
      isObject(schema) && isObject(schema.properties) && Object.keys(schema.properties).length > 0,
    sourceUrl: facts.sourceUrl,
  }
}
