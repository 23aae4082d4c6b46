// Endpoint behaviour of the fake against the observed Misskey 2025.5.0 values (observed.md, wire/).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from './server.ts'
import { bearer, misskeyError, post } from './test-helpers.ts'

let fake: FakeMisskey
let admin: string
let alice: string

beforeAll(async () => {
  fake = await startFakeMisskey()
  admin = fake.users.admin.token
  alice = fake.users.alice.token
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const INSUFFICIENT_SCOPE =
  'Bearer realm="Misskey", error="insufficient_scope", error_description="Your app does not have the necessary permissions to use this endpoint."'
const NOTE_KEYS = [
  'id',
  'createdAt',
  'userId',
  'user',
  'text',
  'cw',
  'visibility',
  'localOnly',
  'reactionAcceptance',
  'renoteCount',
  'repliesCount',
  'reactionCount',
  'reactions',
  'reactionEmojis',
  'fileIds',
  'files',
  'replyId',
  'renoteId',
  'clippedCount',
]

describe('permissions', () => {
  it('denies an app token without the endpoint’s permission with 403 PERMISSION_DENIED', async () => {
    const app = fake.createAppToken(fake.users.admin.id, ['read:account', 'write:notes'])
    expect((await post(fake, 'i', {}, bearer(app))).status).toBe(200)
    expect((await post(fake, 'notes/create', { text: 'via app' }, bearer(app))).status).toBe(200)
    for (const name of ['drive/files', 'admin/meta']) {
      const a = await post(fake, name, {}, bearer(app))
      expect(a.status).toBe(403)
      expect(a.headers.get('www-authenticate')).toBe(INSUFFICIENT_SCOPE)
      expect(misskeyError(a)).toEqual({
        message: 'Your app does not have the necessary permissions to use this endpoint.',
        code: 'PERMISSION_DENIED',
        id: '1370e5b7-d4eb-4566-bb1d-7748ee6a1838',
        kind: 'permission',
      })
    }
  })

  it('answers a secure endpoint called with an app token with 400 ACCESS_DENIED', async () => {
    const app = fake.createAppToken(fake.users.admin.id, ['read:account'])
    const a = await post(fake, 'miauth/gen-token', { session: 's', permission: [] }, bearer(app))
    expect(a.status).toBe(400)
    expect(a.headers.get('www-authenticate')).toBe(
      'Bearer realm="Misskey", error="invalid_request", error_description="Access denied."',
    )
    expect(misskeyError(a)).toEqual({
      message: 'Access denied.',
      code: 'ACCESS_DENIED',
      id: '56f35758-7dd5-468b-8439-5d6fb8ec9b8e',
      kind: 'client',
    })
  })

  it('gives a non-admin 403 ROLE_PERMISSION_DENIED without a challenge, and the admin 200', async () => {
    const denied = await post(fake, 'admin/meta', {}, bearer(alice))
    expect(denied.status).toBe(403)
    expect(denied.headers.get('www-authenticate')).toBeNull()
    expect(misskeyError(denied)).toEqual({
      message: 'You are not assigned to an administrator role.',
      code: 'ROLE_PERMISSION_DENIED',
      id: 'c3d38592-54c0-429d-be96-5636b0431a61',
      kind: 'permission',
    })
    const allowed = await post(fake, 'admin/meta', {}, bearer(admin))
    expect(allowed.status).toBe(200)
    expect(allowed.json).toMatchObject({
      version: '2025.5.0-fake',
      uri: fake.origin,
      federation: 'all',
    })
  })

  it('omits secrets from i for app tokens, as includeSecrets does', async () => {
    const native = await post(fake, 'i', {}, bearer(admin))
    expect(native.json).toMatchObject({ email: null, emailVerified: false, securityKeysList: [] })
    const app = fake.createAppToken(fake.users.admin.id, ['read:account'])
    expect(Object.keys((await post(fake, 'i', {}, bearer(app))).json as object)).not.toContain(
      'email',
    )
  })
})

describe('notes', () => {
  it('creates a note wrapped in createdNote, with the real key order', async () => {
    const a = await post(fake, 'notes/create', { text: 'hello' }, bearer(admin))
    expect(a.status).toBe(200)
    const note = (a.json as { createdNote: Record<string, unknown> }).createdNote
    expect(Object.keys(note)).toEqual(NOTE_KEYS)
    expect(note).toMatchObject({ text: 'hello', cw: null, visibility: 'public', reactions: {} })
    expect(note.id).toMatch(/^[0-9a-z]{16}$/)
    expect(Object.keys(note.user as object)).toEqual([
      'id',
      'name',
      'username',
      'host',
      'avatarUrl',
      'avatarBlurhash',
      'avatarDecorations',
      'isBot',
      'isCat',
      'emojis',
      'onlineStatus',
      'badgeRoles',
    ])
  })

  it('reports Misskey’s first ajv error, with if/then pointers for notes/create', async () => {
    const cases: Array<[string, unknown, string, string]> = [
      ['notes/show', {}, '#/required', "must have required property 'noteId'"],
      ['notes/show', { noteId: 123 }, '#/properties/noteId/type', 'must be string'],
      ['notes/create', {}, '#/then/required', "must have required property 'text'"],
      ['notes/create', { text: null }, '#/then/properties/text/type', 'must be string'],
    ]
    for (const [name, body, param, reason] of cases) {
      const a = await post(fake, name, body, bearer(admin))
      expect(a.status).toBe(400)
      expect(misskeyError(a)).toMatchObject({ code: 'INVALID_PARAM', info: { param, reason } })
    }
  })

  it('shows, lists, reacts to and deletes a note', async () => {
    const created = await post(fake, 'notes/create', { text: 'hi' }, bearer(alice))
    const noteId = (created.json as { createdNote: { id: string } }).createdNote.id
    expect((await post(fake, 'notes/show', { noteId })).json).toMatchObject({
      id: noteId,
      text: 'hi',
    })
    expect(
      (await post(fake, 'following/create', { userId: fake.users.alice.id }, bearer(admin))).status,
    ).toBe(200)
    const timeline = await post(fake, 'notes/timeline', { limit: 5 }, bearer(admin))
    expect(timeline.json).toEqual([expect.objectContaining({ id: noteId })])
    const local = await post(fake, 'notes/local-timeline', {})
    expect(local.json).toEqual([expect.objectContaining({ id: noteId })])

    const reacted = await post(
      fake,
      'notes/reactions/create',
      { noteId, reaction: '👍' },
      bearer(admin),
    )
    expect(reacted.status).toBe(204)
    expect(reacted.text).toBe('')
    expect(reacted.headers.get('content-type')).toBeNull()
    expect((await post(fake, 'notes/show', { noteId }, bearer(admin))).json).toMatchObject({
      reactions: { '👍': 1 },
      reactionCount: 1,
      myReaction: '👍',
    })
    const again = await post(
      fake,
      'notes/reactions/create',
      { noteId, reaction: '👍' },
      bearer(admin),
    )
    expect(misskeyError(again)).toMatchObject({ code: 'ALREADY_REACTED' })

    expect((await post(fake, 'notes/delete', { noteId }, bearer(alice))).status).toBe(204)
    const gone = await post(fake, 'notes/show', { noteId })
    expect(gone.status).toBe(400)
    expect(gone.headers.get('www-authenticate')).toBe(
      'Bearer realm="Misskey", error="invalid_request", error_description="No such note."',
    )
    expect(misskeyError(gone)).toEqual({
      message: 'No such note.',
      code: 'NO_SUCH_NOTE',
      id: '24fcbfc6-2e37-42b6-8388-c29b3861a08d',
      kind: 'client',
    })
  })

  it('answers users/show for an unknown user with 404 NO_SUCH_USER', async () => {
    expect((await post(fake, 'users/show', { username: 'alice' })).json).toMatchObject({
      id: fake.users.alice.id,
      notesCount: 0,
    })
    const a = await post(fake, 'users/show', { username: 'nobody' })
    expect(a.status).toBe(404)
    expect(misskeyError(a)).toMatchObject({
      code: 'NO_SUCH_USER',
      id: '4362f8dc-731f-4ad8-a694-be5a88922a24',
    })
  })
})

describe('rate limits', () => {
  it('lets drive/folders/create through 10 times an hour, then 429 with retry-after 3600', async () => {
    // The window opens with the first accepted call: its reset is an hour after that call, however
    // long the ten calls took on a busy machine.
    const firstSent = Date.now()
    for (let i = 1; i <= 10; i++) {
      const a = await post(fake, 'drive/folders/create', { name: `f${i}` }, bearer(admin))
      expect(a.status).toBe(200)
      expect(Object.keys(a.json as object)).toEqual(['id', 'createdAt', 'name', 'parentId'])
    }
    const a = await post(fake, 'drive/folders/create', { name: 'f11' }, bearer(admin))
    const refusedAt = Date.now()
    expect(a.status).toBe(429)
    expect(a.headers.get('retry-after')).toBe('3600')
    expect(a.headers.get('www-authenticate')).toBeNull()
    const error = misskeyError(a)
    expect(error).toMatchObject({
      message: 'Rate limit exceeded. Please try again later.',
      code: 'RATE_LIMIT_EXCEEDED',
      id: 'd5826d14-3982-4d2e-8011-b9e9f02499ef',
      kind: 'client',
      info: { remaining: 0, total: 10 },
    })
    const info = error.info as { reset: number; resetMs: number }
    expect(info.reset).toBe(Math.floor(info.resetMs / 1000))
    expect(info.resetMs).toBeGreaterThanOrEqual(firstSent + 3600_000)
    expect(info.resetMs).toBeLessThanOrEqual(refusedAt + 3600_000)
    // Limits are per user: alice still has her ten.
    expect((await post(fake, 'drive/folders/create', {}, bearer(alice))).status).toBe(200)
  })

  it('enforces notes/delete’s 1 s minimum interval with retry-after 1', async () => {
    const ids = []
    for (const text of ['a', 'b']) {
      const a = await post(fake, 'notes/create', { text }, bearer(admin))
      ids.push((a.json as { createdNote: { id: string } }).createdNote.id)
    }
    expect((await post(fake, 'notes/delete', { noteId: ids[0] }, bearer(admin))).status).toBe(204)
    const second = await post(fake, 'notes/delete', { noteId: ids[1] }, bearer(admin))
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('1')
    expect(misskeyError(second)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', info: { total: 1 } })
    await new Promise((resolve) => setTimeout(resolve, 1200))
    expect((await post(fake, 'notes/delete', { noteId: ids[1] }, bearer(admin))).status).toBe(204)
  })
})
