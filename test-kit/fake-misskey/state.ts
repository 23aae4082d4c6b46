// In-memory data of the fake instance. Handlers hold the rules; this file only stores.
import { appToken, createIdGenerator, nativeToken } from './ids.ts'
import { StreamEvents } from './stream-events.ts'
import type { JsonObject } from './types.ts'

export interface UserRecord {
  id: string
  username: string
  token: string
  createdAt: string
  updatedAt: string | null
  isAdmin: boolean
  /** The first admin (Misskey's meta.rootUserId) skips role checks. */
  isRoot: boolean
  lastActiveAt: number | null
  /** Values set through i/update, overriding the packed defaults. */
  profile: JsonObject
}

export interface AppTokenRecord {
  token: string
  userId: string
  permission: string[]
  /** MiAuth session uuid, when the token came from miauth/gen-token. */
  session: string | null
  /** Whether /api/miauth/<session>/check has already handed the token out. */
  fetched: boolean
  name: string | null
}

export interface PollRecord {
  choices: string[]
  votes: number[]
  multiple: boolean
  expiresAt: string | null
}

export interface NoteRecord {
  id: string
  createdAt: string
  userId: string
  text: string | null
  cw: string | null
  visibility: 'public' | 'home' | 'followers' | 'specified'
  visibleUserIds: string[]
  localOnly: boolean
  reactionAcceptance: string | null
  replyId: string | null
  renoteId: string | null
  fileIds: string[]
  mentions: string[]
  tags: string[]
  poll: PollRecord | null
  renoteCount: number
  repliesCount: number
  /** userId → reaction, in reaction order. */
  reactions: Map<string, string>
}

export interface DriveFileRecord {
  id: string
  createdAt: string
  userId: string
  name: string
  type: string
  md5: string
  size: number
  isSensitive: boolean
  comment: string | null
  folderId: string | null
  properties: JsonObject
  blurhash: string | null
  /** Key of /files/<key>; thumbnails use `thumbnail-<key>`. */
  accessKey: string
  thumbnailKey: string | null
  bytes: Uint8Array
}

export interface FolderRecord {
  id: string
  createdAt: string
  userId: string
  name: string
  parentId: string | null
}

export interface FollowRecord {
  /** Misskey's Following row: its own id and time (users/followers pages by them). */
  id: string
  createdAt: string
  followerId: string
  followeeId: string
  withReplies: boolean
}

export class FakeState {
  readonly genId = createIdGenerator()
  /** Misskey's system.proxy account; it is never routed, so it needs no record. */
  readonly proxyAccountId = this.genId()
  readonly users = new Map<string, UserRecord>()
  readonly appTokens = new Map<string, AppTokenRecord>()
  readonly notes = new Map<string, NoteRecord>()
  readonly files = new Map<string, DriveFileRecord>()
  readonly folders = new Map<string, FolderRecord>()
  follows: FollowRecord[] = []
  /** What handlers publish for the streaming endpoint (Misskey's GlobalEventService). */
  readonly events = new StreamEvents()

  createUser(username: string, isAdmin: boolean): UserRecord {
    const now = Date.now()
    const user: UserRecord = {
      id: this.genId(now),
      username,
      token: nativeToken(),
      createdAt: new Date(now).toISOString(),
      updatedAt: null,
      isAdmin,
      isRoot: isAdmin && ![...this.users.values()].some((other) => other.isRoot),
      lastActiveAt: null,
      profile: {},
    }
    this.users.set(user.id, user)
    return user
  }

  userByNativeToken(token: string): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.token === token)
  }

  userByUsername(username: string): UserRecord | undefined {
    const wanted = username.toLowerCase()
    return [...this.users.values()].find((user) => user.username.toLowerCase() === wanted)
  }

  createAppToken(userId: string, permission: string[], session: string | null = null): string {
    if (!this.users.has(userId)) throw new Error(`createAppToken: no user ${userId}`)
    const token = appToken()
    this.appTokens.set(token, { token, userId, permission, session, fetched: false, name: null })
    return token
  }

  isFollowing(followerId: string, followeeId: string): boolean {
    return this.follows.some((f) => f.followerId === followerId && f.followeeId === followeeId)
  }

  /** Content goes; accounts and their tokens stay, so tests can keep the tokens they hold. */
  reset(): void {
    this.notes.clear()
    this.files.clear()
    this.folders.clear()
    this.follows = []
    for (const user of this.users.values()) user.lastActiveAt = null
  }
}
