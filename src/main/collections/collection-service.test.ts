import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import type { CollectionTree } from '../../shared/collections.ts'
import { fail, type Result } from '../../shared/result.ts'
import { tempFolders } from '../history/testing/temp-folder.ts'
import {
  filesWithText,
  servicesWorld,
  until,
  type ServicesWorld,
} from '../testing/services-world.ts'
import { createSettingsFile } from '../settings/app-settings.ts'
import { createCollectionService } from './collection-service.ts'
import { serializeRequest } from './request-file.ts'
import { draft } from './testing/collection-fixtures.ts'

const folders = tempFolders()
let fake: FakeMisskey
let world: ServicesWorld
let collectionFolder: string

beforeEach(async () => {
  fake = await startFakeMisskey()
  world = servicesWorld(await folders.make('services-'))
  collectionFolder = await folders.make('collection-')
})

afterEach(async () => {
  await world.services.close()
  await fake.close()
  await folders.removeAll()
})

async function openCollectionFolder(target = world) {
  target.dialogs.folder = collectionFolder
  const opened = await target.services.collections.chooseFolder()
  if (!opened.ok || !opened.value) throw new Error('the collection did not open')
  return opened.value
}

const changes = () =>
  world.events
    .filter(([name]) => name === 'collections.onChanged')
    .map(([, payload]) => payload as Result<CollectionTree>)

const names = (result: Result<CollectionTree> | undefined) =>
  result?.ok
    ? result.value.root.children.map((node) =>
        node.kind === 'request'
          ? node.request.name
          : node.kind === 'folder'
            ? node.folder.name
            : `!${node.file.path}`,
      )
    : result?.error.code

describe('the collection service', () => {
  it('opens the folder picked in the dialog and reopens it in the next session', async () => {
    world.dialogs.folder = null
    expect(await world.services.collections.chooseFolder()).toEqual({ ok: true, value: null })
    const opened = await openCollectionFolder()
    expect(opened).toMatchObject({ tree: { directory: collectionFolder }, activeEnvironment: null })
    await world.services.close()

    const later = servicesWorld(world.storageDirectory)
    try {
      const reopened = await later.services.collections.openRemembered()
      expect(reopened).toMatchObject({ ok: true, value: { tree: { directory: collectionFolder } } })
    } finally {
      await later.services.close()
    }
  })

  it('pushes its own changes and changes made on disk; a bad file is listed and left alone', async () => {
    await openCollectionFolder()
    const saved = await world.services.collections.saveRequest('', draft({ name: 'Create' }))
    expect(saved).toMatchObject({ ok: true, value: { path: 'Create.request.json' } })
    expect(names(changes().at(-1))).toEqual(['Create'])

    // A git pull: a new request and a file that does not parse.
    await writeFile(
      join(collectionFolder, 'Pulled.request.json'),
      serializeRequest(draft({ name: 'Pulled' })),
    )
    await writeFile(join(collectionFolder, 'Broken.request.json'), '{ "version": 1, ')
    await until(() => names(changes().at(-1))?.length === 3)
    expect(names(changes().at(-1))).toEqual(['Create', '!Broken.request.json', 'Pulled'])
    expect(await readFile(join(collectionFolder, 'Broken.request.json'), 'utf8')).toBe(
      '{ "version": 1, ',
    )
  })

  it('says so when the folder is deleted while open, and refuses changes', async () => {
    await openCollectionFolder()
    await rm(collectionFolder, { recursive: true })
    await until(() => changes().some((change) => !change.ok))
    expect(changes().at(-1)).toMatchObject({ ok: false, error: { code: 'COLLECTION_NOT_FOUND' } })
    expect(await world.services.collections.saveRequest('', draft())).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_FOUND' },
    })
  })

  it('answers COLLECTION_NOT_OPEN before a folder is chosen', async () => {
    expect(await world.services.collections.saveRequest('', draft())).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NOT_OPEN' },
    })
  })

  it('remembers the active environment per folder and fills its variables into sent bodies', async () => {
    await openCollectionFolder()
    await world.services.collections.saveEnvironment({ name: 'local', variables: { limit: '2' } })
    expect(await world.services.collections.setActiveEnvironment('nope')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_NOT_FOUND' },
    })
    expect(await world.services.collections.setActiveEnvironment('local')).toEqual({
      ok: true,
      value: 'local',
    })
    const sent = await world.services.requests.send({
      requestId: 'variables-1',
      origin: fake.origin,
      endpoint: 'notes/local-timeline',
      body: '{ "limit": {{limit}} }',
      auth: { mode: 'none', accountId: null },
    })
    expect(sent.ok).toBe(true)
    expect(fake.received.at(-1)?.bodyText).toBe('{"limit":2}')
    await world.services.history.settled()
    const page = await world.services.history.search({ limit: 1 })
    expect(page.ok && page.value.items[0]?.requestPreview).toBe('{ "limit": 2 }')

    await world.services.close()
    const later = servicesWorld(world.storageDirectory)
    try {
      expect(await later.services.collections.openRemembered()).toMatchObject({
        ok: true,
        value: { activeEnvironment: 'local' },
      })
    } finally {
      await later.services.close()
    }
  })

  it('runs a folder in order, a captured id feeding the next request, each recorded', async () => {
    const account = await world.services.accounts.addWithToken(
      fake.origin,
      fake.users.alice.token,
      'alice',
    )
    if (!account.ok) throw new Error(account.error.message)
    await openCollectionFolder()
    await mkdir(join(collectionFolder, 'flow'))
    const request = (
      name: string,
      endpoint: string,
      body: string,
      captures = [] as Array<{ variable: string; path: string }>,
    ) =>
      world.services.collections.saveRequest(
        'flow',
        draft({
          name,
          origin: null,
          endpoint,
          body,
          authMode: 'header',
          accountLabel: 'alice',
          captures,
        }),
      )
    await request('Create', 'notes/create', '{ "text": "from a run" }', [
      { variable: 'noteId', path: 'createdNote.id' },
    ])
    await request('Show', 'notes/show', '{ "noteId": "{{noteId}}" }')

    const run = await world.services.collections.runFolder('flow', fake.origin)
    if (!run.ok) throw new Error(run.error.message)
    const [create, show] = run.value.steps
    expect(create).toMatchObject({ name: 'Create', accountLabel: 'alice', outcome: { ok: true } })
    const noteId = create!.captured.noteId!
    expect(noteId).toMatch(/\w+/)
    expect(show).toMatchObject({ sentBody: `{ "noteId": "${noteId}" }`, unknownVariables: [] })
    expect(show!.outcome.ok && show!.outcome.response.status).toBe(200)
    expect(run.value.captured).toEqual({ noteId })
    expect(fake.received.at(-1)?.json).toEqual({ noteId })

    await world.services.history.settled()
    const page = await world.services.history.search({})
    expect(page.ok && page.value.items.map((item) => item.endpoint)).toEqual([
      'notes/show',
      'notes/create',
    ])
    // Captured values live in the session, never in the collection's files.
    for (const [name, text] of await filesWithText(collectionFolder)) {
      expect(text.includes(noteId), name).toBe(false)
      expect(text.includes(fake.users.alice.token), name).toBe(false)
    }
  })

  it('exports the collection as a zip and imports it into an empty folder, which opens', async () => {
    await openCollectionFolder()
    await world.services.collections.saveRequest('', draft({ name: 'Shared' }))
    const zipFolder = await folders.make('zip-')
    world.dialogs.saveTo = join(zipFolder, 'shared.zip')
    const exported = await world.services.collectionZip.exportZip()
    expect(exported).toMatchObject({ ok: true, value: { files: 2, skipped: [] } })

    world.dialogs.file = world.dialogs.saveTo
    world.dialogs.folder = join(zipFolder, 'unpacked')
    const imported = await world.services.collectionZip.importZip()
    expect(imported).toMatchObject({
      ok: true,
      value: { files: 2, collection: { tree: { directory: join(zipFolder, 'unpacked') } } },
    })
    expect(world.services.collections.directory()).toBe(join(zipFolder, 'unpacked'))

    world.dialogs.folder = collectionFolder
    expect(await world.services.collectionZip.importZip()).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_TARGET_NOT_EMPTY' },
    })
  })
})

describe('the collection service while its own change is under way', () => {
  it('never shows a duplicate before it has its place after the original', async () => {
    // The watcher lists the folder 1 ms after the disk goes quiet, so it sees each step of a
    // duplicate (the copy written, then the folder's order) unless the service holds it back.
    const pushed: Array<Result<CollectionTree>> = []
    const service = createCollectionService({
      settings: createSettingsFile(
        join(await folders.make('settings-'), 'settings.json'),
        () => {},
      ),
      log: () => {},
      chooseFolder: async () => collectionFolder,
      emitChanged: (result) => pushed.push(result),
      send: async () => fail('INTERNAL', 'nothing is sent here'),
      account: async () => null,
      watchDebounceMs: 1,
    })
    try {
      await service.chooseFolder()
      for (const name of ['A', 'B', 'C']) await service.saveRequest('', draft({ name }))
      pushed.length = 0
      for (let copies = 0; copies < 12; copies++) {
        const duplicated = await service.duplicateRequest('A.request.json')
        expect(duplicated.ok).toBe(true)
      }
      expect(pushed.length).toBeGreaterThan(0)
      for (const result of pushed) {
        // Every copy of A sits between A and B, wherever a listing caught them.
        const shown = names(result) as string[]
        expect(shown[0]).toBe('A')
        expect(shown.slice(-2)).toEqual(['B', 'C'])
      }
    } finally {
      await service.close()
    }
  })
})
