// The channels of Misskey's streaming API (stream/channels/*.ts): who may join them, whether a
// second join is ignored (`shouldShare`), and what each sends. The fake has no lists, antennas,
// note channels or roles, so those channels accept a join and stay quiet, as the real ones do
// for an id they cannot find.
import { isPureRenote, isVisibleFor, packNote } from './pack-note.ts'
import type { PackContext } from './pack-user.ts'
import type { NoteRecord, UserRecord } from './state.ts'
import type { StatsFeed } from './streaming-stats.ts'
import type { Json, JsonObject } from './types.ts'

export interface ChannelHost {
  readonly ctx: PackContext
  readonly user: UserRecord | null
  readonly stats: { server: StatsFeed; queue: StatsFeed }
  /** Sends `{"type":"channel","body":{"id":id,"type":type,"body":body}}`. */
  send(id: string, type: string, body: Json): void
  /** Listens to notes created anywhere; returns the unsubscribe. */
  onNote(listener: (note: NoteRecord) => void): () => void
  onUserStream(
    stream: 'mainStream' | 'driveStream',
    listener: (type: string, body: Json) => void,
  ): () => void
}

export interface ChannelInstance {
  dispose(): void
  /** A `channel` (alias `ch`) message from the client to this connection id. */
  onMessage?(type: string, body: Json): void
}

export interface ChannelDef {
  requireCredential: boolean
  /** The permission an app token needs to join. */
  kind?: string
  /** Shared channels exist once per socket: a second join is ignored, with no `connected`. */
  shouldShare: boolean
  create(host: ChannelHost, id: string, params: JsonObject): ChannelInstance
}

const quiet: ChannelInstance = { dispose: () => undefined }

/** The streamed Note has one key more than the REST one (observed.md). */
export function packStreamNote(ctx: PackContext, note: NoteRecord, viewer: UserRecord | null) {
  const packed = packNote(ctx, note, viewer)
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(packed)) {
    out[key] = value
    if (key === 'reactionEmojis') out.reactionAndUserPairCache = []
  }
  return out
}

type NoteFilter = (host: ChannelHost, note: NoteRecord, params: JsonObject) => boolean

/** withFiles, withRenotes and the "unrelated reply" rule every timeline applies. */
const common: NoteFilter = (host, note, params) => {
  if (params.withFiles === true && note.fileIds.length === 0) return false
  if (params.withRenotes === false && isPureRenote(note)) return false
  if (note.replyId && params.withReplies !== true) {
    const target = host.ctx.state.notes.get(note.replyId)
    const me = host.user?.id
    if (target && target.userId !== me && note.userId !== me && target.userId !== note.userId)
      return false
  }
  return isVisibleFor(host.ctx, note, host.user)
}

const fromHome: NoteFilter = (host, note) =>
  !!host.user &&
  (note.userId === host.user.id || host.ctx.state.isFollowing(host.user.id, note.userId))

const isPublic: NoteFilter = (_host, note) => note.visibility === 'public'

function hashtagMatch(note: NoteRecord, params: JsonObject): boolean {
  const q = params.q
  if (!Array.isArray(q)) return false
  return q.some(
    (group) =>
      Array.isArray(group) &&
      group.every(
        (tag) => typeof tag === 'string' && note.tags.includes(tag.normalize('NFKC').toLowerCase()),
      ),
  )
}

const visible: NoteFilter = (host, note) => isVisibleFor(host.ctx, note, host.user)

function timeline(
  requireCredential: boolean,
  accepts: NoteFilter,
  filters: NoteFilter = common,
): ChannelDef {
  return {
    requireCredential,
    ...(requireCredential ? { kind: 'read:account' } : {}),
    shouldShare: false,
    create(host, id, params) {
      const stop = host.onNote((note) => {
        if (!accepts(host, note, params) || !filters(host, note, params)) return
        host.send(id, 'note', packStreamNote(host.ctx, note, host.user))
      })
      return { dispose: stop }
    },
  }
}

function userStream(stream: 'mainStream' | 'driveStream', kind: string): ChannelDef {
  return {
    requireCredential: true,
    kind,
    shouldShare: true,
    create(host, id) {
      return { dispose: host.onUserStream(stream, (type, body) => host.send(id, type, body)) }
    },
  }
}

function statsChannel(feed: 'server' | 'queue'): ChannelDef {
  return {
    requireCredential: false,
    shouldShare: true,
    create(host, id) {
      const source = host.stats[feed]
      const stop = source.subscribe((stats) => host.send(id, 'stats', stats))
      return {
        dispose: stop,
        onMessage(type, body) {
          if (type !== 'requestLog' || typeof body !== 'object' || body === null) return
          if (Array.isArray(body)) return
          const length = typeof body.length === 'number' ? body.length : 50
          host.send(id, 'statsLog', source.recent(length))
        },
      }
    },
  }
}

/** A channel whose subject (list, antenna, channel, role) the fake never has. */
const silent = (requireCredential: boolean): ChannelDef => ({
  requireCredential,
  ...(requireCredential ? { kind: 'read:account' } : {}),
  shouldShare: false,
  create: () => quiet,
})

export const channelDefs: Record<string, ChannelDef> = {
  main: userStream('mainStream', 'read:account'),
  homeTimeline: timeline(true, fromHome),
  localTimeline: timeline(false, isPublic),
  hybridTimeline: timeline(
    true,
    (host, note, params) => fromHome(host, note, params) || isPublic(host, note, params),
  ),
  globalTimeline: timeline(false, isPublic),
  hashtag: timeline(false, (_host, note, params) => hashtagMatch(note, params), visible),
  userList: silent(true),
  antenna: silent(true),
  channel: silent(false),
  roleTimeline: silent(false),
  drive: userStream('driveStream', 'read:account'),
  serverStats: statsChannel('server'),
  queueStats: statsChannel('queue'),
  // The fake raises no moderation events.
  admin: {
    requireCredential: true,
    kind: 'read:admin:stream',
    shouldShare: true,
    create: () => quiet,
  },
}
