// Whether a value satisfies one part of a request schema, with a real JSON Schema validator rather
// than hand-written checks. @cfworker/json-schema interprets schemas without generating code,
// so it also runs under the renderer's Content-Security-Policy, which forbids eval (ajv compiles
// schemas with `new Function`).
import { Validator } from '@cfworker/json-schema'
import type { JsonSchema } from './catalog.ts'
import { isRecord } from './schema-walk.ts'

export interface SchemaChecker {
  /** True when `value` satisfies `schema`, a part of the root (its `$ref`s resolve against the root). */
  matches(value: unknown, schema: unknown): boolean
}

export function createSchemaChecker(root: JsonSchema): SchemaChecker {
  const validators = new WeakMap<object, Validator>()
  const definitions = isRecord(root.$defs) ? root.$defs : null
  return {
    matches(value, schema) {
      if (typeof schema === 'boolean') return schema
      if (!isRecord(schema)) return true
      let validator = validators.get(schema)
      if (!validator) {
        const standalone =
          schema === root || !definitions
            ? schema
            : {
                ...schema,
                $defs: { ...definitions, ...(isRecord(schema.$defs) ? schema.$defs : {}) },
              }
        // The validator marks the schema objects it reads (non-enumerable properties), so it gets
        // its own copy: the caller's schema may be frozen or a reactive proxy.
        validator = new Validator(
          JSON.parse(JSON.stringify(standalone), withoutRunawayPatterns) as JsonSchema,
          '2020-12',
          true,
        )
        validators.set(schema, validator)
      }
      // A schema the validator cannot apply (a pattern V8 will not compile…) fits no placeholder.
      try {
        return validator.validate(value).valid
      } catch {
        return false
      }
    },
  }
}

/**
 * A quantifier this large (`(?:b?){5000000}`) makes V8's regular expression compiler work for
 * seconds and then overflow its stack, on every check. The server writes the pattern; this
 * checker only picks placeholders, so its copy of the schema holds a pattern nothing matches
 * instead: no candidate is known to fit, and the generic placeholder is used.
 */
const runawayQuantifier = /\{\s*\d{6,}\s*(,\s*\d*\s*)?\}/

function withoutRunawayPatterns(key: string, value: unknown): unknown {
  return key === 'pattern' && typeof value === 'string' && runawayQuantifier.test(value)
    ? '[^\\s\\S]'
    : value
}

/**
 * A copy of a schema for Monaco's JSON validator: plain (Monaco posts it to its worker) and
 * without the runaway patterns above, which would keep that worker compiling for seconds and then
 * crash it, taking every editor's validation with it. Dropping the pattern only means the editor
 * does not check it; the server still does when the request is sent.
 */
export function schemaForEditorValidation(schema: unknown): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key: string, value: unknown) =>
    key === 'pattern' && typeof value === 'string' && runawayQuantifier.test(value)
      ? undefined
      : value,
  ) as JsonSchema
}
