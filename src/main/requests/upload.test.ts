import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import type { RequestProgress } from '../../shared/requests.ts'
import { ok } from '../../shared/result.ts'
import { createRequestSender } from './request-sender.ts'

// A 4×4 red PNG (the one a real Misskey stored as image/png with a thumbnail).
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==',
  'base64',
)

let fake: FakeMisskey
let folder: string
const progress: RequestProgress[] = []

beforeAll(async () => {
  fake = await startFakeMisskey()
  folder = await mkdtemp(join(tmpdir(), 'upload-'))
  await writeFile(join(folder, 'red.png'), png)
  await writeFile(join(folder, 'big.bin'), Buffer.alloc(3 * 1024 * 1024, 7))
})
afterAll(() => fake.close())

const sender = createRequestSender({
  tokenFor: async () => ok(fake.users.alice.token),
  filePath: (fileId) =>
    fileId === 'red' ? join(folder, 'red.png') : fileId === 'big' ? join(folder, 'big.bin') : null,
  monotonicNow: () => performance.now(),
  emitProgress: (event) => progress.push(event),
  // A 3 MB upload on loopback is over within the quiet first 100 ms: report from the start.
  progressQuietMs: 0,
})

let counter = 0
const upload = (
  fileId: string,
  mode: 'body' | 'header',
  fields: Record<string, string | boolean | null> = {},
) =>
  sender.send({
    requestId: `upload-${++counter}`,
    origin: fake.origin,
    endpoint: 'drive/files/create',
    body: '{}',
    auth: { mode, accountId: 'alice' },
    upload: { fileId, fields },
  })

describe('multipart uploads', () => {
  it('streams the file with its fields, the token as the form field `i` in body mode', async () => {
    const result = await upload('red', 'body', {
      name: 'red.png',
      isSensitive: false,
      comment: null,
    })
    expect(result).toMatchObject({ ok: true, value: { status: 200, body: { kind: 'json' } } })
    if (result.ok && result.value.body.kind === 'json') {
      expect(JSON.parse(result.value.body.text)).toMatchObject({
        name: 'red.png',
        type: 'image/png',
        size: png.length,
        isSensitive: false,
      })
    }
    const seen = fake.received.at(-1)
    expect(seen).toMatchObject({
      path: '/api/drive/files/create',
      tokenSource: 'form',
      token: fake.users.alice.token,
    })
    expect(seen?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(seen?.headers.authorization).toBeUndefined()
  })

  it('sends the token as a header in header mode, and reports upload progress', async () => {
    progress.length = 0
    const result = await upload('big', 'header', { force: true })
    expect(result).toMatchObject({ ok: true, value: { status: 200 } })
    expect(fake.received.at(-1)).toMatchObject({ tokenSource: 'header' })
    const uploads = progress.filter((event) => event.phase === 'upload')
    expect(uploads.length).toBeGreaterThan(0)
    expect(uploads.at(-1)?.bytes).toBeGreaterThanOrEqual(3 * 1024 * 1024)
  })

  it('refuses a file id main never handed out', async () => {
    expect(await upload('forged', 'header')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_FILE' },
    })
  })
})
