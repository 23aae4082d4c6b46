import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { openCollection } from './collection.ts'
import type { CollectionChange, CollectionWatcher } from './collection-watcher.ts'
import { serializeRequest } from './request-file.ts'
import { draft } from './testing/collection-fixtures.ts'

const folders = tempFolders()
const watchers: CollectionWatcher[] = []
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((watcher) => watcher.close()))
  await folders.removeAll()
})

async function watched() {
  const collection = openCollection(await folders.make('collection-'))
  const changes: CollectionChange[] = []
  const watcher = collection.watch((change) => changes.push(change), { debounceMs: 150 })
  watchers.push(watcher)
  await watcher.ready
  return { collection, changes, watcher }
}

async function until(check: () => boolean, timeoutMs = 5000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the watcher')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const names = (change: CollectionChange | undefined) =>
  change?.kind === 'changed'
    ? change.tree.root.children.map((node) =>
        node.kind === 'request'
          ? node.request.name
          : node.kind === 'folder'
            ? `${node.folder.name}/`
            : `!${node.file.path}`,
      )
    : change?.error.code

it('reports files written outside the app (a git pull), once per burst', async () => {
  const { collection, changes } = await watched()
  // Several files in quick succession, as a pull writes them.
  await mkdir(join(collection.directory, 'pulled'))
  for (const name of ['a', 'b', 'c']) {
    await writeFile(
      join(collection.directory, `${name}.request.json`),
      serializeRequest(draft({ name })),
    )
  }
  await until(() => changes.length > 0)
  // A later write is the witness: its report comes after anything left of the burst.
  await writeFile(
    join(collection.directory, 'd.request.json'),
    serializeRequest(draft({ name: 'd' })),
  )
  await until(() => changes.length > 1)
  expect(names(changes[0])).toEqual(['a', 'b', 'c', 'pulled/'])
  expect(names(changes[1])).toEqual(['a', 'b', 'c', 'd', 'pulled/'])
})

it('follows folders created after it started, and files edited in them', async () => {
  const { collection, changes } = await watched()
  await mkdir(join(collection.directory, 'later'))
  await until(() => changes.length === 1)
  await writeFile(
    join(collection.directory, 'later', 'x.request.json'),
    serializeRequest(draft({ name: 'x' })),
  )
  await until(() => changes.length === 2)
  const change = changes[1]
  expect(change?.kind === 'changed' && change.tree.root.children[0]).toMatchObject({
    kind: 'folder',
    folder: { children: [{ kind: 'request', request: { name: 'x' } }] },
  })
})

it('lists a file that does not parse with its error', async () => {
  const { collection, changes } = await watched()
  await writeFile(join(collection.directory, 'half.request.json'), '{"name":')
  await until(() => changes.length === 1)
  expect(names(changes[0])).toEqual(['!half.request.json'])
})

it('says when the collection folder is deleted', async () => {
  const { collection, changes } = await watched()
  await collection.saveRequest('', draft())
  await until(() => changes.length === 1)
  await rm(collection.directory, { recursive: true })
  await until(() => changes.length === 2)
  expect(changes[1]).toMatchObject({ kind: 'error', error: { code: 'COLLECTION_NOT_FOUND' } })
})

it('reports nothing once closed', async () => {
  const { collection, changes, watcher } = await watched()
  await watcher.close()
  // A second watcher on the same folder: once it has reported the write, the closed one would
  // have reported it too (same debounce) if it were still watching.
  const witness: CollectionChange[] = []
  const open = collection.watch((change) => witness.push(change), { debounceMs: 150 })
  watchers.push(open)
  await open.ready
  await writeFile(
    join(collection.directory, 'a.request.json'),
    serializeRequest(draft({ name: 'a' })),
  )
  await until(() => witness.length === 1)
  expect(names(witness[0])).toEqual(['a'])
  expect(changes).toEqual([])
})
