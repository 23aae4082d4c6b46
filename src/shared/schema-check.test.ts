import { describe, expect, test } from 'vitest'
import { createSchemaChecker, schemaForEditorValidation } from './schema-check.ts'

describe('the schema Monaco validates with', () => {
  test('drops a pattern whose quantifier would keep the validator compiling, keeps the rest', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', pattern: '^(?:b?){5000000}$', maxLength: 10 },
        host: { type: 'string', pattern: '^[a-z.]+$' },
      },
    }
    const safe = schemaForEditorValidation(schema)
    expect(safe).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 10 },
        host: { type: 'string', pattern: '^[a-z.]+$' },
      },
    })
    // The caller's schema is left as it was.
    expect(schema.properties.name.pattern).toBe('^(?:b?){5000000}$')
  })

  test('a property that is itself named "pattern" is kept', () => {
    const schema = { type: 'object', properties: { pattern: { type: 'string' } } }
    expect(schemaForEditorValidation(schema)).toEqual(schema)
  })

  test('the placeholder checker still treats a runaway pattern as matching nothing', () => {
    const checker = createSchemaChecker({ type: 'string', pattern: '^(?:b?){5000000}$' })
    expect(checker.matches('b', { type: 'string', pattern: '^(?:b?){5000000}$' })).toBe(false)
  })
})
