import { appendFile, cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleInput } from './testing/history-fixtures.ts'
import { historyStoreKit } from './testing/store-kit.ts'

const { folders, openStore, append, ids } = historyStoreKit()

// testing/legacy-history was written by the store before SQLite (see its README).
const legacy = {
  a: '6dbd4884-fa09-4f94-bd18-c86be045424b', // meta, pinned
  b: 'e25a5112-db4f-45a0-9b4d-53294745250f', // "Quarterly report", a token typed in the body
  c: '8ffbab9e-d78f-4c79-ab05-64d61ba237ae', // NO_SUCH_NOTE
  deleted: 'd5ec5acd-933d-4064-ab1d-3966195c49eb',
  e: '01e631db-dbc6-4328-9eac-f927533ceb5d', // users/show, response cut at 4096 bytes
  f: 'd303d1e4-4617-4342-bd92-a58f80265a3a',
  g: '269c830f-c538-4c2a-8c5d-690c2cf05f1e', // pinned, then unpinned
}
const newestFirst = [legacy.g, legacy.f, legacy.e, legacy.c, legacy.b, legacy.a]

async function oldHistory(): Promise<string> {
  const directory = await folders.make('history-legacy-')
  await cp(join(import.meta.dirname, 'testing', 'legacy-history'), directory, { recursive: true })
  return directory
}

async function migratedStore(directory: string) {
  const store = await openStore({ directory })
  expect(await store.migrated()).toEqual({ ok: true, value: undefined })
  return store
}

describe('a history in the old format', () => {
  it('is copied whole: every entry, its pin, its bodies, searchable, and nothing deleted comes back', async () => {
    const directory = await oldHistory()
    const store = await migratedStore(directory)
    expect(store.notices).toEqual([])
    expect(await ids(store)).toEqual(newestFirst)
    expect(await ids(store, { pinnedOnly: true })).toEqual([legacy.a])
    expect(await ids(store, { text: 'quarterly' })).toEqual([legacy.b])
    expect(await ids(store, { text: 'no_such_note' })).toEqual([legacy.c])
    expect(await ids(store, { text: 'zebra_rider', searchResponseBodies: true })).toEqual([
      legacy.e,
    ])
    expect(await store.get(legacy.deleted)).toMatchObject({ ok: false })
    const cut = await store.get(legacy.e)
    expect(cut).toMatchObject({
      ok: true,
      value: { bodiesMissing: false, response: { bodyTruncated: true, body: { kind: 'text' } } },
    })
    const typed = await store.get(legacy.b)
    expect(typed.ok && JSON.parse(typed.value.requestBody)).toEqual({ text: 'Quarterly report' })
  })

  it('deletes the old files once the copy is confirmed, and is not copied twice', async () => {
    const directory = await oldHistory()
    const store = await migratedStore(directory)
    expect((await readdir(directory)).sort()).toEqual(expect.arrayContaining(['history.db']))
    expect(await readdir(directory)).not.toContain('history.log')
    expect(await readdir(directory)).not.toContain('bodies')
    await store.close()
    const reopened = await migratedStore(directory)
    expect(await ids(reopened)).toEqual(newestFirst)
  })

  it('keeps the old files when the copy fails (a full disk), and the next start finishes it', async () => {
    const directory = await oldHistory()
    // A new database takes 16 pages: the old entries do not fit without more.
    const full = await openStore({ directory, maxPageCount: 16 })
    await full.migrated()
    await full.close()
    expect(await readdir(directory)).toEqual(expect.arrayContaining(['history.log', 'bodies']))
    const store = await migratedStore(directory)
    expect(await ids(store)).toEqual(newestFirst)
    expect(await readdir(directory)).not.toContain('history.log')
  })

  it('puts entries recorded while the copy runs above the old ones', async () => {
    const directory = await oldHistory()
    const store = await openStore({ directory })
    const fresh = await append(store, { endpoint: 'notes/featured' })
    await store.migrated()
    expect(await ids(store)).toEqual([fresh.id, ...newestFirst])
  })

  it('cuts off a torn last line (the old store killed mid-append) quietly', async () => {
    const directory = await oldHistory()
    await appendFile(join(directory, 'history.log'), '0badc0de {"type":"add","entry":{"id":"half')
    const store = await migratedStore(directory)
    expect(store.notices).toEqual([])
    expect(await ids(store)).toEqual(newestFirst)
  })

  it('keeps every readable entry of a damaged old file, sets the file aside and says so', async () => {
    const directory = await oldHistory()
    const logPath = join(directory, 'history.log')
    const lines = (await readFile(logPath, 'utf8')).split('\n')
    const damagedLine = lines.findIndex((line) => line.includes(legacy.c))
    lines[damagedLine] = lines[damagedLine]!.replace('notes/show', 'notes/shoe')
    const damaged = lines.join('\n')
    await writeFile(logPath, damaged)
    const store = await migratedStore(directory)
    expect(store.notices).toEqual([
      expect.objectContaining({
        code: 'DAMAGED_FILE_SET_ASIDE',
        recoveredEntries: 5,
        unreadableLines: 1,
      }),
    ])
    expect(await ids(store)).toEqual(newestFirst.filter((id) => id !== legacy.c))
    expect(await readFile(store.notices[0]!.setAsidePath, 'utf8')).toBe(damaged)
  })

  it('sets aside a file that is not a history at all and starts empty', async () => {
    const directory = await folders.make('history-')
    await writeFile(join(directory, 'history.log'), 'this is not a log\nat all')
    const store = await migratedStore(directory)
    expect(store.notices).toMatchObject([{ code: 'DAMAGED_FILE_SET_ASIDE', recoveredEntries: 0 }])
    expect(await ids(store)).toEqual([])
    expect((await store.append(sampleInput())).ok).toBe(true)
  })
})
