import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, expect, it } from 'vitest'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { openCollection } from './collection.ts'
import {
  exportCollection,
  importCollection,
  packCollection,
  unpackCollection,
} from './collection-zip.ts'
import { draft } from './testing/collection-fixtures.ts'

const folders = tempFolders()
afterEach(() => folders.removeAll())

async function sampleCollection() {
  const collection = openCollection(await folders.make('collection-'))
  await collection.createFolder('', 'notes')
  await collection.saveRequest('notes', draft({ name: 'create' }))
  await collection.saveRequest('notes', draft({ name: 'show', endpoint: 'notes/show' }))
  await collection.reorder('notes', ['show.request.json'])
  await collection.saveRequest(
    '',
    draft({ name: 'meta', endpoint: 'meta', authMode: 'none', accountLabel: null }),
  )
  await collection.saveEnvironment({ name: 'local', variables: { host: '127.0.0.1' } })
  return collection
}

it('exports a collection to a zip another user imports into the same tree', async () => {
  const source = await sampleCollection()
  const before = await source.list()
  await writeFile(join(source.directory, 'notes', 'broken.request.json'), '{')
  await mkdir(join(source.directory, '.git'))
  await writeFile(join(source.directory, '.git', 'HEAD'), 'ref: refs/heads/main')
  await writeFile(join(source.directory, 'README.md'), '# mine')
  const zipPath = join(await folders.make('zip-'), 'collection.zip')
  const exported = await exportCollection(source.directory, zipPath)
  expect(exported).toEqual({
    ok: true,
    value: {
      files: 6,
      skipped: [{ path: 'notes/broken.request.json', error: expect.stringContaining('not JSON') }],
    },
  })
  const target = join(await folders.make('import-'), 'imported')
  expect(await importCollection(zipPath, target)).toEqual({
    ok: true,
    value: { files: 6, skipped: [] },
  })
  const after = await openCollection(target).list()
  if (!before.ok || !after.ok) throw new Error('listing failed')
  const strip = (tree: typeof before.value) =>
    JSON.stringify({ ...tree, directory: '', root: { ...tree.root, name: '' } })
  expect(strip(after.value)).toEqual(strip(before.value))
  expect(await readFile(join(target, 'notes', 'show.request.json'), 'utf8')).toBe(
    await readFile(join(source.directory, 'notes', 'show.request.json'), 'utf8'),
  )
})

it('gives the same bytes for the same collection', async () => {
  const source = await sampleCollection()
  const first = await packCollection(source.directory)
  const second = await packCollection(source.directory)
  expect(
    first.ok && second.ok && Buffer.from(first.value.zip).equals(Buffer.from(second.value.zip)),
  ).toBe(true)
})

it('imports only into an empty or new folder', async () => {
  const source = await sampleCollection()
  const packed = await packCollection(source.directory)
  if (!packed.ok) throw new Error(packed.error.message)
  const target = await folders.make('import-')
  await writeFile(join(target, 'keep.txt'), 'mine')
  expect(await unpackCollection(packed.value.zip, target)).toMatchObject({
    ok: false,
    error: { code: 'IMPORT_TARGET_NOT_EMPTY' },
  })
  expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('mine')
})

it('refuses a zip that is not one, and leaves out entries that escape or are not the app’s', async () => {
  const target = await folders.make('import-')
  expect(await unpackCollection(new Uint8Array([1, 2, 3]), target)).toMatchObject({
    ok: false,
    error: { code: 'ZIP_INVALID' },
  })
  const request = new TextEncoder().encode(
    await readFile(join((await sampleCollection()).directory, 'meta.request.json'), 'utf8'),
  )
  const hostile = zipSync({
    '../escape.request.json': request,
    '/abs.request.json': request,
    'run.sh': new TextEncoder().encode('rm -rf ~'),
    'ok.request.json': request,
    'bad.request.json': new TextEncoder().encode('{'),
  })
  const result = await unpackCollection(hostile, join(target, 'new'))
  expect(result).toMatchObject({ ok: true, value: { files: 1 } })
  expect(result.ok && result.value.skipped.map((file) => file.path).sort()).toEqual(
    ['../escape.request.json', '/abs.request.json', 'bad.request.json', 'run.sh'].sort(),
  )
  expect(await readdir(join(target, 'new'))).toEqual(['ok.request.json'])
})

it('removes a half-done import when the disk fills, and reports it', async () => {
  const source = await sampleCollection()
  const packed = await packCollection(source.directory)
  if (!packed.ok) throw new Error(packed.error.message)
  const target = await folders.make('import-')
  let writes = 0
  const result = await unpackCollection(packed.value.zip, target, {
    writeFile: async (path, data) => {
      if (++writes > 2) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
      await writeFile(path, data)
    },
  })
  expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } })
  expect(await readdir(target)).toEqual([])
})

it('exports a request file edited by hand without the token typed into it', async () => {
  const collection = await sampleCollection()
  const path = join(collection.directory, 'meta.request.json')
  const file = JSON.parse(await readFile(path, 'utf8')) as { body: string[] }
  file.body = ['{', `  // by hand`, `  i: 's3cr3t-token', limit: 5,`, '}']
  await writeFile(path, JSON.stringify(file))
  const packed = await packCollection(collection.directory)
  if (!packed.ok) throw new Error(packed.error.message)
  const unpacked = unzipSync(packed.value.zip)
  const text = new TextDecoder().decode(unpacked['meta.request.json'])
  expect(text).not.toContain('s3cr3t-token')
  expect(text).toContain('limit')
})
