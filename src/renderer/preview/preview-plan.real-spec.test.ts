import { describe, expect, it } from 'vitest'
import { readSharedJson } from '../../../test-kit/support/shared-fixtures.ts'
import { idFieldTarget } from './id-links.ts'
import { planPreview } from './preview-kind.ts'
import type { SchemaNode } from './schema-nav.ts'

// The preview plan against a real Misskey 2025.5 api.json and the answers of entities/ (outside
// the repository; skipped, saying so, when absent). Type-checked with Node's types (tsconfig.e2e).

/** Real api.json in the form main sends: components as $defs. */
interface ApiDocument {
  paths: Record<
    string,
    { post: { responses: Record<string, { content: Record<string, { schema: object }> }> } }
  >
  components: { schemas: object }
}

function realResponseSchema(api: ApiDocument, path: string): SchemaNode {
  const node = api.paths[path]!.post.responses['200']!.content['application/json']!.schema
  const text = JSON.stringify({ ...node, $defs: api.components.schemas })
  return JSON.parse(text.replaceAll('#/components/schemas/', '#/$defs/')) as SchemaNode
}

const api = readSharedJson('api.json') as ApiDocument | null
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
