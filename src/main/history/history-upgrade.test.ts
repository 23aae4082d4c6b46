import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { misskeyError, sampleInput } from './testing/history-fixtures.ts'
import { historyStoreKit } from './testing/store-kit.ts'
import { writeVersion1Database } from './testing/version-1-database.ts'

const { folders, openStore, append, ids } = historyStoreKit()

/** A version 1 history (trigram search text) of `count` entries, oldest first. */
async function version1History(count: number) {
  const directory = await folders.make('history-v1-')
  const inputs = Array.from({ length: count }, (_, index) =>
    sampleInput({
      sentAt: 1_750_000_000_000 + index * 1000,
      endpoint: index % 3 === 0 ? 'notes/show' : 'notes/create',
      requestBody: `{"text":"walrus ${index}"}`,
      ...(index === 7 ? { outcome: misskeyError(400, 'NO_SUCH_NOTE', 'No such note.') } : {}),
    }),
  )
  const written = writeVersion1Database(directory, inputs)
  return { directory, newestFirst: [...written].reverse() }
}

function tablesOf(directory: string): string[] {
  const database = new DatabaseSync(join(directory, 'history.db'), { readOnly: true })
  try {
    const rows = database
      .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index')")
      .all() as Array<{ name: string }>
    return rows.map((row) => row.name)
  } finally {
    database.close()
  }
}

describe('a database written by version 1 (trigram search)', { timeout: 60_000 }, () => {
  it('is searchable at once, gets its word index in the background, and loses nothing', async () => {
    // More entries than one upgrade step (2,000), so the upgrade takes two.
    const { directory, newestFirst } = await version1History(2_100)
    const store = await openStore({ directory })
    // Searches work while the upgrade runs (a bounded scan answers them until it is done).
    const early = await store.query({ text: 'no_such_note', limit: 500 })
    expect(early.ok && early.value.items.length <= 1).toBe(true)
    await store.migrated()

    expect(await ids(store, { limit: 500 })).toEqual(newestFirst.slice(0, 500))
    const all = await store.query({})
    expect(all.ok && all.value.total).toBe(2_100)
    expect(await ids(store, { text: 'no_such_note' })).toEqual([newestFirst[2_100 - 1 - 7]])
    expect(await ids(store, { text: 'walrus 12' })).toEqual([newestFirst[2_100 - 1 - 12]])
    const shown = await store.query({ text: 'notes/show' })
    expect(shown.ok && shown.value.total).toBe(700)
    expect(shown.ok && shown.value.items.every((item) => item.endpoint === 'notes/show')).toBe(true)
    // The oldest entry too (the upgrade goes newest first, down to the last).
    expect(await ids(store, { text: 'walrus 0' })).toEqual([newestFirst.at(-1)])

    // Entries recorded after the upgrade are found the same way.
    const added = await append(store, { requestBody: '{"text":"narwhal"}' })
    expect(await ids(store, { text: 'narwhal' })).toEqual([added.id])
    await store.close()

    const tables = tablesOf(directory)
    expect(tables).not.toContain('entry_text')
    expect(tables).toEqual(expect.arrayContaining(['entry_words', 'entries_by_endpoint']))
    // Deleting still deletes the entry's words (the trigger was replaced with the table).
    const reopened = await openStore({ directory })
    expect(await reopened.delete(added.id)).toEqual({ ok: true, value: undefined })
    expect(await ids(reopened, { text: 'narwhal' })).toEqual([])
  })

  it('finishes an upgrade cut short by closing, on the next start', async () => {
    const { directory, newestFirst } = await version1History(2_100)
    const store = await openStore({ directory })
    // Closed at once: the upgrade stops between steps, its mark saved with each step.
    await store.close()
    const reopened = await openStore({ directory })
    await reopened.migrated()
    expect(await ids(reopened, { text: 'walrus 0' })).toEqual([newestFirst.at(-1)])
    expect(await ids(reopened, { text: 'walrus 2099' })).toEqual([newestFirst[0]])
    const all = await reopened.query({ text: 'walrus' })
    expect(all.ok && all.value.total).toBe(2_100)
  })
})
