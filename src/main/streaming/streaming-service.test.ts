import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { startFakeMisskey, type FakeMisskey } from '../../../e2e/fake-misskey/server.ts'
import { closedPort } from '../../../e2e/support/local-server.ts'
import { createHarness, type Harness } from './streaming-test-harness.ts'

// The streaming service against the fake Misskey's streaming endpoint, over real sockets.
let fake: FakeMisskey
let harness: Harness
let narrowToken: string

beforeEach(async () => {
  fake = await startFakeMisskey()
  narrowToken = fake.createAppToken(fake.users.alice.id, ['write:notes'])
  harness = createHarness({
    alice: fake.users.alice.token,
    narrow: narrowToken,
    bad: 'NotAValidToken00',
  })
})
afterEach(async () => {
  harness.service.dispose()
  await fake.close()
})

const post = (name: string, body: object, token = fake.users.alice.token) =>
  fetch(`${fake.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })

async function createNote(text: string): Promise<string> {
  const response = await post('notes/create', { text })
  return ((await response.json()) as { createdNote: { id: string } }).createdNote.id
}

async function connect(accountId: string | null) {
  const result = await harness.service.connect(fake.origin, accountId)
  expect(result.ok).toBe(true)
  return harness.until(() => harness.last().phase !== 'connecting' && harness.last())
}

async function join(channel: string, params: Record<string, unknown> = {}) {
  const joined = harness.service.join(channel, params)
  if (!joined.ok) throw new Error(joined.error.message)
  return joined.value
}

const statusOf = (id: string) => harness.last().channels.find((c) => c.id === id)?.status

describe('connecting', () => {
  it('connects anonymously and delivers a note of a joined timeline, batched, in order', async () => {
    expect((await connect(null)).phase).toBe('open')
    const ltl = await join('localTimeline')
    await harness.until(() => statusOf(ltl.id) === 'confirmed')
    const noteId = await createNote('hello from the service test')
    const note = await harness.until(() => harness.entries.find((e) => e.type === 'note'))
    expect(note).toMatchObject({
      direction: 'in',
      channel: 'localTimeline',
      connectionId: ltl.id,
      noteId,
      summary: { kind: 'note', user: '@alice', text: 'hello from the service test' },
    })
    // The log holds what we sent too: the join, with pong.
    const sent = harness.entries.find((e) => e.direction === 'out')
    expect(JSON.parse(sent!.text)).toEqual({
      type: 'connect',
      body: { channel: 'localTimeline', id: ltl.id, params: {}, pong: true },
    })
    expect(harness.entries.map((e) => e.seq)).toEqual(harness.entries.map((_, i) => i + 1))
  })

  it('sends the token as a Bearer header on the upgrade, never in the URL or the logs', async () => {
    expect((await connect('alice')).phase).toBe('open')
    const token = fake.users.alice.token
    expect(harness.sockets).toEqual([
      {
        url: `${fake.origin.replace('http', 'ws')}/streaming`,
        headers: { authorization: `Bearer ${token}` },
      },
    ])
    const upgrade = fake.received.at(-1)!
    expect(upgrade).toMatchObject({ path: '/streaming', tokenSource: 'header', token })
    const home = await join('homeTimeline')
    await harness.until(() => statusOf(home.id) === 'confirmed')
    await createNote('as alice')
    await harness.until(() => harness.entries.find((e) => e.type === 'note'))
    const everything = [
      ...harness.logs,
      ...harness.states.map((s) => JSON.stringify(s)),
      ...harness.entries.map((e) => JSON.stringify(e)),
    ].join('\n')
    expect(everything).not.toContain(token)
  })

  it('fails on a bad token with a 401 explained, and does not retry', async () => {
    const state = await connect('bad')
    expect(state.phase).toBe('failed')
    expect(state.error).toMatchObject({
      code: 'STREAM_UPGRADE_REFUSED',
      detail: { status: 401, reason: 'unauthorized' },
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(harness.sockets).toHaveLength(1)
  })

  it('fails on an app token without read:account with the same 401, explained', async () => {
    const state = await connect('narrow')
    expect(state.error?.message).toContain('without the read:account permission')
    expect(state.error?.detail).toMatchObject({ status: 401 })
  })

  it('fails with 403 for a suspended account', async () => {
    fake.suspendUser(fake.users.alice.id)
    const state = await connect('alice')
    expect(state).toMatchObject({
      phase: 'failed',
      error: { detail: { status: 403, reason: 'suspended' } },
    })
  })

  it('fails, explained, when nothing listens: a first connection is the user’s to retry', async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`
    await harness.service.connect(origin, null)
    const state = await harness.until(() => harness.last().phase === 'failed' && harness.last())
    expect(state.error).toMatchObject({ code: 'SERVER_UNREACHABLE', detail: { reason: 'refused' } })
  })

  it('refuses at once an account it has no token for', async () => {
    const result = await harness.service.connect(fake.origin, 'gone')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACCOUNT' } })
    expect(harness.sockets).toHaveLength(0)
  })
})

describe('channels and notes', () => {
  it('marks a join the server never acknowledged as unconfirmed, and keeps the socket', async () => {
    await connect(null)
    const unknown = await join('noSuchChannel')
    const home = await join('homeTimeline') // needs an account: ignored on an anonymous socket
    await harness.until(
      () => statusOf(unknown.id) === 'unconfirmed' && statusOf(home.id) === 'unconfirmed',
    )
    expect(harness.last().phase).toBe('open')
  })

  it('joins the same channel twice with different params, each with its own id', async () => {
    await connect('alice')
    const all = await join('localTimeline')
    const files = await join('localTimeline', { withFiles: true })
    expect(all.id).not.toBe(files.id)
    await harness.until(
      () => statusOf(all.id) === 'confirmed' && statusOf(files.id) === 'confirmed',
    )
    await createNote('no files here')
    await harness.until(() => harness.entries.find((e) => e.type === 'note'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(harness.entries.filter((e) => e.type === 'note').map((e) => e.connectionId)).toEqual([
      all.id,
    ])
  })

  it('captures a note and reports noteUpdated when someone reacts; leave stops a channel', async () => {
    await connect('alice')
    const noteId = await createNote('react to me')
    harness.service.subscribeNote(noteId)
    expect(harness.last().capturedNoteIds).toEqual([noteId])
    await harness.until(() => harness.entries.find((e) => e.type === 'subNote'))
    await post('notes/reactions/create', { noteId, reaction: '👍' }, fake.users.admin.token)
    const updated = await harness.until(() => harness.entries.find((e) => e.type === 'noteUpdated'))
    expect(updated).toMatchObject({
      noteId,
      summary: { kind: 'noteUpdated', event: 'reacted', detail: '👍' },
    })

    const gtl = await join('globalTimeline')
    await harness.until(() => statusOf(gtl.id) === 'confirmed')
    expect(harness.service.leave(gtl.id).ok).toBe(true)
    await harness.until(() => harness.entries.find((e) => e.type === 'disconnect'))
    await createNote('nobody listens')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(harness.entries.filter((e) => e.type === 'note')).toEqual([])
    expect(harness.service.leave(gtl.id)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_STREAM_CHANNEL' },
    })
  })

  it('sends a raw message only when it is JSON and the socket is open', async () => {
    await connect(null)
    expect(harness.service.sendRaw('{"type": "connect", ')).toMatchObject({
      ok: false,
      error: { code: 'STREAM_MESSAGE_NOT_JSON' },
    })
    const raw = '{"type":"connect","body":{"channel":"localTimeline","id":"by-hand","pong":true}}'
    expect(harness.service.sendRaw(raw)).toEqual({ ok: true, value: true })
    const answer = await harness.until(() => harness.entries.find((e) => e.type === 'connected'))
    expect(answer).toMatchObject({ connectionId: 'by-hand', channel: 'localTimeline' })
    harness.service.disconnect()
    expect(harness.last().phase).toBe('closed')
    expect(harness.service.sendRaw('{}')).toMatchObject({
      ok: false,
      error: { code: 'STREAM_NOT_CONNECTED' },
    })
    expect(harness.service.join('main', {})).toMatchObject({
      ok: false,
      error: { code: 'STREAM_NOT_CONNECTED' },
    })
  })
})

describe('reconnecting', () => {
  it('reconnects after a drop, then joins the channels and captures the notes again', async () => {
    await connect('alice')
    const home = await join('homeTimeline')
    const noteId = await createNote('captured before the drop')
    harness.service.subscribeNote(noteId)
    await harness.until(() => statusOf(home.id) === 'confirmed')

    fake.dropStreamingConnections()
    const dropped = await harness.until(() =>
      harness.states.find((s) => s.phase === 'reconnecting'),
    )
    expect(dropped).toMatchObject({
      attempt: 1,
      error: { code: 'STREAM_CLOSED', detail: { reason: 'dropped', code: 1006 } },
    })
    expect(dropped.retryAt).toBeGreaterThan(Date.now() - 1000)
    const back = await harness.until(() => harness.last().reconnects === 1 && harness.last())
    expect(back).toMatchObject({ phase: 'open', attempt: 0, error: null })
    await harness.until(() => statusOf(home.id) === 'confirmed')
    expect(fake.streamingClients()).toBe(1)
    expect(harness.sockets).toHaveLength(2)

    await createNote('after the reconnect')
    const note = await harness.until(() =>
      harness.entries.find(
        (e) => e.summary.kind === 'note' && e.summary.text === 'after the reconnect',
      ),
    )
    expect(note.connectionId).toBe(home.id)
    await post('notes/reactions/create', { noteId, reaction: '🎉' }, fake.users.admin.token)
    await harness.until(() =>
      harness.entries.find((e) => e.type === 'noteUpdated' && e.noteId === noteId),
    )
  })

  it('waits longer after each failed attempt while the server is away', async () => {
    await connect(null)
    const port = new URL(fake.origin).port
    await fake.close()
    await harness.until(
      () => harness.states.filter((s) => s.phase === 'reconnecting').length >= 3 && true,
    )
    const waits = harness.states
      .filter((s) => s.phase === 'reconnecting')
      .slice(0, 3)
      .map((s) => ({ attempt: s.attempt, reason: s.error?.detail?.reason }))
    expect(waits).toEqual([
      { attempt: 1, reason: 'dropped' },
      { attempt: 2, reason: 'refused' },
      { attempt: 3, reason: 'refused' },
    ])
    // Backoff with random() = 1: 40, 80, 160 ms…
    const [first, second, third] = harness.states.filter((s) => s.phase === 'reconnecting')
    expect(second!.retryAt! - third!.retryAt!).toBeLessThan(0)
    expect(first!.retryAt).toBeLessThan(second!.retryAt!)

    fake = await startFakeMisskey({ port: Number(port) })
    await harness.until(() => harness.last().phase === 'open', 5000)
    expect(harness.last().reconnects).toBe(1)
  })
})

describe('what the server does', () => {
  it('explains a socket the server closed with a code and a reason, then reconnects', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    let connections = 0
    server.on('connection', (socket) => {
      if (++connections === 1) setTimeout(() => socket.close(4000, 'maintenance'), 20)
    })
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await harness.service.connect(origin, null)
      const closed = await harness.until(() =>
        harness.states.find((s) => s.phase === 'reconnecting'),
      )
      expect(closed.error).toMatchObject({
        code: 'STREAM_CLOSED',
        message: `127.0.0.1:${new URL(origin).port} closed the socket (code 4000: maintenance).`,
        detail: { code: 4000, text: 'maintenance', reason: 'closed' },
      })
      await harness.until(() => harness.last().reconnects === 1)
    } finally {
      harness.service.dispose()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('hands a burst of messages on in a few batches, none lost, in order', async () => {
    await connect(null)
    for (let index = 0; index < 500; index++)
      fake.broadcastStreaming({ type: 'burst', body: { index } })
    await harness.until(() => harness.entries.filter((e) => e.type === 'burst').length === 500)
    const indexes = harness.entries
      .filter((e) => e.type === 'burst')
      .map((e) => (JSON.parse(e.text) as { body: { index: number } }).body.index)
    expect(indexes).toEqual([...Array(500).keys()])
    expect(harness.batches).toBeLessThan(50)
  })
})

describe('exporting the log', () => {
  it('writes JSON lines to the file the user picks, and nothing when they cancel', async () => {
    const entries = [
      {
        at: 0,
        direction: 'in' as const,
        connectionId: 'c',
        channel: 'main',
        type: 'note',
        text: '{"type":"channel"}',
      },
      {
        at: 1000,
        direction: 'out' as const,
        connectionId: null,
        channel: null,
        type: '(not JSON)',
        text: 'oops',
      },
    ]
    expect(await harness.service.exportLog(entries)).toEqual({ ok: true, value: { saved: false } })
    const picked = createHarness({}, { chooseSaveFile: async (name) => `/tmp/${name}` })
    const result = await picked.service.exportLog(entries)
    expect(result.ok && result.value).toMatchObject({ saved: true, count: 2 })
    const [path, text] = [...picked.saved.entries()][0] ?? ['', '']
    expect(path).toMatch(/^\/tmp\/streaming-misskey-\d{4}-\d\d-\d\dT\d{6}\.jsonl$/)
    expect(text.split('\n')).toEqual([
      '{"time":"1970-01-01T00:00:00.000Z","direction":"in","channel":"main","connectionId":"c","type":"note","message":{"type":"channel"}}',
      '{"time":"1970-01-01T00:00:01.000Z","direction":"out","channel":null,"connectionId":null,"type":"(not JSON)","message":"oops"}',
      '',
    ])
  })
})
