import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectionKit } from './testing/collection-kit.ts'
import { draft } from './testing/collection-fixtures.ts'

const { collection, listing } = collectionKit()

const diskFull = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })

describe('files the app did not write', () => {
  it('lists a malformed request with its error and never rewrites or deletes it', async () => {
    const target = await collection()
    await target.createFolder('', 'f')
    const broken = '{ "name": "half'
    await writeFile(join(target.directory, 'f', 'broken.request.json'), broken)
    await writeFile(join(target.directory, 'f', 'wrong.request.json'), '{"version":1,"name":"x"}')
    expect(await listing(target, 'f')).toEqual(['!f/broken.request.json', '!f/wrong.request.json'])
    const tree = await target.list()
    const node = tree.ok && tree.value.root.children[0]
    const invalid = node && node.kind === 'folder' ? node.folder.children : []
    expect(invalid[0]).toMatchObject({
      kind: 'invalid',
      file: { error: expect.stringContaining('not JSON') },
    })
    expect(invalid[1]).toMatchObject({
      kind: 'invalid',
      file: { error: expect.stringContaining('origin') },
    })
    for (const result of [
      await target.updateRequest('f/broken.request.json', draft()),
      await target.renameRequest('f/broken.request.json', 'fixed'),
      await target.moveRequest('f/broken.request.json', ''),
      await target.deleteRequest('f/broken.request.json'),
      await target.duplicateRequest('f/broken.request.json'),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'COLLECTION_ITEM_INVALID' } })
    }
    expect(await target.deleteFolder('f')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_FOLDER_NOT_EMPTY' },
    })
    expect(await readFile(join(target.directory, 'f', 'broken.request.json'), 'utf8')).toBe(broken)
  })

  it('leaves an unreadable order file as it is, lists it, and still saves', async () => {
    const target = await collection()
    await writeFile(join(target.directory, '.order.json'), '[oops')
    expect((await target.saveRequest('', draft())).ok).toBe(true)
    expect(await listing(target)).toEqual(['Create a note.request.json', '!.order.json'])
    expect(await target.reorder('', [])).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_INVALID' },
    })
    expect(await readFile(join(target.directory, '.order.json'), 'utf8')).toBe('[oops')
  })

  it('refuses to delete a folder holding files of the user', async () => {
    const target = await collection()
    await target.createFolder('', 'f')
    await writeFile(join(target.directory, 'f', 'notes.md'), '# mine')
    expect(await target.deleteFolder('f')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_FOLDER_NOT_EMPTY', detail: { file: 'f/notes.md' } },
    })
  })

  it('lists a malformed environment and refuses to overwrite it', async () => {
    const target = await collection()
    await mkdir(join(target.directory, 'environments'))
    await writeFile(join(target.directory, 'environments', 'dev.json'), '{"variables": [1]}')
    const tree = await target.list()
    expect(tree.ok && tree.value.invalidEnvironments).toMatchObject([
      { path: 'environments/dev.json' },
    ])
    expect(await target.saveEnvironment({ name: 'dev', variables: {} })).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_INVALID' },
    })
  })
})

describe('a disk or folder that fails', () => {
  it('reports a full disk and loses nothing', async () => {
    let full = false
    const target = await collection({
      writeFile: async (path, data) => {
        if (full) throw diskFull()
        await writeFile(path, data)
      },
    })
    await target.saveRequest('', draft({ name: 'a' }))
    await target.saveRequest('', draft({ name: 'b' }))
    const before = await listing(target)
    const aBefore = await readFile(join(target.directory, 'a.request.json'), 'utf8')
    full = true
    for (const result of [
      await target.saveRequest('', draft({ name: 'c' })),
      await target.updateRequest('a.request.json', draft({ name: 'a', body: '{}' })),
      await target.renameRequest('a.request.json', 'renamed'),
      await target.duplicateRequest('a.request.json'),
      await target.reorder('', ['b.request.json']),
      await target.createFolder('', 'f'),
      await target.saveEnvironment({ name: 'dev', variables: {} }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } })
    }
    expect(await listing(target)).toEqual(before)
    expect(await readFile(join(target.directory, 'a.request.json'), 'utf8')).toBe(aBefore)
    expect((await readdir(target.directory)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('reports a folder it may not write to', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const target = await collection({ writeFile: () => Promise.reject(denied) })
    expect(await target.saveRequest('', draft())).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_NOT_WRITABLE' },
    })
    expect(await listing(target)).toEqual([])
  })

  // Root ignores file permissions, so this one runs only as an ordinary user.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'reports a read-only folder without the injected writer',
    async () => {
      const target = await collection()
      await chmod(target.directory, 0o500)
      try {
        expect(await target.saveRequest('', draft())).toMatchObject({
          ok: false,
          error: { code: 'STORAGE_NOT_WRITABLE' },
        })
      } finally {
        await chmod(target.directory, 0o700)
      }
    },
  )

  it('reports a collection folder deleted while open', async () => {
    const target = await collection()
    await target.saveRequest('', draft())
    await rm(target.directory, { recursive: true })
    expect(await target.list()).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_FOUND' },
    })
    expect(await target.saveRequest('', draft())).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_FOUND' },
    })
    expect(await target.deleteRequest('Create a note.request.json')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_FOUND' },
    })
  })

  it('reports a request that vanished (deleted outside the app)', async () => {
    const target = await collection()
    await target.saveRequest('', draft())
    await rm(join(target.directory, 'Create a note.request.json'))
    expect(await target.updateRequest('Create a note.request.json', draft())).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_NOT_FOUND' },
    })
    expect(await target.moveRequest('Create a note.request.json', 'nowhere')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_NOT_FOUND' },
    })
  })
})
