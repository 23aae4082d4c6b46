// Users packed the way Misskey's UserEntityService does, key order included (wire/i-body.txt).
import { policies } from './meta-data.ts'
import type { FakeState, UserRecord } from './state.ts'
import type { Json, JsonObject } from './types.ts'

export interface PackContext {
  state: FakeState
  origin: string
}

const ONLINE_MS = 10 * 60 * 1000
const ACTIVE_MS = 3 * 24 * 60 * 60 * 1000

/** i/update values replace the defaults in place, so key order stays the real one. */
function withProfile(user: UserRecord, packed: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(user.profile)) if (key in packed) packed[key] = value
  return packed
}

function onlineStatus(user: UserRecord, now: number): string {
  if (user.profile.hideOnlineStatus === true || user.lastActiveAt === null) return 'unknown'
  const idle = now - user.lastActiveAt
  return idle < ONLINE_MS ? 'online' : idle < ACTIVE_MS ? 'active' : 'offline'
}

export function packUserLite(ctx: PackContext, user: UserRecord): JsonObject {
  const host = new URL(ctx.origin).host
  return withProfile(user, {
    id: user.id,
    name: null,
    username: user.username,
    host: null,
    avatarUrl: `${ctx.origin}/identicon/${user.username}@${host}`,
    avatarBlurhash: null,
    avatarDecorations: [],
    isBot: false,
    isCat: false,
    emojis: {},
    onlineStatus: onlineStatus(user, Date.now()),
    badgeRoles: [],
  })
}

function counts(ctx: PackContext, user: UserRecord) {
  const { follows, notes } = ctx.state
  return {
    followersCount: follows.filter((f) => f.followeeId === user.id).length,
    followingCount: follows.filter((f) => f.followerId === user.id).length,
    notesCount: [...notes.values()].filter((note) => note.userId === user.id).length,
  }
}

function detailed(ctx: PackContext, user: UserRecord): JsonObject {
  return {
    ...packUserLite(ctx, user),
    url: null,
    uri: null,
    movedTo: null,
    alsoKnownAs: null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    lastFetchedAt: null,
    bannerUrl: null,
    bannerBlurhash: null,
    isLocked: false,
    isSilenced: false,
    isSuspended: false,
    description: null,
    location: null,
    birthday: null,
    lang: null,
    fields: [],
    verifiedLinks: [],
    ...counts(ctx, user),
    pinnedNoteIds: [],
    pinnedNotes: [],
    pinnedPageId: null,
    pinnedPage: null,
    publicReactions: true,
    followersVisibility: 'public',
    followingVisibility: 'public',
    chatScope: 'mutual',
    canChat: true,
    roles: [],
    memo: null,
  }
}

/** UserDetailedNotMe; `me` adds what a moderator sees and the relation to the viewer. */
export function packUserDetailedNotMe(
  ctx: PackContext,
  user: UserRecord,
  me: UserRecord | null,
): JsonObject {
  const packed = detailed(ctx, user)
  if (me?.isAdmin) {
    Object.assign(packed, {
      moderationNote: '',
      twoFactorEnabled: false,
      usePasswordLessLogin: false,
      securityKeys: false,
    })
  }
  if (me) {
    const follow = ctx.state.follows.find((f) => f.followerId === me.id && f.followeeId === user.id)
    Object.assign(packed, {
      isFollowing: follow !== undefined,
      isFollowed: ctx.state.isFollowing(user.id, me.id),
      hasPendingFollowRequestFromYou: false,
      hasPendingFollowRequestToYou: false,
      isBlocking: false,
      isBlocked: false,
      isMuted: false,
      isRenoteMuted: false,
      notify: 'none',
      withReplies: follow?.withReplies ?? false,
    })
  }
  return withProfile(user, packed)
}

/** MeDetailed. Secrets (email, security keys) only for native tokens, as i.ts's includeSecrets. */
export function packMeDetailed(
  ctx: PackContext,
  user: UserRecord,
  includeSecrets: boolean,
): JsonObject {
  const mine: Record<string, Json> = {
    ...detailed(ctx, user),
    ...(user.isAdmin ? { moderationNote: '' } : {}),
    twoFactorEnabled: false,
    usePasswordLessLogin: false,
    securityKeys: false,
    avatarId: null,
    bannerId: null,
    followedMessage: null,
    isModerator: user.isAdmin,
    isAdmin: user.isAdmin,
    injectFeaturedNote: true,
    receiveAnnouncementEmail: true,
    alwaysMarkNsfw: false,
    autoSensitive: false,
    carefulBot: false,
    autoAcceptFollowed: true,
    noCrawle: false,
    preventAiLearning: true,
    isExplorable: true,
    isDeleted: false,
    twoFactorBackupCodesStock: 'none',
    hideOnlineStatus: false,
    hasUnreadSpecifiedNotes: false,
    hasUnreadMentions: false,
    hasUnreadChatMessages: false,
    hasUnreadAnnouncement: false,
    unreadAnnouncements: [],
    hasUnreadAntenna: false,
    hasUnreadChannel: false,
    hasUnreadNotification: false,
    hasPendingReceivedFollowRequest: false,
    unreadNotificationsCount: 0,
    mutedWords: [],
    hardMutedWords: [],
    mutedInstances: [],
    mutingNotificationTypes: [],
    notificationRecieveConfig: {},
    emailNotificationTypes: ['follow', 'receiveFollowRequest'],
    achievements: [],
    loggedInDays: user.lastActiveAt === null ? 0 : 1,
    policies,
  }
  if (includeSecrets)
    Object.assign(mine, { email: null, emailVerified: false, securityKeysList: [] })
  return withProfile(user, mine)
}
