// Reading the self-contained request schemas main builds (`extractRequestSchema`): every `$ref`
// points inside the schema, usually at `#/$defs/Name`. Servers and forks differ, so every keyword
// is read defensively: an odd one degrades one field, never the whole walk.
import type { JsonSchema } from './catalog.ts'

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A server writes these documents, and names such as `constructor`, `toString` or `__proto__`
// are properties of every JavaScript object: look names up as own properties only, and write
// them as own properties (`object[name] = x` with `__proto__` would replace the prototype).

/** `record[key]` when it is the record's own property, else undefined. */
export function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** Sets `record[key]` as an own data property, whatever the key (`__proto__` included). */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** JSON Schema's primitive type names, in the order a placeholder prefers them. */
export const schemaTypeNames = [
  'object',
  'array',
  'string',
  'integer',
  'number',
  'boolean',
  'null',
] as const
export type SchemaTypeName = (typeof schemaTypeNames)[number]

/** Follows a JSON pointer such as `#/$defs/Note` inside `root`; undefined when it leads nowhere. */
export function resolvePointer(root: JsonSchema, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  const pointer = ref.slice(1)
  if (pointer === '') return root
  if (!pointer.startsWith('/')) return undefined
  let node: unknown = root
  for (const raw of pointer.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) node = Object.hasOwn(node, key) ? node[Number(key)] : undefined
    else if (isRecord(node)) node = ownValue(node, key)
    else return undefined
  }
  return node
}

/**
 * The schema a node stands for once its `$ref` chain is followed; keywords written next to a
 * `$ref` (2020-12 allows them) win over the target's. A dangling or cyclic chain gives `{}`,
 * which accepts anything: the rest of the body still gets its placeholders and docs.
 */
export function resolveSchema(root: JsonSchema, node: unknown): JsonSchema {
  if (node === true || node === undefined) return {}
  if (node === false) return { not: {} }
  if (!isRecord(node)) return {}
  let current: Record<string, unknown> = node
  const seen = new Set<string>()
  while (typeof current.$ref === 'string') {
    const { $ref, ...siblings } = current
    if (seen.has($ref)) return siblings
    seen.add($ref)
    const target = resolvePointer(root, $ref)
    if (!isRecord(target)) return siblings
    // The target's own `$ref`, if any, stays in and is followed on the next turn.
    current = { ...target, ...siblings }
  }
  return current
}

/** The `$ref` target's name (`#/$defs/Note` → `Note`), for showing a component as a type. */
export function refName(node: unknown): string | null {
  if (!isRecord(node) || typeof node.$ref !== 'string') return null
  const last = node.$ref.split('/').pop() ?? ''
  const name = decodeURIComponent(last).replace(/~1/g, '/').replace(/~0/g, '~')
  return name === '' || name === '#' ? null : name
}

/**
 * The types a schema allows: its `type` (a name or, in OpenAPI 3.1, a list such as
 * `["string","null"]`), else what its other keywords imply. Empty when nothing says.
 */
export function schemaTypes(schema: JsonSchema): SchemaTypeName[] {
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type]
  const names = declared.filter((name): name is SchemaTypeName =>
    (schemaTypeNames as readonly unknown[]).includes(name),
  )
  if (names.length > 0) return names
  if (isRecord(schema.properties) || Array.isArray(schema.required)) return ['object']
  if (schema.items !== undefined || Array.isArray(schema.prefixItems)) return ['array']
  const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : []
  return [...new Set(values.map(typeOfValue))]
}

export function typeOfValue(value: unknown): SchemaTypeName {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  return 'object'
}

/**
 * One schema from a node and its `allOf` parts (each resolved): properties merged, `required`
 * joined, other keywords from the later part. Enough to sample and document a body, which is
 * all this is used for; validation goes through a real validator.
 */
export function flattenSchema(root: JsonSchema, node: unknown, depth = 0): JsonSchema {
  const schema = resolveSchema(root, node)
  if (!Array.isArray(schema.allOf) || depth > 16) return schema
  const { allOf, ...own } = schema
  let merged: JsonSchema = {}
  for (const part of [...allOf, own]) {
    merged = mergeSchemas(merged, flattenSchema(root, part, depth + 1))
  }
  return merged
}

/** Two schemas as one (the second's keywords win), properties merged and `required` joined. */
export function mergeSchemas(first: JsonSchema, second: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...first, ...second }
  if (isRecord(first.properties) && isRecord(second.properties)) {
    merged.properties = { ...first.properties, ...second.properties }
  }
  const required = [first.required, second.required].flatMap((list) =>
    Array.isArray(list) ? list : [],
  )
  if (required.length > 0) merged.required = [...new Set(required)]
  return merged
}

/** The property names a schema lists as required, strings only. */
export function requiredNames(schema: JsonSchema): string[] {
  return Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : []
}

export function propertiesOf(schema: JsonSchema): Record<string, unknown> {
  return isRecord(schema.properties) ? schema.properties : {}
}
