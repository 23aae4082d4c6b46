import { describe, expect, it } from 'vitest'
import type { CatalogEndpoint } from '../../shared/catalog.ts'
import { accessMarks, callableBy, groupByTag } from './endpoint-access.ts'

const endpoint = (overrides: Partial<CatalogEndpoint>): CatalogEndpoint => ({
  name: 'x',
  tags: [],
  description: '',
  credentialRequired: false,
  permission: null,
  allowGet: false,
  multipart: false,
  deprecated: false,
  internal: false,
  hasParameters: false,
  sourceUrl: null,
  ...overrides,
})
const meta = endpoint({ name: 'meta', tags: ['meta'] })
const timeline = endpoint({
  name: 'notes/timeline',
  tags: ['notes'],
  credentialRequired: true,
  permission: 'read:account',
})
const create = endpoint({
  name: 'notes/create',
  tags: ['notes'],
  credentialRequired: true,
  permission: 'write:notes',
})
const i = endpoint({ name: 'i', tags: ['account'], credentialRequired: true })
const secure = endpoint({
  name: 'i/2fa/done',
  tags: ['account'],
  credentialRequired: true,
  internal: true,
})
const admin = endpoint({
  name: 'admin/meta',
  tags: ['admin'],
  credentialRequired: true,
  permission: 'read:admin:meta',
})

describe('the API map’s marks and dimming', () => {
  it('marks what each endpoint needs', () => {
    expect(accessMarks(meta)).toEqual(['public'])
    expect(accessMarks(i)).toEqual(['token'])
    expect(accessMarks(create)).toEqual(['permission'])
    expect(accessMarks(secure)).toEqual(['token', 'internal'])
    expect(accessMarks(admin)).toEqual(['permission', 'admin'])
  })

  it('dims what a narrow app token cannot call, and nothing for a login token', () => {
    const narrow = { tokenKind: 'app' as const, permissions: ['read:account'] }
    const all = [meta, timeline, create, i, secure, admin]
    expect(all.filter((e) => callableBy(e, narrow)).map((e) => e.name)).toEqual([
      'meta',
      'notes/timeline',
      'i',
    ])
    expect(all.filter((e) => callableBy(e, null)).map((e) => e.name)).toEqual(['meta'])
    const login = { tokenKind: 'native' as const, permissions: null }
    expect(all.every((e) => callableBy(e, login))).toBe(true)
  })

  it('groups by first tag, untagged last', () => {
    const groups = groupByTag([create, meta, endpoint({ name: 'loose' }), i], 'other')
    expect(groups.map((group) => [group.tag, group.endpoints.map((e) => e.name)])).toEqual([
      ['account', ['i']],
      ['meta', ['meta']],
      ['notes', ['notes/create']],
      ['other', ['loose']],
    ])
  })
})
