import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { servicesWorld, type ServicesWorld } from '../testing/services-world.ts'
import { serializeRequest } from './request-file.ts'
import { draft } from './testing/collection-fixtures.ts'

// Running a folder sends requests as the user's accounts: a folder the app did not write (a zip,
// a git pull, an editor) asks first, showing where and as whom; a captured value does not travel
// to another server unasked.
const folders = tempFolders()
let fake: FakeMisskey
let other: FakeMisskey
let world: ServicesWorld
let collectionFolder: string

beforeEach(async () => {
  fake = await startFakeMisskey()
  other = await startFakeMisskey()
  world = servicesWorld(await folders.make('services-'))
  collectionFolder = await folders.make('collection-')
  const account = await world.services.accounts.addWithToken(
    fake.origin,
    fake.users.alice.token,
    'alice',
  )
  if (!account.ok) throw new Error(account.error.message)
  world.dialogs.folder = collectionFolder
  const opened = await world.services.collections.chooseFolder()
  if (!opened.ok || !opened.value) throw new Error('the collection did not open')
  // Adding the account checked its token: only what the runs send counts below.
  fake.received.length = 0
})

afterEach(async () => {
  await world.services.close()
  await fake.close()
  await other.close()
  await folders.removeAll()
})

const sentTo = (server: FakeMisskey) => server.received.filter((r) => r.path.startsWith('/api/'))

async function writeOutside(name: string, overrides: Parameters<typeof draft>[0]) {
  await mkdir(join(collectionFolder, 'flow'), { recursive: true })
  await writeFile(
    join(collectionFolder, 'flow', `${name}.request.json`),
    serializeRequest(draft({ name, origin: null, ...overrides })),
  )
}

it('asks before the first run of requests written outside the app, showing server and account', async () => {
  await writeOutside('Create', { endpoint: 'notes/create', body: '{"text": "from a pull"}' })
  const asked = await world.services.collections.runFolder('flow', fake.origin)
  expect(asked).toMatchObject({
    ok: true,
    value: {
      steps: [],
      confirmation: {
        changedOutside: true,
        crossOrigin: [],
        steps: [
          { name: 'Create', endpoint: 'notes/create', origin: fake.origin, accountLabel: 'alice' },
        ],
      },
    },
  })
  expect(sentTo(fake)).toEqual([])
  // A yes to another plan is no yes.
  expect(
    await world.services.collections.runFolder('flow', fake.origin, 'f'.repeat(64)),
  ).toMatchObject({
    ok: true,
    value: { steps: [], confirmation: {} },
  })
  expect(sentTo(fake)).toEqual([])

  const approval = asked.ok ? asked.value.confirmation!.approval : ''
  const run = await world.services.collections.runFolder('flow', fake.origin, approval)
  expect(run).toMatchObject({ ok: true, value: { steps: [{ outcome: { ok: true } }] } })
  expect(run.ok && run.value.confirmation).toBeUndefined()
  expect(sentTo(fake)).toHaveLength(1)

  // Approved once: it runs; changed outside again: it asks again.
  const again = await world.services.collections.runFolder('flow', fake.origin)
  expect(again.ok && again.value.steps).toHaveLength(1)
  expect(again.ok && again.value.confirmation).toBeUndefined()
  await writeOutside('Create', { endpoint: 'notes/create', body: '{"text": "edited by hand"}' })
  expect(await world.services.collections.runFolder('flow', fake.origin)).toMatchObject({
    ok: true,
    value: { steps: [], confirmation: { changedOutside: true } },
  })
  expect(sentTo(fake)).toHaveLength(2)
})

it('runs requests the app saved itself without asking', async () => {
  await world.services.collections.createFolder('', 'flow')
  await world.services.collections.saveRequest(
    'flow',
    draft({ name: 'Mine', origin: null, endpoint: 'meta', body: '{}' }),
  )
  const run = await world.services.collections.runFolder('flow', fake.origin)
  expect(run).toMatchObject({ ok: true, value: { steps: [{ outcome: { ok: true } }] } })
  expect(run.ok && run.value.confirmation).toBeUndefined()
})

it('never sends a value captured from one server to another unless the user says so', async () => {
  await world.services.collections.createFolder('', 'flow')
  await world.services.collections.saveRequest(
    'flow',
    draft({
      name: 'Create',
      origin: fake.origin,
      endpoint: 'notes/create',
      body: '{"text": "mine"}',
      captures: [{ variable: 'noteId', path: 'createdNote.id' }],
    }),
  )
  await world.services.collections.saveRequest(
    'flow',
    draft({
      name: 'Elsewhere',
      origin: other.origin,
      endpoint: 'notes/show',
      authMode: 'none',
      accountLabel: null,
      body: '{"noteId": "{{noteId}}"}',
    }),
  )
  const asked = await world.services.collections.runFolder('flow', null)
  expect(asked).toMatchObject({
    ok: true,
    value: {
      steps: [],
      confirmation: {
        changedOutside: false,
        crossOrigin: [
          {
            variable: 'noteId',
            capturedFrom: fake.origin,
            sentTo: other.origin,
            request: 'Elsewhere',
          },
        ],
      },
    },
  })
  expect(sentTo(fake)).toEqual([])
  expect(sentTo(other)).toEqual([])

  const approval = asked.ok ? asked.value.confirmation!.approval : ''
  const run = await world.services.collections.runFolder('flow', null, approval)
  if (!run.ok) throw new Error(run.error.message)
  const noteId = run.value.captured.noteId!
  expect(sentTo(other).at(-1)?.json).toEqual({ noteId })

  // Sent from the editor, the captured value goes back to its own server only.
  const otherCalls = sentTo(other).length
  const editorSend = (origin: string, requestId: string) =>
    world.services.requests.send({
      requestId,
      origin,
      endpoint: 'notes/show',
      body: '{"noteId": "{{noteId}}"}',
      auth: { mode: 'none', accountId: null },
    })
  expect(await editorSend(other.origin, 'editor-1')).toMatchObject({
    ok: false,
    error: {
      code: 'CAPTURED_VALUE_OTHER_SERVER',
      detail: { variable: 'noteId', capturedFrom: fake.origin, sentTo: other.origin },
    },
  })
  expect(sentTo(other)).toHaveLength(otherCalls)
  expect(await editorSend(fake.origin, 'editor-2')).toMatchObject({
    ok: true,
    value: { status: 200 },
  })
  expect(sentTo(fake).at(-1)?.json).toEqual({ noteId })
})

it('remembers where a value captured in an earlier run came from', async () => {
  await world.services.collections.createFolder('', 'first')
  await world.services.collections.createFolder('', 'second')
  await world.services.collections.saveRequest(
    'first',
    draft({
      name: 'Create',
      origin: fake.origin,
      endpoint: 'notes/create',
      body: '{"text": "mine"}',
      captures: [{ variable: 'noteId', path: 'createdNote.id' }],
    }),
  )
  await world.services.collections.saveRequest(
    'second',
    draft({
      name: 'Show',
      origin: null,
      endpoint: 'notes/show',
      authMode: 'none',
      accountLabel: null,
      body: '{"noteId": "{{noteId}}"}',
    }),
  )
  const first = await world.services.collections.runFolder('first', null)
  expect(first.ok && first.value.captured.noteId).toMatch(/\w/)
  const second = await world.services.collections.runFolder('second', other.origin)
  expect(second).toMatchObject({
    ok: true,
    value: {
      steps: [],
      confirmation: { crossOrigin: [{ variable: 'noteId', sentTo: other.origin }] },
    },
  })
  expect(sentTo(other)).toEqual([])
  // To the server it came from, it goes without asking.
  const same = await world.services.collections.runFolder('second', fake.origin)
  expect(same).toMatchObject({ ok: true, value: { steps: [{ outcome: { ok: true } }] } })
})
