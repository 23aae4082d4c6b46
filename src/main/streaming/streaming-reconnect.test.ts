import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { startFakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { useFakeWorld } from './testing/streaming-fake-world.ts'
import { createHarness } from './testing/streaming-test-harness.ts'

// The streaming service when things go wrong on the way: drops, reconnects with backoff, a server
// that closes the socket or goes silent; and the log's batching and export.
const world = useFakeWorld()

describe('reconnecting', () => {
  it('reconnects after a drop, then joins the channels and captures the notes again', async () => {
    await world.connect('alice')
    const home = await world.join('homeTimeline')
    const noteId = await world.createNote('captured before the drop')
    world.harness.service.subscribeNote(noteId)
    await world.harness.until(() => world.statusOf(home.id) === 'confirmed')

    const droppedAt = Date.now()
    world.fake.dropStreamingConnections()
    const dropped = await world.harness.until(() =>
      world.harness.states.find((s) => s.phase === 'reconnecting'),
    )
    expect(dropped).toMatchObject({
      attempt: 1,
      error: { code: 'STREAM_CLOSED', detail: { reason: 'dropped', code: 1006 } },
    })
    // A retry scheduled after the drop (compared with the drop, not the clock now: slow is fine).
    expect(dropped.retryAt).toBeGreaterThanOrEqual(droppedAt)
    const back = await world.harness.until(
      () => world.harness.last().reconnects === 1 && world.harness.last(),
    )
    expect(back).toMatchObject({ phase: 'open', attempt: 0, error: null })
    await world.harness.until(() => world.statusOf(home.id) === 'confirmed')
    expect(world.fake.streamingClients()).toBe(1)
    expect(world.harness.sockets).toHaveLength(2)

    await world.createNote('after the reconnect')
    const note = await world.harness.until(() =>
      world.harness.entries.find(
        (e) => e.summary.kind === 'note' && e.summary.text === 'after the reconnect',
      ),
    )
    expect(note.connectionId).toBe(home.id)
    await world.post(
      'notes/reactions/create',
      { noteId, reaction: '🎉' },
      world.fake.users.admin.token,
    )
    await world.harness.until(() =>
      world.harness.entries.find((e) => e.type === 'noteUpdated' && e.noteId === noteId),
    )
  })

  it('waits longer after each failed attempt while the server is away', async () => {
    await world.connect(null)
    const port = new URL(world.fake.origin).port
    await world.fake.close()
    await world.harness.until(
      () => world.harness.states.filter((s) => s.phase === 'reconnecting').length >= 3 && true,
    )
    const waits = world.harness.states
      .filter((s) => s.phase === 'reconnecting')
      .slice(0, 3)
      .map((s) => ({ attempt: s.attempt, reason: s.error?.detail?.reason }))
    expect(waits).toEqual([
      { attempt: 1, reason: 'dropped' },
      { attempt: 2, reason: 'refused' },
      { attempt: 3, reason: 'refused' },
    ])
    // Backoff with random() = 1: 40, 80, 160 ms…
    const [first, second, third] = world.harness.states.filter((s) => s.phase === 'reconnecting')
    expect(second!.retryAt! - third!.retryAt!).toBeLessThan(0)
    expect(first!.retryAt).toBeLessThan(second!.retryAt!)

    world.fake = await startFakeMisskey({ port: Number(port) })
    await world.harness.until(() => world.harness.last().phase === 'open', 5000)
    expect(world.harness.last().reconnects).toBe(1)
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
      await world.harness.service.connect(origin, null)
      const closed = await world.harness.until(() =>
        world.harness.states.find((s) => s.phase === 'reconnecting'),
      )
      expect(closed.error).toMatchObject({
        code: 'STREAM_CLOSED',
        message: `127.0.0.1:${new URL(origin).port} closed the socket (code 4000: maintenance).`,
        detail: { code: 4000, text: 'maintenance', reason: 'closed' },
      })
      await world.harness.until(() => world.harness.last().reconnects === 1)
    } finally {
      world.harness.service.dispose()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('replaces a socket that went silent (no message, no ping), and keeps one that is pinged', async () => {
    const quiet = createHarness({}, { tuning: { silenceTimeoutMs: 300, initialBackoffMs: 20 } })
    try {
      await quiet.service.connect(world.fake.origin, null)
      const dead = await quiet.until(() => quiet.states.find((s) => s.phase === 'reconnecting'))
      expect(dead.error).toMatchObject({ code: 'STREAM_CLOSED', detail: { reason: 'silent' } })
      await quiet.until(() => quiet.last().reconnects >= 1)
    } finally {
      quiet.service.dispose()
    }
    const pinging = await startFakeMisskey({ streaming: { pingIntervalMs: 50 } })
    const alive = createHarness({}, { tuning: { silenceTimeoutMs: 300 } })
    try {
      await alive.service.connect(pinging.origin, null)
      await alive.until(() => alive.last().phase === 'open')
      // Twelve pings 50 ms apart span twice the silence timeout: a socket that did not count
      // them as life would have been replaced by then.
      await alive.until(() => alive.pings >= 12)
      expect(alive.last()).toMatchObject({ phase: 'open', reconnects: 0 })
      expect(alive.sockets).toHaveLength(1)
    } finally {
      alive.service.dispose()
      await pinging.close()
    }
  })

  it('hands a burst of messages on in a few batches, none lost, in order', async () => {
    await world.connect(null)
    for (let index = 0; index < 500; index++)
      world.fake.broadcastStreaming({ type: 'burst', body: { index } })
    await world.harness.until(
      () => world.harness.entries.filter((e) => e.type === 'burst').length === 500,
    )
    const indexes = world.harness.entries
      .filter((e) => e.type === 'burst')
      .map((e) => (JSON.parse(e.text) as { body: { index: number } }).body.index)
    expect(indexes).toEqual([...Array(500).keys()])
    expect(world.harness.batches).toBeLessThan(50)
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
    expect(await world.harness.service.exportLog(entries)).toEqual({
      ok: true,
      value: { saved: false },
    })
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
