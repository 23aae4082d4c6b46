import { describe, expect, it } from 'vitest'
import { idFieldTarget } from './id-links.ts'
import { planPreview } from './preview-kind.ts'
import { resolveSchema, type SchemaNode } from './schema-nav.ts'

// Which cards an answer becomes and which ids lead where, read from the response schema.

/** A small response schema in the shape main sends (components under $defs). */
const noteList: SchemaNode = {
  type: 'array',
  items: { $ref: '#/$defs/Note' },
  $defs: {
    Note: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'id' },
        userId: { type: 'string', format: 'id' },
        user: { $ref: '#/$defs/UserLite' },
        replyId: { type: ['string', 'null'], format: 'id' },
        reply: { type: ['object', 'null'], allOf: [{ $ref: '#/$defs/Note' }] },
        fileIds: { type: 'array', items: { type: 'string', format: 'id' } },
        files: { type: 'array', items: { $ref: '#/$defs/DriveFile' } },
        channelId: { type: ['string', 'null'], format: 'id' },
        text: { type: ['string', 'null'] },
      },
    },
    UserLite: { type: 'object', properties: { id: { type: 'string', format: 'id' } } },
    DriveFile: { type: 'object', properties: { id: { type: 'string', format: 'id' } } },
  },
}

describe('the preview plan', () => {
  it('draws a list of Notes as note cards and ties each id field to its object', () => {
    const plan = planPreview([{ id: 'n1', text: 'hi' }], noteList)
    expect(plan?.kind).toBe('notes')
    expect(plan?.schema.component).toBe('Note')
    const target = (field: string) => idFieldTarget(noteList, plan!.schema, field)
    expect(target('id')).toBe('Note')
    expect(target('userId')).toBe('UserLite')
    expect(target('replyId')).toBe('Note')
    expect(target('fileIds')).toBe('DriveFile')
    // No `channel` beside it: the show table's parameter name says what it is.
    expect(target('channelId')).toBe('Channel')
    expect(target('text')).toBeNull()
  })

  it('falls back on the answer’s shape when there is no schema', () => {
    const note = { id: 'n', createdAt: 'x', userId: 'u', visibility: 'public' }
    expect(planPreview([note], null)?.kind).toBe('notes')
    expect(planPreview({ id: 'u', username: 'alice', avatarUrl: null }, null)?.kind).toBe('user')
    expect(
      planPreview([{ id: 'f', md5: 'm', url: 'u', type: 'image/png', size: 1 }], null)?.kind,
    ).toBe('files')
    expect(planPreview([{ a: 1 }, { a: 2 }], null)?.kind).toBe('table')
    expect(
      planPreview({ emojis: [{ id: 'e', name: 'x', url: 'u', aliases: [] }] }, null)?.kind,
    ).toBe('emojis')
    expect(planPreview({ version: '1' }, null)?.kind).toBe('object')
    expect(planPreview([], null)).toBeNull()
    expect(planPreview('text', null)).toBeNull()
  })

  it('survives a schema whose $refs loop', () => {
    const loop: SchemaNode = {
      $ref: '#/$defs/A',
      $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } },
    }
    expect(resolveSchema(loop, loop, {}).schema).toEqual({})
  })
})
