import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryRecordInput } from '../../shared/history.ts'
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from './history-store.ts'
import { misskeyError, responseOutcome, sampleInput } from './testing/history-fixtures.ts'
import { tempFolders } from './testing/temp-folder.ts'

const folders = tempFolders()
const open: HistoryStore[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()))
  await folders.removeAll()
})

async function openStore(options: Partial<HistoryStoreOptions> = {}): Promise<HistoryStore> {
  const directory = options.directory ?? (await folders.make('history-'))
  const opened = await openHistoryStore({
    directory,
    now: () => 1_750_000_000_000,
    log: () => undefined,
    ...options,
  })
  if (!opened.ok) throw new Error(opened.error.message)
  open.push(opened.value)
  return opened.value
}

async function append(store: HistoryStore, overrides: Partial<HistoryRecordInput> = {}) {
  const result = await store.append(sampleInput(overrides))
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function ids(store: HistoryStore, query: Parameters<HistoryStore['query']>[0] = {}) {
  const page = await store.query(query)
  if (!page.ok) throw new Error(page.error.message)
  return page.value.items.map((item) => item.id)
}

describe('recording', () => {
  it('records every field of a response and gives it back with its bodies', async () => {
    const store = await openStore()
    const summary = await append(store)
    expect(summary).toMatchObject({
      origin: 'https://misskey.example',
      accountLabel: 'alice',
      endpoint: 'notes/create',
      authMode: 'header',
      status: 200,
      failure: null,
      problemCode: null,
      durationMs: 42,
      sizeBytes: 60,
      pinned: false,
      requestPreview: '{\n  "text": "hello"\n}',
    })
    const entry = await store.get(summary.id)
    expect(entry).toMatchObject({
      ok: true,
      value: {
        requestBody: '{\n  "text": "hello"\n}',
        requestBodyTruncated: false,
        bodiesMissing: false,
        response: {
          statusText: 'OK',
          contentType: 'application/json; charset=utf-8',
          headers: [['content-type', 'application/json; charset=utf-8']],
          body: { kind: 'json' },
          bodyTruncated: false,
          problem: null,
        },
      },
    })
  })

  it('records a request that got no answer with its error', async () => {
    const store = await openStore()
    const summary = await append(store, {
      outcome: { kind: 'failure', code: 'TIMEOUT', message: 'no answer', durationMs: 30_000 },
    })
    expect(summary).toMatchObject({ status: null, sizeBytes: null, failure: { code: 'TIMEOUT' } })
    const entry = await store.get(summary.id)
    expect(entry.ok && entry.value.response).toBe(null)
  })

  it('keeps Misskey error codes searchable', async () => {
    const store = await openStore()
    const summary = await append(store, {
      outcome: misskeyError(400, 'NO_SUCH_NOTE', 'No such note.'),
    })
    expect(summary.problemCode).toBe('NO_SUCH_NOTE')
    expect(await ids(store, { text: 'no_such_note' })).toEqual([summary.id])
  })

  it('stores bodies above the cap cut, marked as such, and keeps the cut response as text', async () => {
    const store = await openStore({ maxBodyBytes: 1000 })
    const big = `{"text":"${'é'.repeat(2000)}"}`
    const summary = await append(store, {
      requestBody: big,
      outcome: { ...responseOutcome(), body: { kind: 'json', text: big } },
    })
    const entry = await store.get(summary.id)
    if (!entry.ok) throw new Error('missing')
    expect(entry.value.requestBodyTruncated).toBe(true)
    expect(Buffer.byteLength(entry.value.requestBody)).toBeLessThanOrEqual(1000)
    expect(big.startsWith(entry.value.requestBody)).toBe(true)
    expect(entry.value.response?.bodyTruncated).toBe(true)
    expect(entry.value.response?.body).toMatchObject({ kind: 'text', invalidJson: false })
  })

  it('never stores a token typed into the body or a cookie the server set', async () => {
    const store = await openStore()
    const typed = await append(store, { requestBody: '{ "i": "secret-token", "limit": 5 }' })
    const unparsable = await append(store, { requestBody: '{ "i": "secret-token", }' })
    const cookie = await append(store, {
      outcome: {
        ...responseOutcome(),
        headers: [['Set-Cookie', 'token=secret-token']],
      },
    })
    for (const id of [typed.id, unparsable.id, cookie.id]) {
      const entry = await store.get(id)
      expect(JSON.stringify(entry)).not.toContain('secret-token')
    }
    const entry = await store.get(typed.id)
    expect(entry.ok && JSON.parse(entry.value.requestBody)).toEqual({ limit: 5 })
  })

  it('survives a restart: entries, pins and deletions come back', async () => {
    const directory = await folders.make('history-')
    const first = await openStore({ directory })
    const a = await append(first, { endpoint: 'meta' })
    const b = await append(first, { endpoint: 'i' })
    const c = await append(first, { endpoint: 'notes/show' })
    await first.setPinned(a.id, true)
    await first.delete(b.id)
    await first.close()
    const second = await openStore({ directory })
    expect(await ids(second)).toEqual([c.id, a.id])
    expect(await ids(second, { pinnedOnly: true })).toEqual([a.id])
    // New entries go on after the old ones, not before.
    const d = await append(second)
    expect((await ids(second))[0]).toBe(d.id)
  })
})

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
    let clock = 0
    const store = await openStore({ searchBudgetMs: 5, monotonicNow: () => (clock += 1) })
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

describe('changing the history', () => {
  it('pins and unpins', async () => {
    const store = await openStore()
    const entry = await append(store)
    expect(await store.setPinned(entry.id, true)).toMatchObject({
      ok: true,
      value: { pinned: true },
    })
    expect(await ids(store, { pinnedOnly: true })).toEqual([entry.id])
    expect(await store.setPinned(entry.id, false)).toMatchObject({
      ok: true,
      value: { pinned: false },
    })
    expect(await ids(store, { pinnedOnly: true })).toEqual([])
  })

  it('deletes one entry and its body file, and says so when it is gone already', async () => {
    const store = await openStore()
    const entry = await append(store)
    expect(await store.delete(entry.id)).toEqual({ ok: true, value: undefined })
    expect(await store.get(entry.id)).toMatchObject({
      ok: false,
      error: { code: 'HISTORY_ENTRY_NOT_FOUND' },
    })
    expect(await store.delete(entry.id)).toMatchObject({
      ok: false,
      error: { code: 'HISTORY_ENTRY_NOT_FOUND' },
    })
    expect(await store.setPinned(entry.id, true)).toMatchObject({
      ok: false,
      error: { code: 'HISTORY_ENTRY_NOT_FOUND' },
    })
  })

  it('clears all but the pinned entries, or everything', async () => {
    const directory = await folders.make('history-')
    const store = await openStore({ directory })
    const kept = await append(store)
    await append(store)
    await append(store)
    await store.setPinned(kept.id, true)
    expect(await store.clear({ keepPinned: true })).toEqual({ ok: true, value: { removed: 2 } })
    expect(await ids(store)).toEqual([kept.id])
    expect(await store.clear({ keepPinned: false })).toEqual({ ok: true, value: { removed: 1 } })
    expect(await ids(store)).toEqual([])
    await store.close()
    expect(await ids(await openStore({ directory }))).toEqual([])
  })

  it('evicts the oldest unpinned entries beyond the entry cap', async () => {
    const store = await openStore({ maxEntries: 3 })
    const oldest = await append(store)
    await store.setPinned(oldest.id, true)
    const made = [oldest]
    for (let index = 0; index < 4; index++) made.push(await append(store))
    expect(await ids(store)).toEqual([made[4]!.id, made[3]!.id, oldest.id])
  })

  it('evicts beyond the byte cap too', async () => {
    const store = await openStore({ maxTotalBytes: 3000 })
    const made = []
    for (let index = 0; index < 10; index++) {
      made.push(await append(store, { requestBody: JSON.stringify({ pad: 'x'.repeat(900) }) }))
    }
    const left = await ids(store)
    expect(left.length).toBeGreaterThan(0)
    expect(left.length).toBeLessThan(4)
    expect(left[0]).toBe(made.at(-1)!.id)
  })

  it('compacts its log and keeps everything live', async () => {
    const directory = await folders.make('history-')
    const store = await openStore({ directory })
    const entries = []
    for (let index = 0; index < 5; index++) entries.push(await append(store))
    await store.setPinned(entries[0]!.id, true)
    await store.delete(entries[1]!.id)
    expect(await store.compact()).toEqual({ ok: true, value: undefined })
    await store.close()
    const reopened = await openStore({ directory })
    expect(await ids(reopened)).toEqual([
      entries[4]!.id,
      entries[3]!.id,
      entries[2]!.id,
      entries[0]!.id,
    ])
    expect(await ids(reopened, { pinnedOnly: true })).toEqual([entries[0]!.id])
  })

  it('refuses calls once closed', async () => {
    const store = await openStore()
    await store.close()
    expect(await store.append(sampleInput())).toMatchObject({
      ok: false,
      error: { code: 'HISTORY_CLOSED' },
    })
    expect(await store.query()).toMatchObject({ ok: false, error: { code: 'HISTORY_CLOSED' } })
  })
})
