import { describe, expect, it } from 'vitest'
import type { JsonSchema } from './catalog.ts'
import { createSchemaChecker } from './schema-check.ts'
import {
  flattenSchema,
  refName,
  resolvePointer,
  resolveSchema,
  schemaTypes,
  typeOfValue,
} from './schema-walk.ts'

const root: JsonSchema = {
  type: 'object',
  properties: { note: { $ref: '#/$defs/Note', description: 'The note.' } },
  $defs: {
    Note: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    'a/b~c': { type: 'integer' },
    Alias: { $ref: '#/$defs/Note' },
    Loop: { $ref: '#/$defs/Loop' },
  },
}

describe('resolvePointer and resolveSchema', () => {
  it('follows JSON pointers, with ~0 ~1 and percent escapes', () => {
    expect(resolvePointer(root, '#')).toBe(root)
    expect(resolvePointer(root, '#/$defs/a~1b~0c')).toEqual({ type: 'integer' })
    expect(resolvePointer(root, '#/%24defs/Note/required/0')).toBe('id')
    expect(resolvePointer(root, '#/nowhere/at/all')).toBeUndefined()
    expect(resolvePointer(root, 'https://elsewhere.example/schema')).toBeUndefined()
  })

  it('follows $ref chains, keeping keywords written next to the $ref', () => {
    expect(resolveSchema(root, { $ref: '#/$defs/Alias', description: 'x' })).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
      description: 'x',
    })
  })

  it('turns dangling and cyclic refs into schemas that accept anything', () => {
    expect(resolveSchema(root, { $ref: '#/$defs/Missing' })).toEqual({})
    expect(resolveSchema(root, { $ref: '#/$defs/Loop' })).toEqual({})
    expect(resolveSchema(root, undefined)).toEqual({})
    expect(resolveSchema(root, true)).toEqual({})
    expect(resolveSchema(root, false)).toEqual({ not: {} })
  })

  it('names the component a $ref points to', () => {
    expect(refName({ $ref: '#/$defs/Note' })).toBe('Note')
    expect(refName({ $ref: '#/components/schemas/DriveFile' })).toBe('DriveFile')
    expect(refName({ $ref: '#/$defs/a~1b~0c' })).toBe('a/b~c')
    expect(refName({ type: 'string' })).toBeNull()
  })
})

describe('schemaTypes and flattenSchema', () => {
  it('reads type names, 3.1 type lists, and what other keywords imply', () => {
    expect(schemaTypes({ type: ['string', 'null'] })).toEqual(['string', 'null'])
    expect(schemaTypes({ type: 'bogus' })).toEqual([])
    expect(schemaTypes({ properties: {} })).toEqual(['object'])
    expect(schemaTypes({ items: {} })).toEqual(['array'])
    expect(schemaTypes({ enum: ['a', 1, null] })).toEqual(['string', 'integer', 'null'])
    expect(schemaTypes({ const: 1.5 })).toEqual(['number'])
    expect(typeOfValue({})).toBe('object')
  })

  it('merges allOf parts: properties joined, required united, later keywords win', () => {
    const schema = flattenSchema(root, {
      allOf: [
        { $ref: '#/$defs/Note' },
        { properties: { text: { type: 'string' } }, required: ['text', 'id'] },
      ],
      description: 'own',
    })
    expect(schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, text: { type: 'string' } },
      required: ['id', 'text'],
      description: 'own',
    })
  })
})

describe('createSchemaChecker', () => {
  it('checks parts of the root with their refs resolved against it', () => {
    const check = createSchemaChecker(root)
    const note = (root.properties as Record<string, unknown>).note
    expect(check.matches({ id: 'x' }, note)).toBe(true)
    expect(check.matches({}, note)).toBe(false)
    expect(check.matches({ note: { id: 1 } }, root)).toBe(false)
    expect(check.matches('anything', undefined)).toBe(true)
    expect(check.matches('anything', false)).toBe(false)
  })

  it('leaves the schema untouched, frozen or not', () => {
    const frozen = JSON.parse(JSON.stringify(root)) as JsonSchema
    const freeze = (value: unknown) => {
      if (value && typeof value === 'object') {
        Object.values(value).forEach(freeze)
        Object.freeze(value)
      }
    }
    freeze(frozen)
    const check = createSchemaChecker(frozen)
    expect(check.matches({ note: { id: 'x' } }, frozen)).toBe(true)
    expect(Object.getOwnPropertyNames(frozen)).toEqual(['type', 'properties', '$defs'])
  })

  it('ignores formats it does not know, such as misskey:id', () => {
    const check = createSchemaChecker({ type: 'string', format: 'misskey:id' })
    expect(check.matches('', { type: 'string', format: 'misskey:id' })).toBe(true)
    expect(check.matches('x', { type: 'string', format: 'date-time' })).toBe(false)
  })
})
