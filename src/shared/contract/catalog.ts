// catalog.* — a server's endpoint catalog; answered by main's catalog service.
import * as v from 'valibot'
import type { Catalog, RequestSchema } from '../catalog.ts'
import type { EndpointDocs } from '../endpoint-docs.ts'
import type { Result } from '../result.ts'
import {
  addressSchema,
  endpointNameSchema,
  originSchema,
  type ArgumentSchemasFor,
} from './common-schemas.ts'

export interface CatalogMethods {
  /** Normalise a typed server address, fetch its spec (or the cached one) and build the catalog. */
  'catalog.open'(address: string): Promise<Result<Catalog>>
  /** The body schema of one endpoint of a catalog opened before, self-contained for Monaco. */
  'catalog.getRequestSchema'(origin: string, endpoint: string): Promise<Result<RequestSchema>>
  /** The docs panel's data for one endpoint; null for a names-only catalog. */
  'catalog.getEndpointDocs'(origin: string, endpoint: string): Promise<Result<EndpointDocs | null>>
}

export const catalogArgumentSchemas = {
  'catalog.open': v.strictTuple([addressSchema]),
  'catalog.getRequestSchema': v.strictTuple([originSchema, endpointNameSchema]),
  'catalog.getEndpointDocs': v.strictTuple([originSchema, endpointNameSchema]),
} satisfies ArgumentSchemasFor<CatalogMethods>
