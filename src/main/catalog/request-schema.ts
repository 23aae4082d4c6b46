import type { JsonSchema, RequestSchema } from '../../shared/catalog.ts'
import { setOwn } from '../../shared/schema-walk.ts'
import {
  componentNameOf,
  isObject,
  primaryOperation,
  requestBodyContent,
  type JsonObject,
  type OpenApiDocument,
} from './openapi-document.ts'

// Keywords whose value is one schema, a list of schemas, or a map of schemas.
const singleSchemaKeys = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
]
const schemaListKeys = ['allOf', 'anyOf', 'oneOf', 'prefixItems']
const schemaMapKeys = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]

/**
 * The body schema of one endpoint as a self-contained JSON Schema for Monaco: the components it
 * refers to (transitively) are copied under `$defs`, and OpenAPI 3.0's `nullable` becomes the
 * JSON Schema spelling (a `null` type), so 3.0 and 3.1 servers validate the same way.
 */
export function extractRequestSchema(
  document: OpenApiDocument,
  pathKey: string,
  endpoint: string,
): RequestSchema {
  const operation = primaryOperation(document.paths[pathKey])
  const body = operation ? requestBodyContent(operation) : null
  if (!body || body.schema === undefined) {
    return { endpoint, schema: null, contentType: body?.contentType ?? 'application/json' }
  }
  const schema = selfContainedSchema(document, body.schema)
  return { endpoint, schema, contentType: body.contentType }
}

/**
 * One schema node of the document (a request body or a response) as a self-contained JSON Schema:
 * the components it refers to (transitively) are copied under `$defs`, named as in the document.
 */
export function selfContainedSchema(document: OpenApiDocument, node: unknown): JsonSchema {
  const components = isObject(document.components?.schemas) ? document.components.schemas : {}
  const wanted: string[] = []
  const rewrite = (value: unknown): unknown =>
    normalizeNode(value, (name) => {
      if (!wanted.includes(name)) wanted.push(name)
    })
  const root = rewrite(node) as JsonSchema
  const definitions: JsonObject = {}
  for (let index = 0; index < wanted.length; index++) {
    const name = wanted[index] as string
    // An unknown component becomes an empty schema: the rest of the body still validates.
    // Own properties only: `constructor` or `__proto__` is not a component of every document.
    setOwn(definitions, name, Object.hasOwn(components, name) ? rewrite(components[name]) : {})
  }
  const schema = isObject(root) ? root : {}
  return wanted.length > 0
    ? { ...schema, $defs: { ...(isObject(schema.$defs) ? schema.$defs : {}), ...definitions } }
    : schema
}

function normalizeNode(node: unknown, onComponent: (name: string) => void): unknown {
  if (Array.isArray(node)) return node.map((item) => normalizeNode(item, onComponent))
  if (!isObject(node)) return node
  const result: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = componentNameOf(value)
      if (name !== null) {
        onComponent(name)
        result.$ref = `#/$defs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`
      } else {
        result.$ref = value
      }
    } else if (singleSchemaKeys.includes(key)) {
      setOwn(result, key, normalizeNode(value, onComponent))
    } else if (schemaListKeys.includes(key) && Array.isArray(value)) {
      setOwn(
        result,
        key,
        value.map((item) => normalizeNode(item, onComponent)),
      )
    } else if (schemaMapKeys.includes(key) && isObject(value)) {
      // fromEntries defines own properties, so a property called `__proto__` stays a property.
      setOwn(
        result,
        key,
        Object.fromEntries(
          Object.entries(value).map(([name, schema]) => [name, normalizeNode(schema, onComponent)]),
        ),
      )
    } else if (key !== 'nullable') {
      // `__proto__` written as a keyword stays an (unknown, ignored) keyword.
      setOwn(result, key, value)
    }
  }
  return node.nullable === true ? makeNullable(result) : result
}

/** OpenAPI 3.0 `nullable: true` in JSON Schema terms. */
function makeNullable(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') {
    const nullable: JsonObject = { ...schema, type: [schema.type, 'null'] }
    if (Array.isArray(schema.enum) && !schema.enum.includes(null))
      nullable.enum = [...schema.enum, null]
    return nullable
  }
  if (Array.isArray(schema.type)) {
    return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] }
  }
  return { anyOf: [schema, { type: 'null' }] }
}
