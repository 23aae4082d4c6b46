import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { sharedFixture } from '../../../test-kit/support/shared-fixtures.ts'
import type { OpenApiDocument } from './openapi-document.ts'
import { extractRequestSchema } from './request-schema.ts'

const refsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(refsIn)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) =>
          key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
        )
      : []

describe('extractRequestSchema', () => {
  it('turns OpenAPI 3.0 nullable into a null type, for plain types, enums and refs', () => {
    const document: OpenApiDocument = {
      openapi: '3.0.0',
      paths: {
        '/x': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      text: { type: 'string', nullable: true },
                      visibility: { type: 'string', enum: ['public', 'home'], nullable: true },
                      poll: { $ref: '#/components/schemas/Poll', nullable: true },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Poll: {
            type: 'object',
            properties: { choices: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    }
    const { schema } = extractRequestSchema(document, '/x', 'x')
    const properties = (schema as { properties: Record<string, unknown> }).properties
    expect(properties.text).toEqual({ type: ['string', 'null'] })
    expect(properties.visibility).toEqual({
      type: ['string', 'null'],
      enum: ['public', 'home', null],
    })
    expect(properties.poll).toEqual({ anyOf: [{ $ref: '#/$defs/Poll' }, { type: 'null' }] })
    expect(Object.keys((schema as { $defs: object }).$defs)).toEqual(['Poll'])
  })

  it('copies components it refers to transitively, and only those', () => {
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      paths: {
        '/y': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
            },
          },
        },
      },
      components: {
        schemas: {
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
          B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
          Unused: { type: 'string' },
        },
      },
    }
    const { schema } = extractRequestSchema(document, '/y', 'y')
    expect(schema).toEqual({
      $ref: '#/$defs/A',
      $defs: {
        A: { type: 'object', properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: 'array', items: { $ref: '#/$defs/A' } },
      },
    })
  })

  it('says there is no schema when the endpoint has no body, and names multipart bodies', () => {
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      paths: {
        '/i': { post: {} },
        '/upload': {
          post: {
            requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } },
          },
        },
      },
    }
    expect(extractRequestSchema(document, '/i', 'i')).toEqual({
      endpoint: 'i',
      schema: null,
      contentType: 'application/json',
    })
    expect(extractRequestSchema(document, '/upload', 'upload').contentType).toBe(
      'multipart/form-data',
    )
  })

  const realSpecPath = sharedFixture('api.json')
  it.skipIf(!realSpecPath)(
    'gives every endpoint of the real spec a self-contained schema a validator accepts',
    () => {
      const document = JSON.parse(readFileSync(realSpecPath!, 'utf8')) as OpenApiDocument
      const ajv = new Ajv2020({ strict: false, validateFormats: false })
      let withSchema = 0
      for (const pathKey of Object.keys(document.paths)) {
        const { schema } = extractRequestSchema(document, pathKey, pathKey.slice(1))
        if (!schema) continue
        withSchema++
        for (const ref of refsIn(schema)) expect(ref, `${pathKey} ${ref}`).toMatch(/^#\/\$defs\//)
        expect(() => ajv.compile(schema), pathKey).not.toThrow()
      }
      expect(withSchema).toBeGreaterThan(300)
      const notesCreate = extractRequestSchema(document, '/notes/create', 'notes/create').schema!
      const validate = ajv.compile(notesCreate)
      expect(validate({ text: 'hello' })).toBe(true)
      expect(validate({ text: 123 })).toBe(false)
    },
  )
})
