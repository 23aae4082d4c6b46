import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from './catalog.ts'
import { sampleDefaultsBody, sampleRequiredBody } from './schema-sample.ts'

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
const validates = (schema: JsonSchema, body: unknown) => ajv.validate(schema, body)

describe('sampleRequiredBody', () => {
  it('fills required fields with placeholders of the right type, and nothing else', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        noteId: { type: 'string', format: 'misskey:id' },
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
        count: { type: 'integer', minimum: 5, maximum: 9 },
        ratio: { type: 'number', maximum: -2 },
        flag: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        options: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        optional: { type: 'string' },
      },
      required: ['noteId', 'limit', 'count', 'ratio', 'flag', 'tags', 'options'],
    }
    expect(sampleRequiredBody(schema)).toEqual({
      noteId: '',
      limit: 10,
      count: 5,
      ratio: -2,
      flag: false,
      tags: [],
      options: { a: '' },
    })
  })

  it('takes const, then default, then the first real enum value', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        kind: { const: 'fixed' },
        sort: { type: 'string', enum: ['+createdAt', '-createdAt'], default: '-createdAt' },
        origin: { type: 'string', enum: ['combined', 'local', 'remote'] },
        acceptance: { type: ['string', 'null'], enum: [null, 'likeOnly'] },
      },
      required: ['kind', 'sort', 'origin', 'acceptance'],
    }
    expect(sampleRequiredBody(schema)).toEqual({
      kind: 'fixed',
      sort: '-createdAt',
      origin: 'combined',
      acceptance: 'likeOnly',
    })
  })

  it('respects exclusive bounds, both spellings, and multipleOf', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        a: { type: 'integer', exclusiveMinimum: 0 },
        b: { type: 'integer', minimum: 3, exclusiveMinimum: true },
        c: { type: 'number', exclusiveMaximum: -1 },
        d: { type: 'integer', minimum: 7, multipleOf: 5 },
      },
      required: ['a', 'b', 'c', 'd'],
    }
    const body = sampleRequiredBody(schema)
    expect(body).toEqual({ a: 1, b: 4, c: -1.5, d: 10 })
  })

  it('meets string length bounds and patterns with a readable placeholder', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        url: { type: 'string', minLength: 1 },
        long: { type: 'string', minLength: 12 },
        short: { type: 'string', minLength: 1, maxLength: 3 },
        name: { type: 'string', pattern: '^[a-zA-Z0-9_]+$' },
        color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
        when: { type: 'string', format: 'date-time' },
      },
      required: ['url', 'long', 'short', 'name', 'color', 'when'],
    }
    const body = sampleRequiredBody(schema)
    expect(body).toEqual({
      url: 'example',
      long: 'examplexxxxx',
      short: 'exa',
      name: 'example',
      color: '#000000',
      // An empty string is a valid date-time to ajv without formats, but not to a server.
      when: '2025-01-01T00:00:00.000Z',
    })
  })

  it('follows $ref into $defs, merges allOf and picks a usable anyOf branch', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        poll: { anyOf: [{ type: 'null' }, { $ref: '#/$defs/Poll' }] },
        both: { allOf: [{ $ref: '#/$defs/Named' }, { properties: { n: { type: 'integer' } } }] },
        userId: {
          anyOf: [
            { type: 'string', minLength: 2 },
            { type: 'array', items: { type: 'string' } },
          ],
        },
      },
      required: ['poll', 'both', 'userId'],
      $defs: {
        Poll: {
          type: 'object',
          properties: {
            choices: {
              type: 'array',
              minItems: 2,
              uniqueItems: true,
              items: { type: 'string', minLength: 1 },
            },
          },
          required: ['choices'],
        },
        Named: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      },
    }
    const body = sampleRequiredBody(schema)
    expect(body).toEqual({
      poll: { choices: ['example', 'example2'] },
      both: { name: '' },
      userId: 'example',
    })
    expect(validates(schema, body)).toBe(true)
  })

  it('satisfies a body-level anyOf of required sets with its first branch', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        userId: { type: 'string' },
        username: { type: 'string' },
        host: { type: ['string', 'null'] },
      },
      anyOf: [{ required: ['userId'] }, { required: ['username', 'host'] }],
    }
    expect(sampleRequiredBody(schema)).toEqual({ userId: '' })
  })

  it('gives oneOf exactly one matching branch', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      oneOf: [{ required: ['a', 'b'] }, { required: ['a'], not: { required: ['b'] } }],
    }
    const body = sampleRequiredBody(schema)
    expect(body).toEqual({ a: '', b: '' })
    expect(validates(schema, body)).toBe(true)
  })

  it('stops at a required $ref cycle instead of recursing forever', () => {
    const schema: JsonSchema = {
      $ref: '#/$defs/Node',
      $defs: {
        Node: {
          type: 'object',
          properties: { child: { $ref: '#/$defs/Node' } },
          required: ['child'],
        },
      },
    }
    const body = sampleRequiredBody(schema)
    let depth = 0
    for (let node: unknown = body; node && typeof node === 'object'; depth++) {
      node = (node as { child?: unknown }).child
    }
    expect(depth).toBeGreaterThan(3)
    expect(depth).toBeLessThan(20)
  })

  it('answers {} without a schema, or for a schema that is not an object', () => {
    expect(sampleRequiredBody(null)).toEqual({})
    expect(sampleRequiredBody({ type: 'string' })).toEqual({})
  })

  it('does not change the schema it reads, even a frozen one', () => {
    const schema = deepFreeze({
      type: 'object',
      properties: { a: { type: 'string', minLength: 3 }, b: { $ref: '#/$defs/B' } },
      required: ['a', 'b'],
      $defs: { B: { type: 'integer', minimum: 2 } },
    })
    const before = JSON.stringify(schema)
    expect(sampleRequiredBody(schema)).toEqual({ a: 'example', b: 2 })
    expect(JSON.stringify(schema)).toBe(before)
  })
})

describe("notes/create's if/then", () => {
  const notesCreate: JsonSchema = {
    type: 'object',
    properties: {
      visibility: { type: 'string', enum: ['public', 'home'], default: 'public' },
      renoteId: { type: ['string', 'null'], format: 'misskey:id' },
      fileIds: { type: 'array', minItems: 1, items: { type: 'string' } },
      text: { type: ['string', 'null'], minLength: 1, maxLength: 3000 },
      cw: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
    },
    if: { properties: { renoteId: { type: 'null' }, fileIds: { type: 'null' } } },
    then: {
      properties: { text: { type: 'string', minLength: 1, maxLength: 3000, pattern: '[^\\s]+' } },
      required: ['text'],
    },
  }

  it('asks for a non-blank text when nothing else makes a note', () => {
    const body = sampleRequiredBody(notesCreate)
    expect(body).toEqual({ text: 'example' })
    expect(validates(notesCreate, body)).toBe(true)
    expect(validates(notesCreate, {})).toBe(false)
  })

  it('adds the defaults around it in defaults mode', () => {
    const body = sampleDefaultsBody(notesCreate)
    expect(body).toEqual({ visibility: 'public', text: 'example' })
    expect(validates(notesCreate, body)).toBe(true)
  })

  it('uses else when the condition does not hold', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { kind: { type: 'string', default: 'b' }, a: { type: 'string' } },
      required: ['kind'],
      if: { properties: { kind: { const: 'a' } } },
      then: { required: ['a'] },
      else: { properties: { b: { type: 'integer', minimum: 1 } }, required: ['b'] },
    }
    expect(sampleRequiredBody(schema)).toEqual({ kind: 'b', b: 1 })
  })
})

describe('sampleDefaultsBody', () => {
  it('adds every field that has a default, inside included objects too', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        limit: { type: 'integer', default: 10 },
        withFiles: { type: 'boolean', default: false },
        reply: { type: ['boolean', 'null'], default: null },
        query: { type: 'string' },
        settings: {
          type: 'object',
          properties: { deep: { type: 'string', default: 'x' }, other: { type: 'integer' } },
        },
        required: {
          type: 'object',
          properties: { deep: { type: 'string', default: 'y' }, other: { type: 'integer' } },
        },
      },
      required: ['required'],
    }
    expect(sampleDefaultsBody(schema)).toEqual({
      limit: 10,
      withFiles: false,
      reply: null,
      required: { deep: 'y' },
    })
  })
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}
