import { describe, expect, it } from 'vitest'
import { readRealSpec } from '../../../test-kit/support/real-spec.ts'
import { buildEndpointDocs } from './endpoint-docs.ts'
import { expectSensible, rowsByPath } from './testing/endpoint-docs-expectations.ts'
import type { OpenApiDocument } from './openapi-document.ts'

const real = readRealSpec()
describe.skipIf(!real)('buildEndpointDocs on the real Misskey 2025.5.0 spec', () => {
  const document = real ?? ({ openapi: '3.1.0', paths: {} } as OpenApiDocument)
  const docsOf = (pathKey: string) => buildEndpointDocs(document, pathKey)!

  it('documents all 417 endpoints without throwing, with sensible rows', () => {
    const paths = Object.keys(document.paths)
    expect(paths).toHaveLength(417)
    let rows = 0
    for (const pathKey of paths) {
      const docs = buildEndpointDocs(document, pathKey)
      expectSensible(docs, pathKey)
      rows += docs!.parameters.length
      // Every endpoint declares Misskey's common errors.
      expect(docs!.errors.filter((error) => error.common).length, pathKey).toBeGreaterThanOrEqual(5)
    }
    expect(rows).toBeGreaterThan(1000)
  })

  it('marks the 52 internal (secure) endpoints, as their descriptions say', () => {
    const internal = Object.keys(document.paths).filter((key) => docsOf(key).internal)
    expect(internal).toHaveLength(52)
    expect(internal).toContain('/miauth/gen-token')
    expect(docsOf('/notes/create').internal).toBe(false)
  })

  it('shows notes/create: enums, defaults, bounds, nested poll, and the text-or-else rule', () => {
    const docs = docsOf('/notes/create')
    expect(docs).toMatchObject({
      endpoint: 'notes/create',
      credentialRequired: true,
      permission: 'write:notes',
      contentType: 'application/json',
      sourceUrl:
        'https://github.com/misskey-dev/misskey/blob/develop/packages/backend/src/server/api/endpoints/notes/create.ts',
    })
    const rows = rowsByPath(docs)
    expect(rows.get('visibility')).toMatchObject({
      typeLabel: 'string',
      enumValues: ['public', 'home', 'followers', 'specified'],
      default: { value: 'public' },
      required: 'no',
    })
    expect(rows.get('reactionAcceptance')).toMatchObject({
      typeLabel: 'string | null',
      nullable: true,
      default: { value: null },
    })
    expect(rows.get('text')).toMatchObject({
      typeLabel: 'string | null',
      required: 'conditional',
      constraints: { minLength: 1, maxLength: 3000 },
    })
    expect(rows.get('fileIds')).toMatchObject({
      typeLabel: 'string[]',
      constraints: { minItems: 1, maxItems: 16, uniqueItems: true },
    })
    expect(rows.get('fileIds[]')).toMatchObject({ kind: 'item', format: 'misskey:id', depth: 1 })
    expect(rows.get('poll.choices')).toMatchObject({ required: 'yes', depth: 1 })
    expect(rows.get('poll.choices[]')).toMatchObject({
      depth: 2,
      constraints: { minLength: 1, maxLength: 50 },
    })
    expect(rows.get('poll.expiredAfter')).toMatchObject({
      typeLabel: 'integer | null',
      constraints: { minimum: 1 },
    })
    expect(docs.bodyRules).toEqual([
      {
        kind: 'conditional',
        when: ['renoteId', 'fileIds', 'mediaIds', 'poll'].map((field) => ({
          field,
          typeLabel: 'null',
        })),
        thenRequired: ['text'],
        elseRequired: [],
      },
    ])
    expect(docs.response).toMatchObject({ typeLabel: 'object', mayBeEmpty: false })
    expect(docs.response.fields).toEqual([
      {
        name: 'createdNote',
        typeLabel: 'Note',
        nullable: false,
        ref: 'Note',
        required: true,
        description: '',
      },
    ])
    const codes = docs.errors.filter((error) => !error.common).map((error) => error.code)
    expect(codes).toContain('NO_SUCH_RENOTE_TARGET')
    expect(codes).toContain('CONTAINS_PROHIBITED_WORDS')
    expect(docs.errors.find((error) => error.code === 'AUTHENTICATION_FAILED')).toMatchObject({
      status: 403,
      observedStatus: 401,
      common: true,
    })
  })

  it('shows drive/files/create as multipart with its required file and DriveFile answer', () => {
    const docs = docsOf('/drive/files/create')
    expect(docs.contentType).toBe('multipart/form-data')
    expect(rowsByPath(docs).get('file')).toMatchObject({
      typeLabel: 'string',
      format: 'binary',
      required: 'yes',
      description: 'The file contents.',
    })
    expect(rowsByPath(docs).get('comment')).toMatchObject({
      constraints: { maxLength: 512 },
      default: { value: null },
    })
    expect(docs.response).toMatchObject({ typeLabel: 'DriveFile', ref: 'DriveFile' })
    expect(docs.response.fields.map((field) => field.name)).toContain('md5')
  })

  it('shows admin/meta: no body, admin permission, a large object answer', () => {
    const docs = docsOf('/admin/meta')
    expect(docs).toMatchObject({
      credentialRequired: true,
      permission: 'read:admin:meta',
      internal: false,
      contentType: null,
      parameters: [],
    })
    expect(docs.response.typeLabel).toBe('object')
    expect(docs.response.fields.length).toBeGreaterThan(100)
    expect(docs.response.fields.find((field) => field.name === 'hcaptchaSiteKey')).toMatchObject({
      typeLabel: 'string | null',
      required: true,
    })
  })

  it('states body-level alternatives and the real status of endpoint errors', () => {
    const show = docsOf('/users/show')
    expect(show.bodyRules).toEqual([
      { kind: 'anyOf', alternatives: [['userId'], ['userIds'], ['username']] },
    ])
    expect(rowsByPath(show).get('userId')!.required).toBe('conditional')
    expect(show.response.typeLabel).toBe('UserDetailed | UserDetailed[]')
    expect(rowsByPath(docsOf('/users/relation')).get('userId')!.typeLabel).toBe('string | string[]')
    const recipient = docsOf('/admin/abuse-report/notification-recipient/show')
    expect(recipient.errors.find((error) => error.code === 'NO_SUCH_RECIPIENT')).toMatchObject({
      status: 404,
      kind: 'server',
      common: false,
    })
    expect(docsOf('/notes/translate').response.mayBeEmpty).toBe(true)
    expect(docsOf('/notes/delete').response).toMatchObject({ status: 204, typeLabel: null })
  })
})
