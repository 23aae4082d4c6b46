// Our own OpenAPI 3.1.0 document, in the exact shape of the one Misskey 2025.5.0 serves at /api.json.
import { endpointDefs } from './endpoints.ts'
import { metaSchemas } from './schemas-meta.ts'
import { meSchemas } from './schemas-me.ts'
import { noteSchemas } from './schemas-note.ts'
import { userSchemas } from './schemas-user.ts'
import { buildOperation } from './spec-operation.ts'
import type { JsonObject } from './types.ts'

export const FAKE_VERSION = '2025.5.0-fake'

/** Every endpoint name the fake routes, in /api/endpoints order. */
export const fakeEndpointNames: string[] = endpointDefs.map((def) => def.name)

export function buildFakeSpec(origin: string): Record<string, unknown> {
  const paths: JsonObject = {}
  for (const def of endpointDefs) {
    // The real document lists `get` before `post`.
    const item: JsonObject = def.allowGet ? { get: buildOperation(def, 'get') } : {}
    item.post = buildOperation(def, 'post')
    paths[`/${def.name}`] = item
  }
  const { Error: errorSchema, ...otherNoteSchemas } = noteSchemas
  const spec: JsonObject = {
    openapi: '3.1.0',
    info: { version: FAKE_VERSION, title: 'Misskey API' },
    externalDocs: { description: 'Repository', url: 'https://github.com/misskey-dev/misskey' },
    servers: [{ url: `${origin}/api` }],
    paths,
    components: {
      schemas: {
        ...(errorSchema ? { Error: errorSchema } : {}),
        ...userSchemas,
        ...meSchemas,
        ...otherNoteSchemas,
        ...metaSchemas,
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  }
  // A fresh deep copy each time: callers may mutate it, and defs share sub-schemas.
  return structuredClone(spec)
}
