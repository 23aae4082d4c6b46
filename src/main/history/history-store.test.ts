import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { misskeyError, responseOutcome, sampleInput } from './testing/history-fixtures.ts'
import { historyStoreKit } from './testing/store-kit.ts'

const { folders, openStore, append, ids } = historyStoreKit()

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

  it('deletes one entry with its bodies, and says so when it is gone already', async () => {
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
    // The bodies and the search text went with the entries.
    const database = new DatabaseSync(join(directory, 'history.db'), { readOnly: true })
    const left = database
      .prepare('SELECT (SELECT count(*) FROM bodies) + (SELECT count(*) FROM entry_words) AS n')
      .get()
    database.close()
    expect(left).toEqual({ n: 0 })
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

  it('compacts the database and keeps everything live', async () => {
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
