import type { Catalog, CatalogEndpoint, RequestSchema } from '../../shared/catalog.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { normalizeServerAddress } from '../server-address.ts'
import type { EndpointDocs } from '../../shared/endpoint-docs.ts'
import { buildCatalog } from './build-catalog.ts'
import { buildEndpointDocs } from './endpoint-docs.ts'
import { isOpenApiDocument, type OpenApiDocument } from './openapi-document.ts'
import { extractRequestSchema } from './request-schema.ts'
import type { SpecCache } from './spec-cache.ts'
import { fetchServerSpec } from './spec-fetcher.ts'

export interface CatalogServiceDependencies {
  fetch: typeof fetch
  cache: SpecCache
  now: () => number
  log: (message: string) => void
  timeoutMs?: number
}

interface OpenedServer {
  document: OpenApiDocument | null
  pathKeys: Map<string, string>
}

export interface CatalogService {
  open(address: string): Promise<Result<Catalog>>
  getRequestSchema(origin: string, endpoint: string): Promise<Result<RequestSchema>>
  getEndpointDocs(origin: string, endpoint: string): Promise<Result<EndpointDocs | null>>
  /** Whether a catalog for this origin was opened in this session (requests need one). */
  isOpen(origin: string): boolean
}

export function createCatalogService(dependencies: CatalogServiceDependencies): CatalogService {
  const opened = new Map<string, OpenedServer>()
  const timeoutMs = dependencies.timeoutMs ?? 20_000

  async function fromCache(origin: string, reason: string): Promise<Result<Catalog> | null> {
    const cached = await dependencies.cache.loadLatest(origin)
    if (!cached) return null
    let document: unknown
    try {
      document = JSON.parse(cached.text)
    } catch {
      return null
    }
    if (!isOpenApiDocument(document)) return null
    const built = buildCatalog(document)
    opened.set(origin, { document, pathKeys: built.pathKeys })
    return ok({
      origin,
      serverVersion: built.serverVersion,
      openapiVersion: built.openapiVersion,
      source: 'cache',
      fetchedAt: cached.fetchedAt,
      namesOnly: false,
      notice: { code: 'OFFLINE_FROM_CACHE', reason },
      endpoints: built.endpoints,
    })
  }

  return {
    async open(address) {
      const normalized = normalizeServerAddress(address)
      if (!normalized.ok) return normalized
      const origin = normalized.value
      const fetched = await fetchServerSpec(origin, { fetch: dependencies.fetch, timeoutMs })
      if (!fetched.ok) {
        const unreachable =
          fetched.error.code === 'SERVER_UNREACHABLE' || fetched.error.code === 'TIMEOUT'
        return (unreachable && (await fromCache(origin, fetched.error.message))) || fetched
      }
      const fetchedAt = dependencies.now()
      if (fetched.value.kind === 'names') {
        opened.set(origin, { document: null, pathKeys: new Map() })
        return ok(namesOnlyCatalog(origin, fetched.value.names, fetched.value.reason, fetchedAt))
      }
      const built = buildCatalog(fetched.value.document)
      opened.set(origin, { document: fetched.value.document, pathKeys: built.pathKeys })
      try {
        await dependencies.cache.save(origin, {
          version: built.serverVersion ?? 'unknown',
          fetchedAt,
          text: fetched.value.text,
        })
      } catch (error) {
        // The catalog still works this session; it just will not open offline later.
        dependencies.log(`could not cache the spec of ${origin}: ${(error as Error).message}`)
      }
      return ok({
        origin,
        serverVersion: built.serverVersion,
        openapiVersion: built.openapiVersion,
        source: 'network',
        fetchedAt,
        namesOnly: false,
        notice: null,
        endpoints: built.endpoints,
      })
    },

    async getRequestSchema(origin, endpoint) {
      const server = opened.get(origin)
      if (!server) {
        return fail('CATALOG_NOT_LOADED', `Open ${origin} before asking for its schemas.`, {
          origin,
        })
      }
      if (!server.document) return ok({ endpoint, schema: null, contentType: 'application/json' })
      const pathKey = server.pathKeys.get(endpoint)
      if (!pathKey) {
        return fail('UNKNOWN_ENDPOINT', `${origin} does not list an endpoint called ${endpoint}.`, {
          origin,
          endpoint,
        })
      }
      return ok(extractRequestSchema(server.document, pathKey, endpoint))
    },

    async getEndpointDocs(origin, endpoint) {
      const server = opened.get(origin)
      if (!server) {
        return fail('CATALOG_NOT_LOADED', `Open ${origin} before asking for its docs.`, { origin })
      }
      // A names-only catalog has no docs to give: say "none", not "error".
      if (!server.document) return ok(null)
      const pathKey = server.pathKeys.get(endpoint)
      if (!pathKey) {
        return fail('UNKNOWN_ENDPOINT', `${origin} does not list an endpoint called ${endpoint}.`, {
          origin,
          endpoint,
        })
      }
      return ok(buildEndpointDocs(server.document, pathKey))
    },

    isOpen(origin) {
      return opened.has(origin)
    },
  }
}

function namesOnlyCatalog(
  origin: string,
  names: string[],
  reason: string,
  fetchedAt: number,
): Catalog {
  const endpoints: CatalogEndpoint[] = [...new Set(names)].sort().map((name) => ({
    name,
    tags: [],
    description: '',
    credentialRequired: null,
    permission: null,
    allowGet: false,
    multipart: false,
    deprecated: false,
    internal: false,
    hasParameters: false,
    sourceUrl: null,
  }))
  return {
    origin,
    serverVersion: null,
    openapiVersion: null,
    source: 'network',
    fetchedAt,
    namesOnly: true,
    notice: { code: 'NAMES_ONLY', reason },
    endpoints,
  }
}
