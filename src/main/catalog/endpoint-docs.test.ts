import { describe, expect, it } from 'vitest'
import { fakeSpec } from '../../../test-kit/support/real-spec.ts'
import { expectSensible, rowsByPath } from './testing/endpoint-docs-expectations.ts'
import { buildEndpointDocs } from './endpoint-docs.ts'
import type { OpenApiDocument } from './openapi-document.ts'

describe('buildEndpointDocs on the fake spec', () => {
  const document = fakeSpec()
  it('documents every endpoint sensibly', () => {
    for (const pathKey of Object.keys(document.paths)) {
      expectSensible(buildEndpointDocs(document, pathKey), pathKey)
    }
  })

  it('answers null for a path that is not there', () => {
    expect(buildEndpointDocs(document, '/does/not/exist')).toBeNull()
  })
})

describe('buildEndpointDocs on small specs', () => {
  const spec = (operation: Record<string, unknown>, extra: Partial<OpenApiDocument> = {}) =>
    ({
      openapi: '3.0.0',
      servers: [{ url: 'https://x.example/api' }],
      paths: { '/x/y': { post: operation } },
      ...extra,
    }) as OpenApiDocument

  it('reads OpenAPI 3.0 nullable, refs to components and cycles in request and response', () => {
    const document = spec(
      {
        deprecated: true,
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  tree: { $ref: '#/components/schemas/Tree' },
                  mode: { type: 'string', enum: ['a', 'b'], nullable: true },
                },
                required: ['tree'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
              },
            },
          },
          '204': { description: 'Nothing' },
        },
      },
      {
        components: {
          schemas: {
            Tree: {
              type: 'object',
              properties: {
                label: { type: 'string', nullable: true, description: 'The **label**.' },
                children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
              },
              required: ['label'],
            },
          },
        },
      },
    )
    const docs = buildEndpointDocs(document, '/x/y')!
    expect(docs.endpoint).toBe('x/y')
    expect(docs.deprecated).toBe(true)
    expect(docs.parameters.map((row) => [row.path, row.typeLabel, row.required])).toEqual([
      ['tree', 'Tree', 'yes'],
      ['tree.label', 'string | null', 'yes'],
      ['tree.children', 'Tree[]', 'no'],
      ['tree.children[]', 'Tree', 'no'],
      ['mode', 'string | null', 'no'],
    ])
    expect(rowsByPath(docs).get('tree.children[]')!.truncated).toBe(true)
    expect(rowsByPath(docs).get('mode')!.enumValues).toEqual(['a', 'b', null])
    expect(docs.response).toEqual({
      status: 200,
      description: 'OK',
      typeLabel: 'Tree[]',
      nullable: false,
      ref: null,
      mayBeEmpty: true,
      fields: [
        {
          name: 'label',
          typeLabel: 'string | null',
          nullable: true,
          ref: null,
          required: true,
          description: 'The **label**.',
        },
        {
          name: 'children',
          typeLabel: 'Tree[]',
          nullable: false,
          ref: null,
          required: false,
          description: '',
        },
      ],
      schema: {
        type: 'array',
        items: { $ref: '#/$defs/Tree' },
        $defs: { Tree: expect.objectContaining({ type: 'object' }) },
      },
    })
  })

  it('survives a spec with nothing in it but the path', () => {
    const docs = buildEndpointDocs(spec({}), '/x/y')!
    expect(docs).toMatchObject({
      contentType: null,
      parameters: [],
      bodyRules: [],
      errors: [],
      credentialRequired: null,
      sourceUrl: null,
      response: { status: 200, typeLabel: null, fields: [] },
    })
  })
})
