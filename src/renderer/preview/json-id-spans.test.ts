import { describe, expect, it } from 'vitest'
import { findJsonIdSpans, walkJsonIdSpans } from './json-id-spans.ts'
import type { SchemaNode } from './schema-nav.ts'

const schema: SchemaNode = {
  type: 'array',
  items: { $ref: '#/$defs/Note' },
  $defs: {
    Note: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'id' },
        userId: { type: 'string', format: 'id' },
        user: { $ref: '#/$defs/UserLite' },
        text: { type: ['string', 'null'] },
        fileIds: { type: 'array', items: { type: 'string', format: 'id' } },
        files: { type: 'array', items: { $ref: '#/$defs/DriveFile' } },
      },
    },
    UserLite: { type: 'object', properties: { id: { type: 'string', format: 'id' } } },
    DriveFile: { type: 'object', properties: { id: { type: 'string', format: 'id' } } },
  },
}

const answer = [
  {
    id: 'note1',
    userId: 'user1',
    user: { id: 'user1', username: 'alice' },
    text: 'not an id: "note1"',
    fileIds: ['file1', 'file2'],
    files: [{ id: 'file1' }],
  },
]

function linked(text: string, has = (_endpoint: string) => true) {
  return findJsonIdSpans(text, schema, has).map((span) => ({
    text: text.slice(span.start, span.end),
    endpoint: span.endpoint,
    body: span.body,
  }))
}

describe('ids in the JSON view', () => {
  it('links every id the schema ties to an object, where it stands in the text', () => {
    const links = linked(JSON.stringify(answer, null, 2))
    expect(links).toEqual([
      { text: 'note1', endpoint: 'notes/show', body: { noteId: 'note1' } },
      { text: 'user1', endpoint: 'users/show', body: { userId: 'user1' } },
      { text: 'user1', endpoint: 'users/show', body: { userId: 'user1' } },
      { text: 'file1', endpoint: 'drive/files/show', body: { fileId: 'file1' } },
      { text: 'file2', endpoint: 'drive/files/show', body: { fileId: 'file2' } },
      { text: 'file1', endpoint: 'drive/files/show', body: { fileId: 'file1' } },
    ])
  })

  it('reads compact and escaped JSON alike, and leaves out endpoints the server lacks', () => {
    const text = JSON.stringify([{ ...answer[0], text: 'a "quoted" \\ \u2603 line' }])
    const links = linked(text, (endpoint) => endpoint !== 'drive/files/show')
    expect(links.map((link) => link.text)).toEqual(['note1', 'user1', 'user1'])
  })

  it('walks a long answer a step per item: the steps together link what one walk does', () => {
    const text = JSON.stringify([answer[0], answer[0], answer[0]], null, 2)
    const walk = walkJsonIdSpans(text, schema, () => true)
    const seen: number[] = []
    while (!walk.steps.next().done) seen.push(walk.spans.length)
    expect(seen.length).toBeGreaterThan(3)
    expect(walk.spans).toEqual(findJsonIdSpans(text, schema, () => true))
    expect(walk.spans).toHaveLength(18)
  })

  it('reads keys with escapes and a bare string at the top', () => {
    const text = '[{"\u0069d": "note1"}]'
    expect(linked(text).map((link) => link.text)).toEqual(['note1'])
    expect(findJsonIdSpans('"note1"', schema, () => true)).toEqual([])
  })

  it('links nothing in text that is not JSON', () => {
    expect(findJsonIdSpans('{"id": "x"', schema, () => true)).toEqual([])
  })
})
