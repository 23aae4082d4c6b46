// Account, user lookup, following and MiAuth token endpoints.
import { ApiError } from './errors.ts'
import { followErrors, userShowErrors } from './endpoint-defs-users.ts'
import { findEndpoint } from './endpoints.ts'
import type { Handler, HandlerContext } from './handler-types.ts'
import { packMeDetailed, packUserDetailedNotMe, packUserLite } from './pack-user.ts'
import type { UserRecord } from './state.ts'
import type { JsonObject } from './types.ts'

const updateProperties = findEndpoint('i/update')?.params.properties
const UPDATABLE =
  typeof updateProperties === 'object' && updateProperties !== null
    ? Object.keys(updateProperties)
    : []

function signedIn(ctx: HandlerContext): UserRecord {
  if (!ctx.me) throw new Error('credential-required endpoint reached without a user')
  return ctx.me
}

/** users/show packs the viewer's own account as MeDetailed (without secrets). */
function packDetailed(ctx: HandlerContext, user: UserRecord): JsonObject {
  return ctx.me?.id === user.id
    ? packMeDetailed(ctx, user, false)
    : packUserDetailedNotMe(ctx, user, ctx.me)
}

export const userHandlers: Record<string, Handler> = {
  // Secrets (email, security keys) only with a native token: i.ts's includeSecrets.
  i: (ctx) => packMeDetailed(ctx, signedIn(ctx), ctx.app === null),

  'i/update': (ctx) => {
    const me = signedIn(ctx)
    // Only declared params: unknown extras (and the `i` token) are ignored, as ajv lets them by.
    for (const key of UPDATABLE) if (key in ctx.params) me.profile[key] = ctx.params[key] ?? null
    me.updatedAt = new Date().toISOString()
    return packMeDetailed(ctx, me, ctx.app === null)
  },

  'users/show': (ctx) => {
    const { params, state } = ctx
    if (Array.isArray(params.userIds)) {
      return params.userIds.flatMap((id) => {
        const user = typeof id === 'string' ? state.users.get(id) : undefined
        return user ? [packDetailed(ctx, user)] : []
      })
    }
    // A non-null host means a remote user, which this loopback-only fake cannot resolve.
    if (typeof params.host === 'string')
      throw new ApiError(userShowErrors.failedToResolveRemoteUser)
    const user =
      typeof params.userId === 'string'
        ? state.users.get(params.userId)
        : typeof params.username === 'string'
          ? state.userByUsername(params.username)
          : undefined
    if (!user) throw new ApiError(userShowErrors.noSuchUser)
    return packDetailed(ctx, user)
  },

  'following/create': (ctx) => {
    const me = signedIn(ctx)
    const followee = ctx.state.users.get(String(ctx.params.userId))
    if (!followee) throw new ApiError(followErrors.noSuchUser)
    if (followee.id === me.id) throw new ApiError(followErrors.followeeIsYourself)
    if (ctx.state.isFollowing(me.id, followee.id)) throw new ApiError(followErrors.alreadyFollowing)
    const withReplies = ctx.params.withReplies === true
    const now = Date.now()
    ctx.state.follows.push({
      id: ctx.state.genId(now),
      createdAt: new Date(now).toISOString(),
      followerId: me.id,
      followeeId: followee.id,
      withReplies,
    })
    return packUserLite(ctx, followee)
  },

  // The server does not check the permission names (observed.md, MiAuth).
  'miauth/gen-token': (ctx) => {
    const me = signedIn(ctx)
    const { params } = ctx
    const permission = Array.isArray(params.permission)
      ? params.permission.filter((p): p is string => typeof p === 'string')
      : []
    const session = typeof params.session === 'string' ? params.session : null
    const token = ctx.state.createAppToken(me.id, permission, session)
    const record = ctx.state.appTokens.get(token)
    if (record) record.name = typeof params.name === 'string' ? params.name : null
    return { token }
  },
}
