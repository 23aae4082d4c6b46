import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalServer, type LocalServer } from '../../../test-kit/support/local-server.ts'
import type { JsonSchema } from '../../shared/catalog.ts'
import { createSchemaChecker } from '../../shared/schema-check.ts'
import { sampleDefaultsBody, sampleRequiredBody } from '../../shared/schema-sample.ts'
import { createCatalogService, type CatalogService } from './catalog-service.ts'
import { createSpecCache } from './spec-cache.ts'

// A server controls its /api.json. Names such as `constructor` and `__proto__` are properties of
// every JavaScript object, and a `pattern` can describe a 50-million-character string: neither
// may hang main, break what it sends the page over IPC, or change a schema's meaning.
const body = (schema: string) =>
  `{"post":{"requestBody":{"content":{"application/json":{"schema":${schema}}}},"responses":{"200":{"content":{"application/json":{"schema":${schema}}}}}}}`
// Written as text: JSON.parse makes `"__proto__"` an own property, as it does for a real server.
const hostileSpec = `{
  "openapi": "3.1.0",
  "info": { "version": "2025.5.0-hostile" },
  "servers": [{ "url": "http://server/api" }],
  "paths": {
    "/refs-to-object-builtins": ${body(`{"type":"object","properties":{
      "a":{"$ref":"#/components/schemas/constructor"},
      "b":{"$ref":"#/components/schemas/__proto__"},
      "c":{"$ref":"#/components/schemas/toString"},
      "d":{"$ref":"#/components/schemas/Real"}},"required":["a","b","c","d"]}`)},
    "/whole-body-is-constructor": ${body(`{"$ref":"#/components/schemas/constructor"}`)},
    "/proto-as-keyword": ${body(`{"type":"object","__proto__":{"required":["injected"],"properties":{"injected":{"type":"string","minLength":3}}},"properties":{"x":{"type":"string"}}}`)},
    "/proto-as-property": ${body(`{"type":"object","properties":{"__proto__":{"type":"string","default":"kept"},"constructor":{"type":"integer","default":1}},"required":["__proto__","constructor","hasOwnProperty"]}`)},
    "/x-huge-pattern": ${body(`{"type":"object","properties":{"code":{"type":"string","pattern":"a{50000000}"}},"required":["code"]}`)}
  },
  "components": { "schemas": { "Real": { "type": "string", "default": "real" } } }
}`

let server: LocalServer
let folder: string
let catalog: CatalogService

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    request.resume()
    response.writeHead(200, { 'content-type': 'application/json' }).end(hostileSpec)
  })
  folder = await mkdtemp(join(tmpdir(), 'hostile-spec-'))
  catalog = createCatalogService({
    fetch,
    cache: createSpecCache(join(folder, 'cache')),
    now: Date.now,
    log: () => undefined,
  })
  expect(await catalog.open(server.origin)).toMatchObject({ ok: true })
})

afterAll(async () => {
  await server.close()
  await rm(folder, { recursive: true, force: true })
})

/**
 * What the page receives: the Result after Electron's structured clone (a function throws). Main
 * reads the same objects before that, so they must be plain throughout: no function, and no
 * prototype but Object's or Array's (a `__proto__` key made one schema inherit another's rules).
 */
function overIpc<T>(value: T): T {
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'function') throw new Error(`a function at ${path}`)
    if (typeof node !== 'object' || node === null) return
    const prototype = Object.getPrototypeOf(node) as unknown
    if (prototype !== Object.prototype && prototype !== Array.prototype) {
      throw new Error(`an odd prototype at ${path}`)
    }
    for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`)
  }
  walk(value, 'result')
  return structuredClone(value)
}

async function schemaOf(endpoint: string): Promise<JsonSchema> {
  const result = overIpc(await catalog.getRequestSchema(server.origin, endpoint))
  if (!result.ok) throw new Error(result.error.message)
  return result.value.schema as JsonSchema
}

describe('a hostile api.json', () => {
  it('treats $refs to constructor, __proto__ and toString as unknown components', async () => {
    const schema = await schemaOf('refs-to-object-builtins')
    const definitions = schema.$defs as Record<string, unknown>
    expect(Object.getPrototypeOf(definitions)).toBe(Object.prototype)
    expect(Object.keys(definitions).sort()).toEqual([
      'Real',
      '__proto__',
      'constructor',
      'toString',
    ])
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(Object.getOwnPropertyDescriptor(definitions, name)?.value).toEqual({})
    }
    expect(sampleDefaultsBody(schema)).toMatchObject({ d: 'real' })
    const docs = overIpc(await catalog.getEndpointDocs(server.origin, 'refs-to-object-builtins'))
    expect(docs).toMatchObject({ ok: true, value: { endpoint: 'refs-to-object-builtins' } })
    expect(
      overIpc(await catalog.getEndpointDocs(server.origin, 'whole-body-is-constructor')),
    ).toMatchObject({ ok: true })
  })

  it('keeps a `__proto__` keyword a plain (ignored) keyword, never the schema’s prototype', async () => {
    const schema = await schemaOf('proto-as-keyword')
    expect(Object.getPrototypeOf(schema)).toBe(Object.prototype)
    // Had it become the prototype, `injected` would be required through inheritance.
    expect(schema.required).toBeUndefined()
    expect(sampleRequiredBody(schema)).toEqual({})
    // Main's docs read the schema before any IPC: no inherited `required`, no `injected` row.
    const docs = overIpc(await catalog.getEndpointDocs(server.origin, 'proto-as-keyword'))
    if (!docs.ok || !docs.value) throw new Error('no docs')
    expect(docs.value.parameters.map((row) => [row.name, row.required])).toEqual([['x', 'no']])
  })

  it('samples fields named __proto__ and constructor as the fields they are', async () => {
    const schema = await schemaOf('proto-as-property')
    const sample = sampleRequiredBody(schema)
    expect(Object.getPrototypeOf(sample)).toBe(Object.prototype)
    expect(JSON.parse(JSON.stringify(sample))).toEqual(
      JSON.parse('{"__proto__":"kept","constructor":1,"hasOwnProperty":null}'),
    )
  })

  it('gives a huge pattern a short placeholder instead of generating it', async () => {
    const schema = await schemaOf('x-huge-pattern')
    const sample = sampleRequiredBody(schema)
    expect(JSON.stringify(sample).length).toBeLessThan(20_000)
    // The placeholder is the generic one: the user sees the field to fill, not 50 MB.
    expect(sample).toEqual({ code: 'example' })
    // The schema checker itself still answers for the field.
    expect(createSchemaChecker(schema).matches({ code: 'aaa' }, schema)).toBe(false)
  })
})
