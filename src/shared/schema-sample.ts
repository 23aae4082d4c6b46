// Starter bodies built from an endpoint's request schema: "fill in what is required" and "show me
// every default". Written here rather than taken from a sampler package: openapi-sampler and
// json-schema-library both ignore Misskey's body-level `anyOf: [{required: [...]}, ...]` (so
// `users/show` came out as an invalid `{}`) and `minLength` (`admin/ad/create` got `url: ""`).
// Every candidate is checked with a real validator, so what comes out validates where the schema
// allows it at all.
import { parseBodyText } from './body-text.ts'
import type { JsonSchema } from './catalog.ts'
import { ok, type Result } from './result.ts'
import { createSchemaChecker, type SchemaChecker } from './schema-check.ts'
import { placeholderNumber, placeholderString } from './schema-placeholders.ts'
import {
  flattenSchema,
  isRecord,
  mergeSchemas,
  ownValue,
  propertiesOf,
  requiredNames,
  schemaTypes,
  setOwn,
  type SchemaTypeName,
} from './schema-walk.ts'

/** `required`: only what the schema requires. `defaults`: that plus every field with a default. */
export type SampleMode = 'required' | 'defaults'

/** A body with only the required fields, each with a placeholder of the right type. */
export function sampleRequiredBody(schema: JsonSchema | null): Record<string, unknown> {
  return sampleBody(schema, 'required')
}

/** A body with every field that has a default (at its default), plus the required ones. */
export function sampleDefaultsBody(schema: JsonSchema | null): Record<string, unknown> {
  return sampleBody(schema, 'defaults')
}

export function sampleBody(schema: JsonSchema | null, mode: SampleMode): Record<string, unknown> {
  if (!schema) return {}
  const sampler: Sampler = { root: schema, mode, check: createSchemaChecker(schema) }
  const value = sampleValue(sampler, schema, 0, 0)
  return isRecord(value) ? value : {}
}

/**
 * The user's body with the sample's fields added where missing; what they typed wins, nested
 * objects are completed the same way, arrays are left as typed. The text may be JSON5; the
 * result is JSON with two-space indentation (JSON5 comments do not survive).
 */
export function mergeIntoBody(
  existingText: string,
  sample: Record<string, unknown>,
): Result<string> {
  const existing = parseBodyText(existingText)
  if (!existing.ok) return existing
  return ok(JSON.stringify(addMissing(existing.value.value, sample), null, 2))
}

function addMissing(
  typed: Record<string, unknown>,
  sample: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...typed }
  for (const [key, value] of Object.entries(sample)) {
    const mine = ownValue(typed, key)
    if (!Object.hasOwn(typed, key)) setOwn(merged, key, value)
    else if (isRecord(mine) && isRecord(value)) setOwn(merged, key, addMissing(mine, value))
  }
  return merged
}

interface Sampler {
  root: JsonSchema
  mode: SampleMode
  check: SchemaChecker
}

// Deep enough for any real body; it stops a required `$ref` cycle (A needs B needs A).
const maxDepth = 12
const maxItems = 64
// A placeholder shows which type goes there; these are the types it tries first.
const typePreference: SchemaTypeName[] = ['object', 'string', 'integer', 'number', 'boolean']

function sampleValue(sampler: Sampler, node: unknown, depth: number, variant: number): unknown {
  if (depth > maxDepth) return null
  const schema = flattenSchema(sampler.root, node)
  if ('const' in schema) return copy(schema.const)
  if (schema.default !== undefined) return copy(schema.default)
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return copy(pickEnum(schema.enum, variant))
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    return sampleAlternatives(sampler, node, schema, alternatives, depth, variant)
  }
  const types = schemaTypes(schema)
  const type = typePreference.find((name) => types.includes(name)) ?? types[0]
  switch (type) {
    case 'object':
      return sampleObject(sampler, schema, depth)
    case 'array':
      return sampleArray(sampler, schema, depth)
    case 'string':
      return placeholderString(schema, sampler.check, variant)
    case 'integer':
    case 'number':
      return placeholderNumber(schema, type === 'integer', sampler.check, variant)
    case 'boolean':
      return variant % 2 === 1
    default:
      // `null`, or a schema that says nothing about its type.
      return null
  }
}

/** A real value rather than null when the enum has one (3.1 specs list `null` first). */
function pickEnum(values: unknown[], variant: number): unknown {
  const real = values.filter((value) => value !== null)
  const choices = real.length > 0 ? real : values
  return choices[variant % choices.length]
}

/**
 * anyOf / oneOf: each branch merged into the rest of the schema, the first whose sample satisfies
 * the whole node wins. A bare `{type: "null"}` branch (OpenAPI 3.0 `nullable` on a `$ref`) is
 * tried last, so a placeholder shows the real shape.
 */
function sampleAlternatives(
  sampler: Sampler,
  node: unknown,
  schema: JsonSchema,
  alternatives: unknown[],
  depth: number,
  variant: number,
): unknown {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema
  const onlyNull = (branch: unknown) => {
    const types = schemaTypes(flattenSchema(sampler.root, branch))
    return types.length === 1 && types[0] === 'null'
  }
  const ordered = [
    ...alternatives.filter((branch) => !onlyNull(branch)),
    ...alternatives.filter(onlyNull),
  ]
  let first: unknown
  for (const [index, branch] of ordered.entries()) {
    const merged = mergeSchemas(rest, flattenSchema(sampler.root, branch))
    const value = sampleValue(sampler, merged, depth + 1, variant)
    if (index === 0) first = value
    if (sampler.check.matches(value, node)) return value
  }
  return first
}

function sampleObject(
  sampler: Sampler,
  schema: JsonSchema,
  depth: number,
): Record<string, unknown> {
  const properties = propertiesOf(schema)
  const wanted = new Set(requiredNames(schema))
  if (sampler.mode === 'defaults') {
    for (const [name, property] of Object.entries(properties)) {
      if (flattenSchema(sampler.root, property).default !== undefined) wanted.add(name)
    }
  }
  // Declared order reads best; required names the schema does not describe come last.
  const names = [...Object.keys(properties).filter((name) => wanted.has(name)), ...wanted]
  const body: Record<string, unknown> = {}
  for (const name of new Set(names)) {
    setOwn(body, name, sampleValue(sampler, ownValue(properties, name) ?? {}, depth + 1, 0))
  }
  applyConditional(sampler, schema, body, depth)
  return body
}

/**
 * if / then / else, as in Misskey's `notes/create`: when none of renoteId, fileIds, mediaIds or
 * poll is given, `then` requires a non-blank `text`. The branch that applies to the body so far
 * adds its required fields, and replaces values its own property rules reject, each generated
 * from the field's schema and the branch's rules together.
 */
function applyConditional(
  sampler: Sampler,
  schema: JsonSchema,
  body: Record<string, unknown>,
  depth: number,
): void {
  if (schema.if === undefined) return
  const branch = sampler.check.matches(body, schema.if) ? schema.then : schema.else
  if (branch === undefined) return
  const rules = flattenSchema(sampler.root, branch)
  const ruleProperties = propertiesOf(rules)
  const properties = propertiesOf(schema)
  const missing = requiredNames(rules).filter((name) => !Object.hasOwn(body, name))
  const rejected = Object.keys(body).filter(
    (name) =>
      ownValue(ruleProperties, name) !== undefined &&
      !sampler.check.matches(body[name], ruleProperties[name]),
  )
  for (const name of [...missing, ...rejected]) {
    const combined = mergeSchemas(
      flattenSchema(sampler.root, ownValue(properties, name) ?? {}),
      flattenSchema(sampler.root, ownValue(ruleProperties, name) ?? {}),
    )
    setOwn(body, name, sampleValue(sampler, combined, depth + 1, 0))
  }
}

function sampleArray(sampler: Sampler, schema: JsonSchema, depth: number): unknown[] {
  const count = typeof schema.minItems === 'number' ? Math.min(schema.minItems, maxItems) : 0
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : []
  const values: unknown[] = []
  for (let index = 0; index < count; index++) {
    const itemSchema = index < prefix.length ? prefix[index] : (schema.items ?? {})
    // The index as the variant keeps items distinct, for `uniqueItems`.
    values.push(sampleValue(sampler, itemSchema, depth + 1, index))
  }
  return values
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}
