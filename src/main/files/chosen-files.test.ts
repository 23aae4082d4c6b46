import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChosenFiles } from './chosen-files.ts'

let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'chosen-files-'))
  await writeFile(join(folder, 'photo.png'), Buffer.alloc(1234, 1))
  await writeFile(join(folder, 'empty.txt'), '')
  await mkdir(join(folder, 'a-folder'))
})
afterAll(() => rm(folder, { recursive: true, force: true }))

const choose = (name: string | null) =>
  createChosenFiles(async () => (name === null ? null : join(folder, name))).choose()

describe('choosing a file to upload', () => {
  it('hands the renderer an id, a name and a size, and keeps the path in main', async () => {
    const files = createChosenFiles(async () => join(folder, 'photo.png'))
    const chosen = await files.choose()
    expect(chosen).toMatchObject({ ok: true, value: { name: 'photo.png', sizeBytes: 1234 } })
    if (chosen.ok && chosen.value) {
      expect(Object.keys(chosen.value).sort()).toEqual(['fileId', 'name', 'sizeBytes'])
      expect(files.pathOf(chosen.value.fileId)).toBe(join(folder, 'photo.png'))
    }
    expect(files.pathOf('never-handed-out')).toBeNull()
  })

  it('answers null when the user cancels the dialog', async () => {
    expect(await choose(null)).toEqual({ ok: true, value: null })
  })

  it('refuses an empty file, a folder and a file that is gone, saying why', async () => {
    expect(await choose('empty.txt')).toMatchObject({
      ok: false,
      error: { code: 'FILE_EMPTY', detail: { name: 'empty.txt' } },
    })
    expect(await choose('a-folder')).toMatchObject({
      ok: false,
      error: { code: 'FILE_UNREADABLE', detail: { reason: 'not a file' } },
    })
    expect(await choose('missing.bin')).toMatchObject({
      ok: false,
      error: { code: 'FILE_UNREADABLE', detail: { reason: 'ENOENT' } },
    })
  })
})
