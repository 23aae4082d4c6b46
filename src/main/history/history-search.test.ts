import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildEntry } from './history-entry.ts'
import { HistoryDatabase } from './history-database.ts'
import { isFirstPageQuery, readFirstPage } from './first-page.ts'
import { countCap } from './history-sql-query.ts'
import { misskeyError, sampleInput } from './testing/history-fixtures.ts'
import { historyStoreKit } from './testing/store-kit.ts'

const { folders, openStore, append, ids } = historyStoreKit()

/** `count` entries written straight into a fresh database (the bench's bulk path). */
async function bulkHistory(count: number, origin: (index: number) => string) {
  const directory = await folders.make('history-bulk-')
  const { database } = HistoryDatabase.open(directory, { now: Date.now() })
  const limits = { maxBodyBytes: 2 * 1024 * 1024, indexedRequestChars: 4096 }
  database.bulkInsert(
    Array.from({ length: count }, (_, index) => {
      const input = sampleInput({ origin: origin(index), requestBody: `{"n":${index}}` })
      return buildEntry(input, { id: randomUUID(), seq: index + 1 }, limits)
    }).map(({ stored, body }) => ({ entry: stored, body })),
  )
  database.close()
  return directory
}

describe('searching', () => {
  it(`counts up to ${countCap.toLocaleString('en')} matches and says there are more`, async () => {
    const many = countCap + 20
    const directory = await bulkHistory(many, (index) =>
      index % 1000 === 0 ? 'https://rare.example' : 'https://misskey.example',
    )
    const store = await openStore({ directory })
    // The whole history: its exact size (kept in the database, nothing is counted).
    expect(await store.query({})).toMatchObject({ ok: true, value: { total: many } })
    const common = await store.query({ origin: 'https://misskey.example' })
    expect(common).toMatchObject({ ok: true, value: { total: countCap, totalAtLeast: true } })
    const words = await store.query({ text: 'notes/create' })
    expect(words).toMatchObject({ ok: true, value: { total: countCap, totalAtLeast: true } })
    const rare = await store.query({ origin: 'https://rare.example' })
    expect(rare.ok && rare.value.total).toBe(11)
    expect(rare.ok && rare.value.totalAtLeast).toBeFalsy()
  })

  it('counts the matches of words and filters together', async () => {
    const store = await openStore()
    await append(store, { origin: 'https://a.example', requestBody: '{"text":"walrus"}' })
    const both = await append(store, { origin: 'https://b.example', requestBody: '"walrus"' })
    await append(store, { origin: 'https://b.example', requestBody: '{"text":"seal"}' })
    const page = await store.query({ text: 'walrus', origin: 'https://b.example' })
    expect(page).toMatchObject({ ok: true, value: { total: 1, nextCursor: null } })
    expect(page.ok && page.value.items.map((item) => item.id)).toEqual([both.id])
  })

  it('finds words whole, a word being typed by its start, and Japanese inside a sentence', async () => {
    const store = await openStore()
    const show = await append(store, { endpoint: 'notes/show' })
    const missing = await append(store, {
      endpoint: 'notes/show',
      outcome: misskeyError(400, 'NO_SUCH_NOTE', 'No such note.'),
    })
    const japanese = await append(store, { requestBody: '{"text":"今日の会議は三時から"}' })
    expect(await ids(store, { text: 'notes/sh' })).toEqual([missing.id, show.id])
    expect(await ids(store, { text: 'NO_SUCH_NOTE' })).toEqual([missing.id])
    expect(await ids(store, { text: 'no_such' })).toEqual([missing.id])
    const found = await store.query({ text: '会議' })
    expect(found.ok && found.value.items.map((item) => item.id)).toEqual([japanese.id])
    expect(await ids(store, { text: 'notes/show 400' })).toEqual([missing.id])
  })

  it('pages through dates newest first, an entry recorded out of order included', async () => {
    const store = await openStore()
    const day = 86_400_000
    const early = await append(store, { sentAt: 10 * day })
    const middle = await append(store, { sentAt: 12 * day })
    // Sent before `middle` but recorded after it (a slow answer).
    const late = await append(store, { sentAt: 11 * day })
    await append(store, { sentAt: 20 * day })
    const first = await store.query({ from: 10 * day, to: 12 * day, limit: 2 })
    expect(first.ok && first.value.items.map((item) => item.id)).toEqual([late.id, middle.id])
    expect(first.ok && first.value.total).toBe(3)
    const next = first.ok ? first.value.nextCursor : null
    const second = await store.query({ from: 10 * day, to: 12 * day, cursor: next ?? undefined })
    expect(second.ok && second.value.items.map((item) => item.id)).toEqual([early.id])
    expect(await ids(store, { from: 13 * day, to: 19 * day })).toEqual([])
  })

  it('reads the first page on main the way the worker would', async () => {
    const directory = await folders.make('history-')
    const store = await openStore({ directory })
    for (let index = 0; index < 60; index++) await append(store, { requestBody: `{"n":${index}}` })
    const fromWorker = await store.query({})
    await store.close()
    expect(readFirstPage(directory)).toEqual(fromWorker.ok ? fromWorker.value : null)
    expect(isFirstPageQuery({ limit: 50 })).toBe(true)
    expect(isFirstPageQuery({ text: 'x' })).toBe(false)
    expect(isFirstPageQuery({ cursor: '5' })).toBe(false)
  })
})
