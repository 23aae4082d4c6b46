import { describe, expect, it } from 'vitest'
import { readSharedJson } from '../../../test-kit/support/shared-fixtures.ts'
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

/** Real api.json in the form main sends: components as $defs. */
function realResponseSchema(api: Record<string, any>, path: string): SchemaNode {
  const node = api.paths[path].post.responses['200'].content['application/json'].schema
  const text = JSON.stringify({ ...node, $defs: api.components.schemas })
  return JSON.parse(text.replaceAll('#/components/schemas/', '#/$defs/')) as SchemaNode
}

const api = readSharedJson('api.json') as Record<string, any> | null
const entity = (name: string) => readSharedJson(`entities/${name}`)

describe.skipIf(!api)(
  'the preview plan on a real Misskey 2025.5 (needs ../shared/fixtures/misskey)',
  () => {
    it('knows each endpoint’s objects from its response schema', () => {
      const cases: Array<[string, string, string]> = [
        ['/notes/timeline', 'timeline-home-10.json', 'notes'],
        ['/notes/show', 'note-mfm-files-reactions.json', 'note'],
        ['/users/show', 'user-detailed-alice.json', 'user'],
        ['/users/followers', 'users-followers.json', 'table'],
        ['/i/notifications', 'notifications.json', 'notifications'],
        ['/drive/files', 'drive-files.json', 'files'],
        ['/drive/files/create', 'drive-file.json', 'file'],
        ['/emojis', 'emojis.json', 'emojis'],
        ['/i', 'i-admin.json', 'user'],
      ]
      for (const [path, file, kind] of cases) {
        expect(planPreview(entity(file), realResponseSchema(api!, path))?.kind, path).toBe(kind)
      }
    })

    it('ties ids to objects as the schema says, in notes, follow rows and files', () => {
      const notes = realResponseSchema(api!, '/notes/timeline')
      const note = planPreview(entity('timeline-home-10.json'), notes)!.schema
      expect(
        Object.fromEntries(
          ['id', 'userId', 'replyId', 'renoteId', 'fileIds', 'channelId', 'createdAt'].map(
            (field) => [field, idFieldTarget(notes, note, field)],
          ),
        ),
      ).toEqual({
        id: 'Note',
        userId: 'UserLite',
        replyId: 'Note',
        renoteId: 'Note',
        fileIds: 'DriveFile',
        channelId: 'Channel',
        createdAt: null,
      })
      const follows = realResponseSchema(api!, '/users/followers')
      const row = planPreview(entity('users-followers.json'), follows)!.schema
      expect(idFieldTarget(follows, row, 'followerId')).toBe('UserDetailedNotMe')
      expect(idFieldTarget(follows, row, 'id')).toBeNull()
      const files = realResponseSchema(api!, '/drive/files')
      const file = planPreview(entity('drive-files.json'), files)!.schema
      expect(idFieldTarget(files, file, 'folderId')).toBe('DriveFolder')
      expect(idFieldTarget(files, file, 'userId')).toBe('UserLite')
    })
  },
)
