// The fake's OpenAPI document must keep the shape of the real /api.json (observed.md, api.json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from './server.ts'
import { buildFakeSpec, fakeEndpointNames } from './spec.ts'
import { post } from './test-helpers.ts'

interface Operation {
  operationId: string
  summary: string
  description: string
  externalDocs: { description: string; url: string }
  tags: string[]
  security?: unknown
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> }
  responses: Record<
    string,
    { description: string; content?: Record<string, Record<string, unknown>> }
  >
}
interface Spec {
  openapi: string
  info: unknown
  servers: Array<{ url: string }>
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown>; securitySchemes: unknown }
}

const spec = buildFakeSpec('http://127.0.0.1:3000') as unknown as Spec
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
)
const op = (path: string, method = 'post'): Operation => {
  const found = spec.paths[path]?.[method]
  if (!found) throw new Error(`no ${method} ${path}`)
  return found
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, out))
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') out.push(item)
      else refsIn(item, out)
    }
  }
  return out
}

describe('the fake spec', () => {
  it('has the real top-level shape', () => {
    expect(spec.openapi).toBe('3.1.0')
    expect(spec.info).toEqual({ version: '2025.5.0-fake', title: 'Misskey API' })
    expect(spec.servers).toEqual([{ url: 'http://127.0.0.1:3000/api' }])
    expect(spec.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer' },
    })
    for (const name of [
      'Error',
      'UserLite',
      'MeDetailed',
      'UserDetailedNotMe',
      'Note',
      'DriveFile',
      'DriveFolder',
      'MetaLite',
    ]) {
      expect(spec.components.schemas).toHaveProperty(name)
    }
    expect(JSON.stringify(spec)).not.toMatch(/"x-/)
  })

  it('has at least 20 paths over at least 5 tags, one per endpoint name', () => {
    expect(Object.keys(spec.paths).length).toBeGreaterThanOrEqual(20)
    expect(
      new Set(operations.flatMap(({ operation }) => operation.tags)).size,
    ).toBeGreaterThanOrEqual(5)
    expect(Object.keys(spec.paths)).toEqual(fakeEndpointNames.map((name) => `/${name}`))
  })

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(spec)
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//)
      expect(spec.components.schemas).toHaveProperty(ref.slice('#/components/schemas/'.length))
    }
  })

  it('gives every operation Misskey’s fields, footer and error responses', () => {
    for (const { path, method, operation } of operations) {
      const name = path.slice(1)
      expect(operation.operationId).toBe(`${method}___${name.replaceAll('/', '___')}`)
      expect(operation.summary).toBe(name)
      expect(operation.description).toMatch(
        /\n\n(\*\*Internal Endpoint\*\*: .+\n)?\*\*Credential required\*\*: \*(Yes|No)\*( \/ \*\*Permission\*\*: \*[a-z:-]+\*)?$/,
      )
      expect(operation.externalDocs).toEqual({
        description: 'Source code',
        url: `https://github.com/misskey-dev/misskey/blob/develop/packages/backend/src/server/api/endpoints/${name}.ts`,
      })
      const credential = operation.description.includes('**Credential required**: *Yes*')
      expect(operation.security).toEqual(credential ? [{ bearerAuth: [] }] : undefined)
      const codes = Object.keys(operation.responses)
      expect(codes.some((code) => code === '200' || code === '204')).toBe(true)
      expect(codes).toEqual(expect.arrayContaining(['400', '401', '403', '418', '500']))
      expect(operation.responses['418']?.description).toBe("I'm Ai")
      const examples = operation.responses['400']?.content?.['application/json']?.examples
      expect(examples).toHaveProperty('INVALID_PARAM')
    }
  })

  it('copies the exact footers and flags of known endpoints', () => {
    expect(op('/notes/create').description).toBe(
      'No description provided.\n\n**Credential required**: *Yes* / **Permission**: *write:notes*',
    )
    expect(op('/meta').description).toBe(
      'No description provided.\n\n**Credential required**: *No*',
    )
    expect(op('/miauth/gen-token').description).toBe(
      'No description provided.\n\n**Internal Endpoint**: This endpoint is an API for the misskey mainframe and is not intended for use by third parties.\n**Credential required**: *Yes*',
    )
    expect(op('/admin/meta').description).toMatch(/\*\*Permission\*\*: \*read:admin:meta\*$/)
    expect(op('/notes/delete').responses).toMatchObject({
      '204': { description: 'OK (without any results)' },
    })
    expect(op('/notes/delete').responses).not.toHaveProperty('200')
    expect(op('/notes/delete').responses).toHaveProperty('429')
    expect(op('/meta').responses).not.toHaveProperty('429')
    expect(Object.keys(op('/endpoint').responses).slice(0, 2)).toEqual(['200', '204'])
    expect(op('/i').requestBody).toBeUndefined()
  })

  it('keeps the if/then of notes/create and the multipart body of drive/files/create', () => {
    const create = op('/notes/create').requestBody?.content['application/json']?.schema
    expect(create?.then).toEqual({
      properties: { text: { type: 'string', minLength: 1, maxLength: 3000, pattern: '[^\\s]+' } },
      required: ['text'],
    })
    expect(create?.if).toMatchObject({ properties: { renoteId: { type: 'null' } } })
    const uploadBody = op('/drive/files/create').requestBody
    expect(Object.keys(uploadBody?.content ?? {})).toEqual(['multipart/form-data'])
    const schema = uploadBody?.content['multipart/form-data']?.schema
    expect(schema?.required).toEqual(['file'])
    expect(schema?.properties).toMatchObject({
      file: { type: 'string', format: 'binary', description: 'The file contents.' },
      isSensitive: { type: 'boolean', default: false },
    })
  })

  it('lists get before post exactly for the allowGet endpoints', () => {
    const withGet = Object.entries(spec.paths).filter(([, item]) => 'get' in item)
    expect(withGet.map(([path]) => path)).toEqual(['/emojis', '/server-info'])
    for (const [, item] of withGet) expect(Object.keys(item)).toEqual(['get', 'post'])
    expect(op('/emojis', 'get').operationId).toBe('get___emojis')
  })
})

describe('the served spec', () => {
  let fake: FakeMisskey
  beforeAll(async () => {
    fake = await startFakeMisskey()
  })
  afterAll(() => fake.close())

  it('matches the instance’s origin, /api/endpoints and GET routing', async () => {
    expect((fake.spec as unknown as Spec).servers).toEqual([{ url: `${fake.origin}/api` }])
    expect((await post(fake, 'endpoints', {})).json).toEqual(fakeEndpointNames)
    for (const name of fakeEndpointNames) {
      const status = (await fetch(`${fake.origin}/api/${name}`)).status
      const allowsGet = 'get' in ((fake.spec as unknown as Spec).paths[`/${name}`] ?? {})
      if (allowsGet) expect(status).not.toBe(405)
      else expect(status).toBe(405)
    }
  })
})
