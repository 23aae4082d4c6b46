import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordSends } from './recorded-sender.ts'
import type { HistoryRecordInput } from '../../shared/history.ts'
import { ok } from '../../shared/result.ts'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { closedPort, startLocalServer } from '../../../test-kit/support/local-server.ts'
import type { SendRequestInput } from '../../shared/requests.ts'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { filesWithText, servicesWorld, type ServicesWorld } from '../testing/services-world.ts'

// The history is filled by main's own send path: whatever the renderer does, every send is there.
const folders = tempFolders()
let fake: FakeMisskey
let world: ServicesWorld
let counter = 0

beforeEach(async () => {
  fake = await startFakeMisskey()
  world = servicesWorld(await folders.make('recorded-'))
})

afterEach(async () => {
  await world.services.close()
  await fake.close()
  await folders.removeAll()
})

const input = (overrides: Partial<SendRequestInput>): SendRequestInput => ({
  requestId: `recorded-${++counter}`,
  origin: fake.origin,
  endpoint: 'meta',
  body: '{}',
  auth: { mode: 'none', accountId: null },
  ...overrides,
})

async function sendAndSettle(overrides: Partial<SendRequestInput>) {
  const result = await world.services.requests.send(input(overrides))
  await world.services.history.settled()
  return result
}

async function newest() {
  const page = await world.services.history.search({ limit: 1 })
  if (!page.ok || !page.value.items[0]) throw new Error('nothing recorded')
  const entry = await world.services.history.get(page.value.items[0].id)
  if (!entry.ok) throw new Error(entry.error.message)
  return entry.value
}

describe('every send is recorded by main', () => {
  it('records an answer with its server, endpoint, status, timing, headers and body', async () => {
    const result = await sendAndSettle({ body: '{ "detail": false }' })
    expect(result.ok).toBe(true)
    const entry = await newest()
    expect(entry).toMatchObject({
      origin: fake.origin,
      endpoint: 'meta',
      authMode: 'none',
      accountLabel: null,
      status: 200,
      failure: null,
      requestBody: '{ "detail": false }',
    })
    expect(entry.durationMs).toBeGreaterThan(0)
    expect(entry.sizeBytes).toBeGreaterThan(0)
    expect(entry.response?.body.kind).toBe('json')
    expect(entry.response?.headers.some(([name]) => name === 'content-type')).toBe(true)
    const appended = world.events.filter(([name]) => name === 'history.onAppended')
    expect(appended).toHaveLength(1)
    expect(appended[0]![1]).toMatchObject({ ok: true, value: { id: entry.id } })
  })

  it('records failures that got no answer: a refused connection, a bad body', async () => {
    const port = await closedPort()
    const refused = await sendAndSettle({ origin: `http://127.0.0.1:${port}` })
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } })
    expect(await newest()).toMatchObject({
      status: null,
      failure: { code: 'SERVER_UNREACHABLE' },
      response: null,
    })
    await sendAndSettle({ body: '{ "detail": ' })
    expect(await newest()).toMatchObject({
      failure: { code: 'BODY_NOT_JSON' },
      requestBody: '{ "detail": ',
    })
  })

  it('records the account by its label and never its token, in body or header mode', async () => {
    const token = fake.users.alice.token
    const account = await world.services.accounts.addWithToken(fake.origin, token, 'alice main')
    if (!account.ok) throw new Error(account.error.message)
    await sendAndSettle({
      endpoint: 'i',
      auth: { mode: 'body', accountId: account.value.id },
    })
    expect(fake.received.at(-1)).toMatchObject({ tokenSource: 'body', token })
    expect(await newest()).toMatchObject({ accountLabel: 'alice main', authMode: 'body' })
    // A token typed into the body by hand is not kept either.
    await sendAndSettle({ endpoint: 'i', body: `{ "i": "${token}" }` })
    await sendAndSettle({
      endpoint: 'i',
      auth: { mode: 'header', accountId: account.value.id },
    })
    const entry = await newest()
    expect(entry).toMatchObject({ accountLabel: 'alice main', authMode: 'header', status: 200 })
    for (const [name, text] of await filesWithText(world.storageDirectory)) {
      expect(text.includes(token), `the token is in ${name}`).toBe(false)
    }
  })

  it('keeps the preview of a large body, marked truncated', async () => {
    const big = JSON.stringify({ items: Array.from({ length: 500_000 }, (_, n) => `item-${n}`) })
    const server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(big)
    })
    try {
      const result = await sendAndSettle({ origin: server.origin })
      expect(result.ok && result.value.body.kind).toBe('large')
      const entry = await newest()
      expect(entry.response?.bodyTruncated).toBe(true)
      expect(entry.response?.body.kind).toBe('text')
      expect(entry.sizeBytes).toBe(Buffer.byteLength(big))
    } finally {
      await server.close()
    }
  })
})

describe('the answer does not depend on the history', () => {
  it('hands the answer back and records it without a label when the account lookup fails', async () => {
    const recorded: HistoryRecordInput[] = []
    const answer = { requestId: 'r1', status: 200 } as never
    const sender = recordSends(
      { send: async () => ok(answer), cancel: () => false },
      {
        record: async (entry) => recorded.push(entry),
        accountLabel: () => Promise.reject(new Error('accounts.json is unreadable')),
        now: () => 1,
        monotonicNow: () => 1,
      },
    )
    const result = await sender.send(input({ auth: { mode: 'header', accountId: 'gone' } }))
    expect(result).toEqual({ ok: true, value: answer })
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({ accountLabel: null, authMode: 'header' })
  })
})
