import { readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from './history-store.ts'
import { sampleInput } from './testing/history-fixtures.ts'
import { tempFolders } from './testing/temp-folder.ts'

const folders = tempFolders()
const open: HistoryStore[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()))
  await folders.removeAll()
})

const now = () => Date.UTC(2025, 5, 1, 12, 0, 0)

async function openStore(directory: string, options: Partial<HistoryStoreOptions> = {}) {
  const opened = await openHistoryStore({ directory, now, log: () => undefined, ...options })
  if (!opened.ok) throw new Error(opened.error.message)
  open.push(opened.value)
  return opened.value
}

async function withEntries(count: number) {
  const directory = await folders.make('history-')
  const store = await openStore(directory)
  const ids: string[] = []
  for (let index = 0; index < count; index++) {
    const result = await store.append(sampleInput({ endpoint: `endpoint${index}` }))
    if (result.ok) ids.push(result.value.id)
  }
  await store.close()
  open.splice(open.indexOf(store), 1)
  return { directory, ids, databasePath: join(directory, 'history.db') }
}

async function listed(store: HistoryStore) {
  const page = await store.query({ limit: 500 })
  return page.ok ? page.value.items.map((item) => item.id) : []
}

describe('a damaged database', () => {
  it('sets aside a file that is not a database, says where, and starts a fresh one', async () => {
    const directory = await folders.make('history-')
    const garbage = 'this is not a database, just text that happens to be here\n'.repeat(100)
    await writeFile(join(directory, 'history.db'), garbage)
    const logged: string[] = []
    const store = await openStore(directory, { log: (message) => logged.push(message) })
    expect(store.notices).toEqual([
      expect.objectContaining({
        code: 'DAMAGED_FILE_SET_ASIDE',
        setAsidePath: `${join(directory, 'history.db')}.damaged-2025-06-01T12-00-00-000Z`,
        recoveredEntries: 0,
      }),
    ])
    expect(logged.join('\n')).toContain('damaged')
    expect(await readFile(store.notices[0]!.setAsidePath, 'utf8')).toBe(garbage)
    expect(await listed(store)).toEqual([])
    expect((await store.append(sampleInput())).ok).toBe(true)
    await store.close()
    // The fresh database is clean: the next start has nothing to say.
    expect((await openStore(directory)).notices).toEqual([])
  })

  it('sets aside a database damaged inside, tells the user, and goes on with a fresh one', async () => {
    const { directory, databasePath } = await withEntries(40)
    // Scribble over the pages the entries grew into (the schema and the first pages of each
    // table, which opening reads, stay whole): the damage shows when a search reads them.
    const bytes = await readFile(databasePath)
    for (let offset = 4096 * 20; offset < bytes.length; offset++) bytes[offset] = offset % 251
    await writeFile(databasePath, bytes)
    const store = await openStore(directory)
    // Found when opening reads a damaged page, or by the first search that does.
    const page = await store.query({ text: 'endpoint1' })
    if (!page.ok) expect(page.error.code).toBe('STORAGE_FAILED')
    expect(store.notices).toEqual([expect.objectContaining({ code: 'DAMAGED_FILE_SET_ASIDE' })])
    expect(await readdir(directory)).toContain(basename(store.notices[0]!.setAsidePath))
    expect(await listed(store)).toEqual([])
    expect((await store.append(sampleInput())).ok).toBe(true)
  })
})

describe('a disk that fails', () => {
  it('reports a full disk while saving and records nothing, then goes on once there is room', async () => {
    const { directory, ids } = await withEntries(2)
    // The database may not grow past its current size: a 300 kB body does not fit.
    const store = await openStore(directory, { maxPageCount: 40 })
    const big = JSON.stringify({ pad: 'x'.repeat(300_000) })
    expect(await store.append(sampleInput({ requestBody: big }))).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL' },
    })
    expect(await listed(store)).toEqual([ids[1], ids[0]])
    const added = await store.append(sampleInput({ endpoint: 'after' }))
    expect(added.ok).toBe(true)
    await store.close()
    const reopened = await openStore(directory)
    expect(reopened.notices).toEqual([])
    expect(await listed(reopened)).toEqual([added.ok ? added.value.id : '', ids[1], ids[0]])
  })

  it('reports a history folder that cannot be created', async () => {
    const directory = await folders.make('history-')
    await writeFile(join(directory, 'file'), '')
    const opened = await openHistoryStore({
      directory: join(directory, 'file', 'history'),
      now,
      log: () => undefined,
    })
    expect(opened).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } })
  })
})

describe('two writers', () => {
  it('refuses a second store on the same folder while the first is open, then allows it', async () => {
    const directory = await folders.make('history-')
    const first = await openStore(directory)
    const second = await openHistoryStore({ directory, now, log: () => undefined })
    expect(second).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } })
    await first.close()
    expect((await openStore(directory)).notices).toEqual([])
  })
})
