// One streaming socket, as Misskey's stream/Connection.ts handles it: client messages
// (connect, disconnect, channel/ch, subNote/s/sr, unsubNote/un), its channels and the notes it
// captured. Whatever Misskey ignores (text that is not JSON, an unknown type or channel, a join
// it refuses) is ignored here too, without a word on the socket.
import type { WebSocket } from 'ws'
import type { PackContext } from './pack-user.ts'
import type { AppTokenRecord, UserRecord } from './state.ts'
import type { ChannelHost, ChannelInstance } from './streaming-channels.ts'
import { channelDefs } from './streaming-channels.ts'
import type { StatsFeed } from './streaming-stats.ts'
import type { Json, JsonObject } from './types.ts'

export interface ConnectionEnv {
  ctx: PackContext
  stats: { server: StatsFeed; queue: StatsFeed }
}

interface JoinedChannel {
  id: string
  name: string
  instance: ChannelInstance
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export class StreamConnection {
  private readonly socket: WebSocket
  private readonly env: ConnectionEnv
  private readonly user: UserRecord | null
  private readonly app: AppTokenRecord | null
  private channels: JoinedChannel[] = []
  /** noteId → how many times it was subscribed (Misskey counts, so two subNotes need two unsubNotes). */
  private readonly subscribed = new Map<string, number>()
  private readonly cleanups: Array<() => void> = []

  constructor(
    socket: WebSocket,
    env: ConnectionEnv,
    user: UserRecord | null,
    app: AppTokenRecord | null,
  ) {
    this.socket = socket
    this.env = env
    this.user = user
    this.app = app
    const events = env.ctx.state.events
    const onNoteStream = (noteId: string, type: string, body: JsonObject) => {
      if (this.subscribed.has(noteId)) this.send('noteUpdated', { id: noteId, type, body })
    }
    events.on('noteStream', onNoteStream)
    this.cleanups.push(() => events.off('noteStream', onNoteStream))
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(data.toString())
    })
    socket.once('close', () => this.dispose())
  }

  send(type: string, body: Json): void {
    if (this.socket.readyState === this.socket.OPEN)
      this.socket.send(JSON.stringify({ type, body }))
  }

  private onMessage(text: string): void {
    let message: unknown
    try {
      message = JSON.parse(text)
    } catch {
      return
    }
    if (!isObject(message)) return
    const body = message.body
    if (!isObject(body)) return
    switch (message.type) {
      case 'subNote':
      case 's':
      case 'sr':
        return this.subscribe(body.id)
      case 'unsubNote':
      case 'un':
        return this.unsubscribe(body.id)
      case 'connect':
        return this.connect(body)
      case 'disconnect':
        return this.disconnect(body.id)
      case 'channel':
      case 'ch': {
        const joined = this.channels.find((channel) => channel.id === body.id)
        if (typeof body.type === 'string')
          joined?.instance.onMessage?.(body.type, body.body ?? null)
        return
      }
    }
  }

  private subscribe(noteId: Json | undefined): void {
    if (typeof noteId !== 'string' || noteId === '') return
    this.subscribed.set(noteId, (this.subscribed.get(noteId) ?? 0) + 1)
  }

  private unsubscribe(noteId: Json | undefined): void {
    if (typeof noteId !== 'string') return
    const count = (this.subscribed.get(noteId) ?? 0) - 1
    if (count <= 0) this.subscribed.delete(noteId)
    else this.subscribed.set(noteId, count)
  }

  private connect(body: JsonObject): void {
    const { channel, id, params, pong } = body
    // The real server logs "no such channel" and answers nothing.
    const def = typeof channel === 'string' ? channelDefs[channel] : undefined
    if (!def || typeof channel !== 'string' || typeof id !== 'string') return
    if (def.requireCredential && !this.user) return
    if (this.app && def.kind && !this.app.permission.includes(def.kind)) return
    if (def.shouldShare && this.channels.some((joined) => joined.name === channel)) return
    const instance = def.create(this.host(), id, isObject(params) ? params : {})
    this.channels.push({ id, name: channel, instance })
    if (pong === true) this.send('connected', { id })
  }

  private disconnect(id: Json | undefined): void {
    for (const joined of this.channels.filter((channel) => channel.id === id))
      joined.instance.dispose()
    this.channels = this.channels.filter((channel) => channel.id !== id)
  }

  private host(): ChannelHost {
    const { ctx, stats } = this.env
    const events = ctx.state.events
    const listen = <Args extends unknown[]>(
      name: 'note' | 'mainStream' | 'driveStream',
      listener: (...args: Args) => void,
    ) => {
      const untyped = listener as unknown as (...args: unknown[]) => void
      events.on(name, untyped)
      return () => void events.off(name, untyped)
    }
    return {
      ctx,
      user: this.user,
      stats,
      send: (id, type, body) => this.send('channel', { id, type, body }),
      onNote: (listener) =>
        listen('note', (noteId: string) => {
          const note = ctx.state.notes.get(noteId)
          if (note) listener(note)
        }),
      onUserStream: (stream, listener) =>
        listen(stream, (userId: string, type: string, body: () => Json) => {
          if (userId === this.user?.id) listener(type, body())
        }),
    }
  }

  private dispose(): void {
    for (const joined of this.channels) joined.instance.dispose()
    this.channels = []
    for (const cleanup of this.cleanups) cleanup()
  }
}
