import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from './server.ts'
import { bearer, post } from './test-helpers.ts'
import { isOpen, openStream, settle, type TestStream } from './streaming-test-client.ts'

// The streaming endpoint against what a real Misskey 2025.5.0 did on the wire (observed.md,
// wire/streaming.txt) and what its stream/ sources say.
let fake: FakeMisskey
const open: TestStream[] = []

beforeAll(async () => {
  fake = await startFakeMisskey({ streaming: { serverStatsIntervalMs: 50 } })
})
afterAll(() => fake.close())
beforeEach(async () => {
  await Promise.all(open.splice(0).map((stream) => stream.close()))
  fake.reset()
})

async function connect(options: Parameters<typeof openStream>[1] = {}): Promise<TestStream> {
  const stream = await openStream(fake.origin, options)
  if (!isOpen(stream)) throw new Error(`the upgrade was refused with ${stream.status}`)
  open.push(stream)
  return stream
}

const join = (stream: TestStream, channel: string, id: string, params?: unknown, pong = true) =>
  stream.send({ type: 'connect', body: { channel, id, ...(params ? { params } : {}), pong } })

const createNote = async (token: string, body: Record<string, unknown>) => {
  const answer = await post(fake, 'notes/create', body, bearer(token))
  expect(answer.status).toBe(200)
  return (answer.json as { createdNote: { id: string } }).createdNote
}

describe('the upgrade', () => {
  it('accepts a socket without a token, with a Bearer header, or with ?i=', async () => {
    await connect()
    await connect({ bearer: fake.users.alice.token })
    await connect({ query: `?i=${fake.users.alice.token}` })
    expect(fake.streamingClients()).toBe(3)
    const upgrades = fake.received.filter((request) => request.headers.upgrade === 'websocket')
    expect(upgrades.map((request) => request.tokenSource)).toEqual([null, 'header', 'query'])
  })

  it('refuses a bad token with a bare 401 and Misskey’s www-authenticate', async () => {
    for (const options of [{ bearer: 'NotAValidToken00' }, { query: '?i=NotAValidToken00' }]) {
      const refused = await openStream(fake.origin, options)
      expect(isOpen(refused)).toBe(false)
      if (isOpen(refused)) return
      expect(refused.status).toBe(401)
      expect(refused.body).toBe('')
      expect(refused.headers['www-authenticate']).toBe(
        'Bearer realm="Misskey", error="invalid_token", error_description="Failed to authenticate"',
      )
    }
  })

  it('refuses an app token without read:account the same way, and accepts one with it', async () => {
    const narrow = fake.createAppToken(fake.users.alice.id, ['write:notes'])
    const refused = await openStream(fake.origin, { bearer: narrow })
    expect(isOpen(refused) ? 101 : refused.status).toBe(401)
    await connect({ bearer: fake.createAppToken(fake.users.alice.id, ['read:account']) })
  })

  it('refuses a suspended user with 403', async () => {
    fake.suspendUser(fake.users.alice.id)
    const refused = await openStream(fake.origin, { bearer: fake.users.alice.token })
    fake.suspendUser(fake.users.alice.id, false)
    expect(isOpen(refused) ? 101 : refused.status).toBe(403)
  })
})

describe('channels', () => {
  it('acknowledges a join only when asked (pong), and ignores an unknown channel', async () => {
    const stream = await connect({ bearer: fake.users.alice.token })
    join(stream, 'homeTimeline', 'quiet', undefined, false)
    join(stream, 'noSuchChannel', 'nothing')
    join(stream, 'homeTimeline', 'loud')
    await stream.next((message) => message.type === 'connected')
    await settle()
    expect(stream.received).toEqual([{ type: 'connected', body: { id: 'loud' } }])
    expect(stream.socket.readyState).toBe(stream.socket.OPEN)
  })

  it('delivers a note created over REST in Misskey’s shape', async () => {
    const stream = await connect({ bearer: fake.users.alice.token })
    join(stream, 'homeTimeline', '1')
    await stream.next((message) => message.type === 'connected')
    const note = await createNote(fake.users.alice.token, { text: 'hello from streaming' })
    const message = await stream.next((m) => m.type === 'channel')
    expect(message.body).toMatchObject({ id: '1', type: 'note' })
    const streamed = message.body.body as Record<string, unknown>
    expect(streamed).toMatchObject({ id: note.id, text: 'hello from streaming' })
    expect(streamed.reactionAndUserPairCache).toEqual([])
    const keys = Object.keys(streamed)
    expect(keys.indexOf('reactionAndUserPairCache')).toBe(keys.indexOf('reactionEmojis') + 1)
    expect((streamed.user as { onlineStatus: string }).onlineStatus).toBe('online')
  })

  it('keeps channels that need an account closed to an anonymous socket', async () => {
    const stream = await connect()
    for (const channel of ['main', 'homeTimeline', 'hybridTimeline', 'drive', 'admin'])
      join(stream, channel, channel)
    join(stream, 'localTimeline', 'ltl')
    await stream.next((message) => message.type === 'connected')
    await createNote(fake.users.alice.token, { text: 'public' })
    await stream.next((message) => message.type === 'channel')
    await settle()
    expect(stream.received.map((m) => m.body.id)).toEqual(['ltl', 'ltl'])
  })

  it('joins a timeline twice with different params, but a shared channel only once', async () => {
    const stream = await connect({ bearer: fake.users.alice.token })
    join(stream, 'localTimeline', 'all')
    join(stream, 'localTimeline', 'files', { withFiles: true })
    join(stream, 'serverStats', 'stats-1')
    join(stream, 'serverStats', 'stats-2')
    await settle()
    const connected = stream.received.filter((m) => m.type === 'connected').map((m) => m.body.id)
    expect(connected).toEqual(['all', 'files', 'stats-1'])
    await createNote(fake.users.alice.token, { text: 'no files' })
    await stream.next((m) => m.type === 'channel' && m.body.type === 'note')
    await settle()
    const notes = stream.received.filter((m) => m.type === 'channel' && m.body.type === 'note')
    expect(notes.map((m) => m.body.id)).toEqual(['all'])
  })

  it('stops a channel on disconnect', async () => {
    const stream = await connect({ bearer: fake.users.alice.token })
    join(stream, 'globalTimeline', 'gtl')
    await stream.next((m) => m.type === 'connected')
    stream.send({ type: 'disconnect', body: { id: 'gtl' } })
    await settle()
    await createNote(fake.users.alice.token, { text: 'unseen' })
    await settle()
    expect(stream.received).toHaveLength(1)
  })

  it('filters hashtag notes by q (any group, every tag of a group)', async () => {
    const stream = await connect()
    join(stream, 'hashtag', 'tags', { q: [['misskey', 'api'], ['explorer']] })
    await stream.next((m) => m.type === 'connected')
    await createNote(fake.users.alice.token, { text: 'only #misskey' })
    await createNote(fake.users.alice.token, { text: 'both #Misskey #api' })
    await createNote(fake.users.alice.token, { text: 'the #explorer' })
    await settle()
    const texts = stream.received
      .filter((m) => m.type === 'channel')
      .map((m) => (m.body.body as { text: string }).text)
    expect(texts).toEqual(['both #Misskey #api', 'the #explorer'])
  })

  it('sends mentions on main, and drive events on drive', async () => {
    const stream = await connect({ bearer: fake.users.alice.token })
    join(stream, 'main', 'main')
    join(stream, 'drive', 'drive')
    await stream.next((m) => m.type === 'connected' && m.body.id === 'drive')
    await createNote(fake.users.admin.token, { text: 'hi @alice' })
    const mention = await stream.next((m) => m.type === 'channel' && m.body.type === 'mention')
    expect(mention.body).toMatchObject({ id: 'main', body: { text: 'hi @alice' } })
    await post(fake, 'drive/folders/create', { name: 'streamed' }, bearer(fake.users.alice.token))
    const folder = await stream.next((m) => m.type === 'channel' && m.body.type === 'folderCreated')
    expect(folder.body).toMatchObject({ id: 'drive', body: { name: 'streamed' } })
  })

  it('ticks serverStats and answers requestLog with statsLog', async () => {
    const stream = await connect()
    join(stream, 'serverStats', 'stats')
    const tick = await stream.next((m) => m.type === 'channel' && m.body.type === 'stats')
    expect(Object.keys(tick.body.body as object)).toEqual(['cpu', 'mem', 'net', 'fs'])
    stream.send({
      type: 'ch',
      body: { id: 'stats', type: 'requestLog', body: { id: 'x', length: 1 } },
    })
    const log = await stream.next((m) => m.type === 'channel' && m.body.type === 'statsLog')
    expect(log.body.body).toHaveLength(1)
  })
})

describe('captured notes', () => {
  it('sends noteUpdated for reactions and deletion after subNote, and stops after unsubNote', async () => {
    const stream = await connect({ bearer: fake.users.alice.token })
    const note = await createNote(fake.users.alice.token, { text: 'react to me' })
    stream.send({ type: 'subNote', body: { id: note.id } })
    await settle(50)
    const react = (reaction: string) =>
      post(
        fake,
        'notes/reactions/create',
        { noteId: note.id, reaction },
        bearer(fake.users.admin.token),
      )
    expect((await react('👍')).status).toBe(204)
    const reacted = await stream.next((m) => m.type === 'noteUpdated')
    expect(reacted).toEqual({
      type: 'noteUpdated',
      body: {
        id: note.id,
        type: 'reacted',
        body: { reaction: '👍', emoji: null, userId: fake.users.admin.id },
      },
    })
    await react('🎉')
    await stream.next((m) => (m.body.body as { reaction?: string }).reaction === '🎉')
    const types = stream.received.map((m) => m.body.type)
    expect(types).toEqual(['reacted', 'unreacted', 'reacted'])

    await post(fake, 'notes/delete', { noteId: note.id }, bearer(fake.users.alice.token))
    const deleted = await stream.next((m) => m.body.type === 'deleted')
    expect(typeof (deleted.body.body as { deletedAt: unknown }).deletedAt).toBe('string')

    const other = await createNote(fake.users.alice.token, { text: 'then released' })
    stream.send({ type: 's', body: { id: other.id } })
    stream.send({ type: 'un', body: { id: other.id } })
    await settle(50)
    await post(
      fake,
      'notes/reactions/create',
      { noteId: other.id, reaction: '👍' },
      bearer(fake.users.admin.token),
    )
    await settle()
    expect(stream.received).toHaveLength(4)
  })

  it('ignores text that is not JSON and keeps the socket open', async () => {
    const stream = await connect()
    stream.send('this is not json')
    stream.send('{"type":"connect"}')
    join(stream, 'localTimeline', 'after')
    await stream.next((m) => m.type === 'connected')
    expect(stream.socket.readyState).toBe(stream.socket.OPEN)
  })
})

describe('test hooks', () => {
  it('drops every socket without a closing handshake and broadcasts to all', async () => {
    const first = await connect()
    const second = await connect()
    expect(fake.broadcastStreaming({ type: 'hello', body: { n: 1 } })).toBe(2)
    await first.next((m) => m.type === 'hello')
    await second.next((m) => m.type === 'hello')
    const closed = new Promise<number>((resolve) => first.socket.once('close', resolve))
    fake.dropStreamingConnections()
    expect(await closed).toBe(1006)
    await settle(50)
    expect(fake.streamingClients()).toBe(0)
  })
})
