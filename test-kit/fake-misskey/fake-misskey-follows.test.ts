// users/followers, users/following and users/notes answer like Misskey 2025.5.0
// (shared/fixtures/misskey/entities/users-followers.json: Following rows with the other side packed).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from './server.ts'
import { bearer, misskeyError, post } from './test-helpers.ts'

let fake: FakeMisskey

beforeAll(async () => {
  fake = await startFakeMisskey()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

describe('follow lists and a user’s notes', () => {
  it('lists who follows a user and whom they follow, each row with the other side', async () => {
    const { admin, alice } = fake.users
    await post(fake, 'following/create', { userId: admin.id }, bearer(alice.token))
    const followers = await post(fake, 'users/followers', { userId: admin.id })
    expect(followers.status).toBe(200)
    const rows = followers.json as Array<Record<string, unknown>>
    expect(rows).toHaveLength(1)
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'createdAt',
      'followeeId',
      'followerId',
      'follower',
    ])
    expect(rows[0]).toMatchObject({ followeeId: admin.id, followerId: alice.id })
    expect((rows[0]!.follower as Record<string, unknown>).username).toBe('alice')

    const following = await post(fake, 'users/following', { username: 'alice', host: null })
    const followed = following.json as Array<Record<string, unknown>>
    expect((followed[0]!.followee as Record<string, unknown>).username).toBe('admin')
    expect(await post(fake, 'users/followers', { userId: admin.id + 'x' })).toMatchObject({
      status: 400,
    })
  })

  it('lists a user’s own notes, newest first, without replies unless asked', async () => {
    const { alice } = fake.users
    const first = await post(fake, 'notes/create', { text: 'one' }, bearer(alice.token))
    const noteId = ((first.json as Record<string, unknown>).createdNote as Record<string, unknown>)
      .id
    await post(fake, 'notes/create', { text: 'two', replyId: noteId }, bearer(alice.token))
    const notes = await post(fake, 'users/notes', { userId: alice.id })
    expect((notes.json as Array<Record<string, unknown>>).map((note) => note.text)).toEqual(['one'])
    const all = await post(fake, 'users/notes', { userId: alice.id, withReplies: true })
    expect((all.json as Array<Record<string, unknown>>).map((note) => note.text)).toEqual([
      'two',
      'one',
    ])
    const missing = await post(fake, 'users/notes', { userId: 'nobody' })
    expect(misskeyError(missing).code).toBe('NO_SUCH_USER')
  })
})
