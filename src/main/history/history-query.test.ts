import { describe, expect, it } from 'vitest'
import { misskeyError, responseOutcome } from './testing/history-fixtures.ts'
import { historyStoreKit } from './testing/store-kit.ts'

const { openStore, append, ids } = historyStoreKit()

describe('queries', () => {
  async function seeded() {
    const store = await openStore()
    const day = 86_400_000
    const made = {
      meta: await append(store, { endpoint: 'meta', sentAt: 1 * day, origin: 'https://a.example' }),
      created: await append(store, {
        endpoint: 'notes/create',
        sentAt: 2 * day,
        requestBody: '{"text":"Quarterly report"}',
      }),
      missing: await append(store, {
        endpoint: 'notes/show',
        sentAt: 3 * day,
        outcome: misskeyError(404, 'NO_SUCH_NOTE', 'No such note.'),
      }),
      failed: await append(store, {
        endpoint: 'notes/timeline',
        sentAt: 4 * day,
        outcome: { kind: 'failure', code: 'SERVER_UNREACHABLE', message: 'refused', durationMs: 3 },
      }),
      crashed: await append(store, {
        endpoint: 'admin/meta',
        sentAt: 5 * day,
        outcome: { ...misskeyError(500, 'INTERNAL_ERROR', 'Internal error'), status: 500 },
      }),
      moved: await append(store, {
        endpoint: 'i',
        sentAt: 6 * day,
        outcome: {
          ...misskeyError(301, 'X', 'x'),
          status: 301,
          problem: { kind: 'redirect', location: '/' },
        },
      }),
    }
    return { store, made, day }
  }

  it('lists newest first', async () => {
    const { store, made } = await seeded()
    const all = Object.values(made)
      .map((entry) => entry.id)
      .reverse()
    expect(await ids(store)).toEqual(all)
  })

  it('pages with a cursor and counts every match', async () => {
    const { store, made } = await seeded()
    const first = await store.query({ limit: 4 })
    expect(first.ok && first.value.total).toBe(6)
    expect(first.ok && first.value.items.map((item) => item.id)).toEqual([
      made.moved.id,
      made.crashed.id,
      made.failed.id,
      made.missing.id,
    ])
    const cursor = first.ok ? first.value.nextCursor : null
    expect(cursor).not.toBe(null)
    // A new entry arriving between pages does not shift the next page.
    await append(store)
    const second = await store.query({ limit: 4, cursor: cursor ?? undefined })
    expect(second.ok && second.value.items.map((item) => item.id)).toEqual([
      made.created.id,
      made.meta.id,
    ])
    expect(second.ok && second.value.nextCursor).toBe(null)
  })

  it('says when a page is exactly the last one', async () => {
    const { store } = await seeded()
    const page = await store.query({ limit: 6 })
    expect(page.ok && page.value.nextCursor).toBe(null)
  })

  it('searches the endpoint, the request body, the status and error codes, case-insensitively, all words', async () => {
    const { store, made } = await seeded()
    expect(await ids(store, { text: 'notes/' })).toEqual([
      made.failed.id,
      made.missing.id,
      made.created.id,
    ])
    expect(await ids(store, { text: 'quarterly REPORT' })).toEqual([made.created.id])
    expect(await ids(store, { text: 'quarterly timeline' })).toEqual([])
    expect(await ids(store, { text: '404' })).toEqual([made.missing.id])
    expect(await ids(store, { text: 'server_unreachable' })).toEqual([made.failed.id])
    expect(await ids(store, { text: 'a.example' })).toEqual([made.meta.id])
  })

  it('filters by server, status class and date range, alone and together', async () => {
    const { store, made, day } = await seeded()
    expect(await ids(store, { origin: 'https://a.example' })).toEqual([made.meta.id])
    expect(await ids(store, { statusClasses: ['4xx', '5xx'] })).toEqual([
      made.crashed.id,
      made.missing.id,
    ])
    expect(await ids(store, { statusClasses: ['failed'] })).toEqual([made.failed.id])
    expect(await ids(store, { statusClasses: ['3xx'] })).toEqual([made.moved.id])
    expect(await ids(store, { statusClasses: ['2xx'] })).toEqual([made.created.id, made.meta.id])
    expect(await ids(store, { from: 2 * day, to: 4 * day })).toEqual([
      made.failed.id,
      made.missing.id,
      made.created.id,
    ])
    expect(
      await ids(store, { from: 2 * day, to: 4 * day, statusClasses: ['2xx'], text: 'notes' }),
    ).toEqual([made.created.id])
  })

  it('searches response bodies when asked, and only then', async () => {
    const { store, made } = await seeded()
    const withBody = await append(store, {
      endpoint: 'users/show',
      outcome: {
        ...responseOutcome(),
        body: { kind: 'json', text: '{"username":"Zebra_Rider"}' },
      },
    })
    expect(await ids(store, { text: 'zebra_rider' })).toEqual([])
    const page = await store.query({ text: 'zebra_rider', searchResponseBodies: true })
    expect(page).toMatchObject({ ok: true, value: { total: null, nextCursor: null } })
    expect(page.ok && page.value.items.map((item) => item.id)).toEqual([withBody.id])
    // Words may match in different places: one in the endpoint, one in the response.
    expect(await ids(store, { text: 'users/show zebra', searchResponseBodies: true })).toEqual([
      withBody.id,
    ])
    // Index matches still count when bodies are searched.
    expect(await ids(store, { text: 'quarterly', searchResponseBodies: true })).toEqual([
      made.created.id,
    ])
  })

  it('answers a response-body search within its time budget and goes on from its cursor', async () => {
    // No time at all: each call scans one step of 5 entries, then answers with a cursor.
    const store = await openStore({ searchBudgetMs: 0, searchChunkRows: 5 })
    for (let index = 0; index < 30; index++) await append(store, { endpoint: `e${index}` })
    const found: string[] = []
    let calls = 0
    let cursor: string | undefined
    do {
      const page = await store.query({
        text: 'createdNote',
        searchResponseBodies: true,
        limit: 100,
        cursor,
      })
      if (!page.ok) throw new Error(page.error.message)
      found.push(...page.value.items.map((item) => item.id))
      cursor = page.value.nextCursor ?? undefined
      calls++
    } while (cursor)
    expect(calls).toBeGreaterThan(3)
    expect(found).toEqual(await ids(store, { limit: 100 }))
  })

  it('refuses a cursor it did not make', async () => {
    const store = await openStore()
    expect(await store.query({ cursor: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })

  it('clamps the page size', async () => {
    const store = await openStore()
    for (let index = 0; index < 3; index++) await append(store)
    const page = await store.query({ limit: 0 })
    expect(page.ok && page.value.items.length).toBe(1)
  })
})
