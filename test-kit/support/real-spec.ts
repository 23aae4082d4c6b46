import { readFileSync } from 'node:fs'
import type { RequestSchema } from '../../src/shared/catalog.ts'
import type { OpenApiDocument } from '../../src/main/catalog/openapi-document.ts'
import { buildCatalog } from '../../src/main/catalog/build-catalog.ts'
import { extractRequestSchema } from '../../src/main/catalog/request-schema.ts'
import { buildFakeSpec } from '../fake-misskey/spec.ts'
import { sharedFixture } from './shared-fixtures.ts'

// Unit tests of src/shared run in Node but may not import Node themselves (lint keeps that
// folder pure); they reach the real spec and the fake's through here.

let realDocument: OpenApiDocument | null | undefined

/** The real Misskey 2025.5.0 api.json, parsed once; null where ../shared is not present. */
export function readRealSpec(): OpenApiDocument | null {
  if (realDocument === undefined) {
    const path = sharedFixture('api.json')
    realDocument = path ? (JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument) : null
  }
  return realDocument
}

/** The catalog main builds from a document (the real one, the fake's), for tests of src/shared. */
export function catalogEndpointsOf(document: OpenApiDocument | null) {
  return document ? buildCatalog(document).endpoints : []
}

/** Another JSON file of the shared Misskey material, parsed; null where it is not present. */
export function readSharedJson(name: string): unknown {
  const path = sharedFixture(name)
  return path ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : null
}

export function fakeSpec(): OpenApiDocument {
  return buildFakeSpec('http://127.0.0.1:3000') as OpenApiDocument
}

/** Every endpoint's self-contained request schema, as main hands it to the renderer. */
export function requestSchemasOf(document: OpenApiDocument): RequestSchema[] {
  return Object.keys(document.paths).map((pathKey) =>
    extractRequestSchema(document, pathKey, pathKey.replace(/^\//, '')),
  )
}
