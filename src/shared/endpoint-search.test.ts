import { describe, expect, it } from 'vitest'
import type { CatalogEndpoint } from './catalog.ts'
import { createEndpointIndex } from './endpoint-search.ts'

const endpoint = (name: string, tags: string[] = [], description = ''): CatalogEndpoint => ({
  name,
  tags,
  description,
  credentialRequired: null,
  permission: null,
  allowGet: false,
  multipart: false,
  deprecated: false,
  internal: false,
  hasParameters: true,
  sourceUrl: null,
})

const catalog = [
  endpoint('notes/create', ['notes'], 'Create a note.'),
  endpoint('notes/show', ['notes']),
  endpoint('drive/files/create', ['drive'], 'Upload a new drive file.'),
  endpoint('i', ['account']),
  endpoint('meta', ['meta']),
  endpoint('antennas/notes', ['antennas']),
]

const names = (query: string) =>
  createEndpointIndex(catalog)
    .search(query)
    .map((e) => e.name)

describe('endpoint search', () => {
  it('returns everything for an empty query', () => {
    expect(names('  ')).toHaveLength(catalog.length)
  })

  it('ranks an exact name, then a prefix, then a segment match', () => {
    expect(names('notes')).toEqual(['notes/create', 'notes/show', 'antennas/notes'])
    expect(names('i')[0]).toBe('i')
  })

  it('requires every word to match somewhere', () => {
    expect(names('create drive')).toEqual(['drive/files/create'])
    expect(names('create nothing-like-this')).toEqual([])
  })

  it('matches tags, descriptions and letters in order', () => {
    expect(names('upload')).toEqual(['drive/files/create'])
    expect(names('ntcr')).toEqual(['notes/create'])
  })
})
