// drive/files/create over multipart, against wire/drive-create-*.txt from a real Misskey 2025.5.0.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from './server.ts'
import { answer, bearer, misskeyError, post, upload } from './test-helpers.ts'

let fake: FakeMisskey
let admin: string

beforeAll(async () => {
  fake = await startFakeMisskey()
  admin = fake.users.admin.token
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

// wire/red.png, a 4×4 PNG.
const RED_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==',
  'base64',
)
const png = () => new Blob([RED_PNG], { type: 'image/png' })
// Declared as text/plain; Misskey sniffs the bytes and stores application/octet-stream.
const text = (content: string) => new Blob([content], { type: 'text/plain' })

const DRIVE_FILE_KEYS = [
  'id',
  'createdAt',
  'name',
  'type',
  'md5',
  'size',
  'isSensitive',
  'blurhash',
  'properties',
  'url',
  'thumbnailUrl',
  'comment',
  'folderId',
  'folder',
  'userId',
  'user',
]

type DriveFile = Record<string, unknown> & { id: string; url: string }

describe('drive/files/create', () => {
  it('takes the token from form field `i` and sniffs a PNG', async () => {
    const a = await upload(fake, [
      ['i', admin],
      ['file', png(), 'red.png'],
    ])
    expect(a.status).toBe(200)
    const file = a.json as DriveFile
    expect(Object.keys(file)).toEqual(DRIVE_FILE_KEYS)
    expect(file).toMatchObject({
      name: 'red.png',
      type: 'image/png',
      md5: '04870961fb546fc38ce759b2bedc69d6',
      size: 73,
      isSensitive: false,
      properties: { width: 4, height: 4 },
      comment: null,
      folderId: null,
      folder: null,
      userId: null,
      user: null,
    })
    expect(file.blurhash).toEqual(expect.any(String))
    expect(file.thumbnailUrl).toMatch(new RegExp(`^${fake.origin}/files/thumbnail-`))
    expect(fake.received.at(-1)).toMatchObject({ token: admin, tokenSource: 'form' })
    const served = await fetch(file.url)
    expect(Buffer.from(await served.arrayBuffer())).toEqual(RED_PNG)
  })

  it('reads fields before or after the file, and casts booleans from strings', async () => {
    const a = await upload(
      fake,
      [
        ['file', text('hello from probe\n'), 'small.txt'],
        ['name', 'renamed.txt'],
        ['comment', 'a comment'],
        ['isSensitive', 'true'],
      ],
      bearer(admin),
    )
    expect(a.json).toMatchObject({
      name: 'renamed.txt',
      type: 'application/octet-stream',
      md5: 'a0ebbd21cedca8f1b06e281e808014d2',
      size: 17,
      isSensitive: true,
      blurhash: null,
      properties: {},
      thumbnailUrl: null,
      comment: 'a comment',
    })
  })

  it('deduplicates by md5 whatever the field name, unless force=true', async () => {
    const first = (await upload(fake, [['file', text('unique 1'), 'one.txt']], bearer(admin)))
      .json as DriveFile
    const same = await upload(fake, [['other', text('unique 1'), 'two.txt']], bearer(admin))
    expect(same.status).toBe(200)
    expect(same.json).toMatchObject({ id: first.id, name: 'one.txt' })
    const forced = await upload(
      fake,
      [
        ['force', 'true'],
        ['file', text('unique 1'), 'forced.txt'],
      ],
      bearer(admin),
    )
    expect(forced.json).toMatchObject({ name: 'forced.txt' })
    expect((forced.json as DriveFile).id).not.toBe(first.id)
    const listed = (await post(fake, 'drive/files', {}, bearer(admin))).json as DriveFile[]
    expect(listed.map((file) => file.name)).toEqual(['forced.txt', 'one.txt'])
  })

  it('rejects a non-boolean isSensitive with the multipart cast error id', async () => {
    const a = await upload(
      fake,
      [
        ['isSensitive', 'notabool'],
        ['file', text('x'), 'x.txt'],
      ],
      bearer(admin),
    )
    expect(a.status).toBe(400)
    expect(misskeyError(a)).toEqual({
      message: 'Invalid param.',
      code: 'INVALID_PARAM',
      id: '0b5f1631-7c1a-41a6-b399-cce335f34d85',
      kind: 'client',
      info: { param: 'isSensitive', reason: 'cannot cast to boolean' },
    })
  })

  it('answers an empty 400 without a file part, or to JSON', async () => {
    const noFile = await upload(fake, [['i', admin]])
    const json = await post(fake, 'drive/files/create', { i: admin })
    for (const a of [noFile, json]) {
      expect(a.status).toBe(400)
      expect(a.text).toBe('')
      expect(a.headers.get('content-length')).toBe('0')
      expect(a.headers.get('content-type')).toBeNull()
      expect(a.headers.get('access-control-allow-origin')).toBe('*')
    }
  })

  it('fails a bad token with 401 and an app token without write:drive with 403', async () => {
    const bad = await upload(fake, [['file', png(), 'red.png']], bearer('y'.repeat(16)))
    expect(bad.status).toBe(401)
    expect(misskeyError(bad)).toMatchObject({ code: 'AUTHENTICATION_FAILED' })
    const app = fake.createAppToken(fake.users.admin.id, ['read:account'])
    const denied = await upload(fake, [['file', png(), 'red.png']], bearer(app))
    expect(denied.status).toBe(403)
    expect(misskeyError(denied)).toMatchObject({ code: 'PERMISSION_DENIED' })
  })

  it('needs a credential', async () => {
    const a = await upload(fake, [['file', png(), 'red.png']])
    expect(a.status).toBe(401)
    expect(a.headers.get('www-authenticate')).toBe('Bearer realm="Misskey"')
    expect(misskeyError(a)).toMatchObject({ code: 'CREDENTIAL_REQUIRED' })
  })

  it('is not reachable with GET', async () => {
    const a = await fetch(`${fake.origin}/api/drive/files/create`).then(answer)
    expect(a.status).toBe(405)
  })
})
