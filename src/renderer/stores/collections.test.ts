import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { OpenedCollection, RunFolderReport } from '../../shared/collection-session.ts'
import type { CollectionTree, SavedRequest } from '../../shared/collections.ts'
import { fail, ok } from '../../shared/result.ts'
import { useCollectionsStore } from './collections.ts'
import { installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const request = (path: string): SavedRequest => ({
  path,
  name: path.replace(/^.*\/|\.request\.json$/g, ''),
  origin: null,
  endpoint: 'notes/create',
  authMode: 'header',
  accountLabel: null,
  body: '{}',
  notes: '',
  captures: [],
})
const tree: CollectionTree = {
  directory: '/home/me/api',
  root: {
    path: '',
    name: 'api',
    children: [
      { kind: 'request', request: request('Create.request.json') },
      {
        kind: 'folder',
        folder: {
          path: 'flow',
          name: 'flow',
          children: [{ kind: 'folder', folder: { path: 'flow/deep', name: 'deep', children: [] } }],
        },
      },
    ],
  },
  environments: [{ name: 'local', variables: { who: 'alice', limit: '2' } }],
  invalidEnvironments: [],
}
const opened: OpenedCollection = { tree, activeEnvironment: 'local', captured: { who: 'bob' } }

let main: StandInBridge
beforeEach(() => {
  setActivePinia(createPinia())
  main = installStandInBridge()
})

describe('the collections store', () => {
  it('reopens the last collection, lists its folders, and lets captures win over the environment', async () => {
    main.answer('collections.open', async () => ok(opened))
    const collections = useCollectionsStore()
    await collections.start()
    expect(collections.status).toBe('open')
    expect(collections.folders.map((folder) => folder.path)).toEqual(['', 'flow', 'flow/deep'])
    expect(collections.variables).toEqual({ who: 'bob', limit: '2' })
  })

  it('follows the listing main pushes, and says when the folder went away', async () => {
    main.answer('collections.open', async () => ok(null))
    const collections = useCollectionsStore()
    await collections.start()
    expect(collections.status).toBe('none')
    main.emit('collections.onChanged', ok(tree))
    expect([collections.status, collections.tree?.directory]).toEqual(['open', '/home/me/api'])
    main.emit('collections.onChanged', fail('COLLECTION_NOT_FOUND', 'The folder is gone.'))
    expect([collections.status, collections.error?.message]).toEqual([
      'error',
      'The folder is gone.',
    ])
  })

  it('keeps a failed action’s reason, and the request it saved as the one opened', async () => {
    main.answer('collections.saveRequest', async () =>
      fail('COLLECTION_NAME_TAKEN', 'A request has that name.'),
    )
    const collections = useCollectionsStore()
    const draft = { ...request('x'), path: undefined }
    expect(await collections.save('', draft, 'https://misskey.example notes/create')).toBeNull()
    expect(collections.actionError?.message).toBe('A request has that name.')
    expect(collections.busy).toBe(false)

    main.answer('collections.saveRequest', async (folder, saved) =>
      ok({ ...saved, path: `${folder}/Create.request.json` }),
    )
    await collections.save('flow', draft, 'https://misskey.example notes/create')
    expect(collections.actionError).toBeNull()
    expect(collections.opened?.request.path).toBe('flow/Create.request.json')
    collections.follow('flow/Create.request.json', request('flow/deep/Create.request.json'))
    expect(collections.opened?.request.path).toBe('flow/deep/Create.request.json')
  })

  it('runs one folder at a time and keeps what the run captured', async () => {
    let finish!: (report: RunFolderReport) => void
    main.answer(
      'collections.runFolder',
      () => new Promise((done) => (finish = (report) => done(ok(report)))),
    )
    const collections = useCollectionsStore()
    const run = collections.runFolder('flow', 'https://misskey.example')
    expect(collections.running).toBe('flow')
    await collections.runFolder('flow/deep', null) // refused while one runs; the first run asks with no approval
    expect(main.argsOf('collections.runFolder')).toEqual([
      ['flow', 'https://misskey.example', null],
    ])
    finish({ folder: 'flow', steps: [], captured: { noteId: 'n1' } })
    await run
    expect([collections.running, collections.captured]).toEqual([null, { noteId: 'n1' }])
  })

  it('switches the environment only when main agrees', async () => {
    main.answer('collections.open', async () => ok(opened))
    main.answer('environments.setActive', async () =>
      fail('COLLECTION_ITEM_NOT_FOUND', 'No such environment.'),
    )
    const collections = useCollectionsStore()
    await collections.start()
    await collections.setActiveEnvironment('staging')
    expect(collections.activeEnvironment).toBe('local')
    main.answer('environments.setActive', async (name) => ok(name))
    await collections.setActiveEnvironment(null)
    expect(collections.activeEnvironment).toBeNull()
  })
})
