import { describe, expect, it } from 'vitest'
import { closedPort } from '../../../test-kit/support/local-server.ts'
import { useFakeWorld } from './testing/streaming-fake-world.ts'

// The streaming service against the fake Misskey's streaming endpoint, over real sockets:
// connecting, tokens, joins and captured notes.
const world = useFakeWorld()

describe('connecting', () => {
  it('connects anonymously and delivers a note of a joined timeline, batched, in order', async () => {
    expect((await world.connect(null)).phase).toBe('open')
    const ltl = await world.join('localTimeline')
    await world.harness.until(() => world.statusOf(ltl.id) === 'confirmed')
    const noteId = await world.createNote('hello from the service test')
    const note = await world.harness.until(() =>
      world.harness.entries.find((e) => e.type === 'note'),
    )
    expect(note).toMatchObject({
      direction: 'in',
      channel: 'localTimeline',
      connectionId: ltl.id,
      noteId,
      summary: { kind: 'note', user: '@alice', text: 'hello from the service test' },
    })
    // The log holds what we sent too: the join, with pong.
    const sent = world.harness.entries.find((e) => e.direction === 'out')
    expect(JSON.parse(sent!.text)).toEqual({
      type: 'connect',
      body: { channel: 'localTimeline', id: ltl.id, params: {}, pong: true },
    })
    expect(world.harness.entries.map((e) => e.seq)).toEqual(
      world.harness.entries.map((_, i) => i + 1),
    )
  })

  it('sends the token as a Bearer header on the upgrade, never in the URL or the logs', async () => {
    expect((await world.connect('alice')).phase).toBe('open')
    const token = world.fake.users.alice.token
    expect(world.harness.sockets).toEqual([
      {
        url: `${world.fake.origin.replace('http', 'ws')}/streaming`,
        headers: { authorization: `Bearer ${token}` },
      },
    ])
    const upgrade = world.fake.received.at(-1)!
    expect(upgrade).toMatchObject({ path: '/streaming', tokenSource: 'header', token })
    const home = await world.join('homeTimeline')
    await world.harness.until(() => world.statusOf(home.id) === 'confirmed')
    await world.createNote('as alice')
    await world.harness.until(() => world.harness.entries.find((e) => e.type === 'note'))
    const everything = [
      ...world.harness.logs,
      ...world.harness.states.map((s) => JSON.stringify(s)),
      ...world.harness.entries.map((e) => JSON.stringify(e)),
    ].join('\n')
    expect(everything).not.toContain(token)
  })

  it('fails on a bad token with a 401 explained, and does not retry', async () => {
    const state = await world.connect('bad')
    expect(state.phase).toBe('failed')
    expect(state.error).toMatchObject({
      code: 'STREAM_UPGRADE_REFUSED',
      detail: { status: 401, reason: 'unauthorized' },
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(world.harness.sockets).toHaveLength(1)
  })

  it('fails on an app token without read:account with the same 401, explained', async () => {
    const state = await world.connect('narrow')
    expect(state.error?.message).toContain('without the read:account permission')
    expect(state.error?.detail).toMatchObject({ status: 401 })
  })

  it('fails with 403 for a suspended account', async () => {
    world.fake.suspendUser(world.fake.users.alice.id)
    const state = await world.connect('alice')
    expect(state).toMatchObject({
      phase: 'failed',
      error: { detail: { status: 403, reason: 'suspended' } },
    })
  })

  it('fails, explained, when nothing listens: a first connection is the user’s to retry', async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`
    await world.harness.service.connect(origin, null)
    const state = await world.harness.until(
      () => world.harness.last().phase === 'failed' && world.harness.last(),
    )
    expect(state.error).toMatchObject({ code: 'SERVER_UNREACHABLE', detail: { reason: 'refused' } })
  })

  it('refuses at once an account it has no token for', async () => {
    const result = await world.harness.service.connect(world.fake.origin, 'gone')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACCOUNT' } })
    expect(world.harness.sockets).toHaveLength(0)
  })
})

describe('channels and notes', () => {
  it('marks a join the server never acknowledged as unconfirmed, and keeps the socket', async () => {
    await world.connect(null)
    const unknown = await world.join('noSuchChannel')
    const home = await world.join('homeTimeline') // needs an account: ignored on an anonymous socket
    await world.harness.until(
      () =>
        world.statusOf(unknown.id) === 'unconfirmed' && world.statusOf(home.id) === 'unconfirmed',
    )
    expect(world.harness.last().phase).toBe('open')
  })

  it('joins the same channel twice with different params, each with its own id', async () => {
    await world.connect('alice')
    const all = await world.join('localTimeline')
    const files = await world.join('localTimeline', { withFiles: true })
    expect(all.id).not.toBe(files.id)
    await world.harness.until(
      () => world.statusOf(all.id) === 'confirmed' && world.statusOf(files.id) === 'confirmed',
    )
    await world.createNote('no files here')
    // A second note on the same socket: once `all` has it, anything sent for the first one has
    // arrived too (one socket keeps its frames in order).
    await world.createNote('nor here')
    const notes = () => world.harness.entries.filter((e) => e.type === 'note')
    await world.harness.until(() => notes().length >= 2)
    expect(notes().map((e) => e.connectionId)).toEqual([all.id, all.id])
  })

  it('captures a note and reports noteUpdated when someone reacts; leave stops a channel', async () => {
    await world.connect('alice')
    const noteId = await world.createNote('react to me')
    world.harness.service.subscribeNote(noteId)
    expect(world.harness.last().capturedNoteIds).toEqual([noteId])
    await world.harness.until(() => world.harness.entries.find((e) => e.type === 'subNote'))
    await world.post(
      'notes/reactions/create',
      { noteId, reaction: '👍' },
      world.fake.users.admin.token,
    )
    const updated = await world.harness.until(() =>
      world.harness.entries.find((e) => e.type === 'noteUpdated'),
    )
    expect(updated).toMatchObject({
      noteId,
      summary: { kind: 'noteUpdated', event: 'reacted', detail: '👍' },
    })

    const gtl = await world.join('globalTimeline')
    await world.harness.until(() => world.statusOf(gtl.id) === 'confirmed')
    expect(world.harness.service.leave(gtl.id).ok).toBe(true)
    await world.harness.until(() => world.harness.entries.find((e) => e.type === 'disconnect'))
    // A channel still joined on the same socket is the witness: once it has two notes, anything
    // sent for the first one to the channel left would have arrived too.
    const ltl = await world.join('localTimeline')
    await world.harness.until(() => world.statusOf(ltl.id) === 'confirmed')
    await world.createNote('nobody listens')
    await world.createNote('still nobody')
    const notes = () => world.harness.entries.filter((e) => e.type === 'note')
    await world.harness.until(() => notes().length >= 2)
    expect(notes().map((e) => e.connectionId)).toEqual([ltl.id, ltl.id])
    expect(world.harness.service.leave(gtl.id)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_STREAM_CHANNEL' },
    })
  })

  it('sends a raw message only when it is JSON and the socket is open', async () => {
    await world.connect(null)
    expect(world.harness.service.sendRaw('{"type": "connect", ')).toMatchObject({
      ok: false,
      error: { code: 'STREAM_MESSAGE_NOT_JSON' },
    })
    const raw = '{"type":"connect","body":{"channel":"localTimeline","id":"by-hand","pong":true}}'
    expect(world.harness.service.sendRaw(raw)).toEqual({ ok: true, value: true })
    const answer = await world.harness.until(() =>
      world.harness.entries.find((e) => e.type === 'connected'),
    )
    expect(answer).toMatchObject({ connectionId: 'by-hand', channel: 'localTimeline' })
    world.harness.service.disconnect()
    expect(world.harness.last().phase).toBe('closed')
    expect(world.harness.service.sendRaw('{}')).toMatchObject({
      ok: false,
      error: { code: 'STREAM_NOT_CONNECTED' },
    })
    expect(world.harness.service.join('main', {})).toMatchObject({
      ok: false,
      error: { code: 'STREAM_NOT_CONNECTED' },
    })
  })
})
