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

  it('ranks results matching more of the words first, without requiring all', () => {
    expect(names('create drive')[0]).toBe('drive/files/create')
    expect(names('create nothing-like-this')).toContain('notes/create')
    expect(names('zzzz qqqq')).toEqual([])
    // Typed like a name, every part must match, as in a path.
    expect(names('zzzz-no-such-endpoint')).toEqual([])
    expect(names('notes/sh')).toEqual(['notes/show'])
  })

  it('never lets small words exclude or reorder a result', () => {
    expect(names('create a note')).toEqual(names('create note'))
    expect(names('the note to create')[0]).toBe('notes/create')
  })

  it('matches tags, descriptions, synonyms and letters in order', () => {
    expect(names('upload')[0]).toBe('drive/files/create')
    expect(names('post a note')[0]).toBe('notes/create')
    expect(names('ntcr')).toEqual(['notes/create'])
  })

  it('finds an endpoint from Japanese words, split where the vocabulary knows them', () => {
    expect(names('ノートを投稿')[0]).toBe('notes/create')
    expect(names('ファイルをアップロード')[0]).toBe('drive/files/create')
    expect(names('自分')[0]).toBe('i')
  })

  it('forgives one wrong letter in words of five letters or more, not in shorter ones', () => {
    expect(names('antemnas')[0]).toBe('antennas/notes')
    expect(names('drivw')[0]).toBe('drive/files/create')
    expect(names('mrta')).not.toContain('meta')
  })

  it('completes a word being typed', () => {
    expect(names('antenn')[0]).toBe('antennas/notes')
    expect(names('notes/cr')[0]).toBe('notes/create')
  })
})
