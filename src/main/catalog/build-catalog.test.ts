import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sharedFixture } from '../../../test-kit/support/shared-fixtures.ts'
import { buildCatalog } from './build-catalog.ts'
import { isOpenApiDocument, type OpenApiDocument } from './openapi-document.ts'

const realSpecPath = sharedFixture('api.json')

describe.skipIf(!realSpecPath)('buildCatalog on a real Misskey 2025.5.0 api.json', () => {
  // The describe body runs even when skipped: read the file only when it is there.
  const document = (
    realSpecPath ? JSON.parse(readFileSync(realSpecPath, 'utf8')) : { paths: {} }
  ) as OpenApiDocument
  const catalog = buildCatalog(document)
  const byName = new Map(catalog.endpoints.map((endpoint) => [endpoint.name, endpoint]))

  it('finds every path of the spec', () => {
    const paths = Object.keys(document.paths)
    expect(catalog.endpoints).toHaveLength(paths.length)
    for (const path of paths) expect(byName.has(path.slice(1)), path).toBe(true)
  })

  it('reads version, credential, permission, GET and multipart as the spec states them', () => {
    expect(catalog.serverVersion).toBe('2025.5.0')
    expect(catalog.openapiVersion).toBe('3.1.0')
    expect(byName.get('notes/create')).toMatchObject({
      tags: ['notes'],
      credentialRequired: true,
      permission: 'write:notes',
      allowGet: false,
      multipart: false,
      hasParameters: true,
    })
    expect(byName.get('meta')).toMatchObject({ credentialRequired: false, permission: null })
    expect(byName.get('drive/files/create')).toMatchObject({
      multipart: true,
      description: 'Upload a new drive file.',
    })
    expect(catalog.endpoints.filter((endpoint) => endpoint.allowGet)).toHaveLength(25)
    expect(
      catalog.endpoints.filter((endpoint) => endpoint.credentialRequired === true),
    ).toHaveLength(313)
    expect(byName.get('i')?.sourceUrl).toMatch(
      /^https:\/\/github\.com\/misskey-dev\/misskey\/.+\/i\.ts$/,
    )
  })
})

describe('buildCatalog on the specs servers and forks publish', () => {
  const spec = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const document = { openapi: '3.0.0', info: { version: '12.119.2' }, paths, ...extra }
    expect(isOpenApiDocument(document)).toBe(true)
    return document as OpenApiDocument
  }

  it('keys endpoints by path even when operationIds repeat', () => {
    const catalog = buildCatalog(
      spec({
        '/notes/create': {
          post: { operationId: 'notes/create', description: 'x\n\n**Credential required**: *Yes*' },
        },
        '/notes/delete': { post: { operationId: 'notes/create' } },
      }),
    )
    expect(catalog.endpoints.map((endpoint) => endpoint.name)).toEqual([
      'notes/create',
      'notes/delete',
    ])
  })

  it('falls back to `security` when a fork has no description footer, and reads `deprecated`', () => {
    const catalog = buildCatalog(
      spec({
        '/a': { post: { security: [{ bearerAuth: [] }], deprecated: true } },
        '/b': { post: { security: [] } },
        '/c': { post: {} },
      }),
    )
    expect(catalog.endpoints.map((e) => [e.name, e.credentialRequired, e.deprecated])).toEqual([
      ['a', true, true],
      ['b', false, false],
      ['c', null, false],
    ])
  })

  it('strips /api from path keys when the servers entry does not include it', () => {
    const catalog = buildCatalog(
      spec({ '/api/meta': { post: {} } }, { servers: [{ url: 'https://old.example' }] }),
    )
    expect(catalog.endpoints.map((endpoint) => endpoint.name)).toEqual(['meta'])
  })

  it('follows a $ref to decide whether the body has parameters', () => {
    const catalog = buildCatalog(
      spec(
        {
          '/x': {
            post: {
              requestBody: {
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } },
              },
            },
          },
        },
        {
          components: {
            schemas: { Body: { type: 'object', properties: { id: { type: 'string' } } } },
          },
        },
      ),
    )
    expect(catalog.endpoints[0]?.hasParameters).toBe(true)
  })

  it('ignores path items without POST or GET and odd values instead of failing', () => {
    const catalog = buildCatalog(
      spec({ '/put-only': { put: {} }, '/null': null, '/ok': { post: { tags: ['a', 1] } } }),
    )
    expect(catalog.endpoints.map((e) => [e.name, e.tags])).toEqual([['ok', ['a']]])
  })
})
