// Parameter validation the way Misskey's endpoint-base does it: ajv, first error only.
import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'
import { ApiError, INVALID_PARAM, INVALID_PARAM_CAST } from './errors.ts'
import type { EndpointDef, Json, JsonObject } from './types.ts'

// Misskey's own ajv setup. strict is off only to keep compile-time warnings out of test logs.
const ajv = new Ajv({ useDefaults: true, strict: false })
ajv.addFormat('misskey:id', /^[a-zA-Z0-9]+$/)

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Back from OpenAPI 3.1 (`type: ['string', 'null']`) to Misskey's paramDef form
 * (`type: 'string', nullable: true`): ajv then words type errors as Misskey does
 * ("must be string", not "must be string,null").
 */
export function toMisskeySchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toMisskeySchema)
  if (!isObject(schema)) return schema
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type' && Array.isArray(value) && value.includes('null') && value.length === 2) {
      out.type = value.find((type) => type !== 'null') ?? null
      out.nullable = true
    } else if (key === 'enum' || key === 'required' || key === 'default') {
      out[key] = value
    } else {
      out[key] = toMisskeySchema(value)
    }
  }
  return out
}

interface Compiled {
  schema: JsonObject
  validate: ValidateFunction
}

const compiled = new Map<string, Compiled>()

export function paramsOf(def: EndpointDef): Compiled {
  let entry = compiled.get(def.name)
  if (!entry) {
    const converted = toMisskeySchema(def.params)
    const schema = isObject(converted) ? converted : {}
    entry = { schema, validate: ajv.compile(schema) }
    compiled.set(def.name, entry)
  }
  return entry
}

/** Multipart fields and query strings arrive as strings; Misskey JSON.parses the typed ones. */
export function castStrings(def: EndpointDef, data: unknown): void {
  const properties = paramsOf(def).schema.properties
  if (!isObject(properties) || !isObject(data)) return
  for (const [key, param] of Object.entries(properties)) {
    const type = isObject(param) ? param.type : undefined
    const value = data[key]
    if (typeof type !== 'string' || typeof value !== 'string') continue
    if (!['boolean', 'number', 'integer'].includes(type)) continue
    try {
      data[key] = JSON.parse(value) as Json
    } catch {
      throw new ApiError(INVALID_PARAM_CAST, { param: key, reason: `cannot cast to ${type}` })
    }
  }
}

/** Validates (and fills defaults into) `data`; reports the first error as Misskey does. */
export function validateParams(def: EndpointDef, data: unknown): void {
  const { validate } = paramsOf(def)
  if (validate(data)) return
  const first = validate.errors?.[0]
  throw new ApiError(INVALID_PARAM, {
    param: first?.schemaPath ?? '#',
    reason: first?.message ?? 'invalid',
  })
}

/** The `endpoint` endpoint's view: a flat list with capitalised JS type names. */
export function describeParams(def: EndpointDef): JsonObject[] {
  const properties = paramsOf(def).schema.properties
  if (!isObject(properties)) return []
  return Object.entries(properties).map(([name, param]) => {
    const type = isObject(param) && typeof param.type === 'string' ? param.type : null
    return { name, type: type ? type.charAt(0).toUpperCase() + type.slice(1) : 'any' }
  })
}
