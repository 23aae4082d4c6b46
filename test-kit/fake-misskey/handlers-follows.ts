// Who follows whom (users/followers, users/following) and one user's notes (users/notes).
import { ApiError } from './errors.ts'
import { followListErrors, userNotesErrors } from './endpoint-defs-follows.ts'
import type { Handler, HandlerContext } from './handler-types.ts'
import { isPureRenote, isVisibleFor, packNote } from './pack-note.ts'
import { packUserDetailedNotMe } from './pack-user.ts'
import type { FollowRecord, UserRecord } from './state.ts'

function targetUser(ctx: HandlerContext): UserRecord {
  const { params, state } = ctx
  const user =
    typeof params.userId === 'string'
      ? state.users.get(params.userId)
      : typeof params.username === 'string' && params.host === null
        ? state.userByUsername(params.username)
        : undefined
  if (!user) throw new ApiError(followListErrors.noSuchUser)
  return user
}

/** Newest first, paged by the Following row's id, as Misskey does. */
function page<T extends { id: string }>(rows: T[], ctx: HandlerContext): T[] {
  const { sinceId, untilId } = ctx.params
  const limit = typeof ctx.params.limit === 'number' ? ctx.params.limit : 10
  return rows
    .filter(
      (row) =>
        (typeof sinceId !== 'string' || row.id > sinceId) &&
        (typeof untilId !== 'string' || row.id < untilId),
    )
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit)
}

function followList(side: 'follower' | 'followee'): Handler {
  return (ctx) => {
    const user = targetUser(ctx)
    // The other side of each row is the user the list is about.
    const rows = ctx.state.follows.filter((follow) =>
      side === 'follower' ? follow.followeeId === user.id : follow.followerId === user.id,
    )
    return page(rows, ctx).flatMap((follow: FollowRecord) => {
      const other = ctx.state.users.get(side === 'follower' ? follow.followerId : follow.followeeId)
      if (!other) return []
      return [
        {
          id: follow.id,
          createdAt: follow.createdAt,
          followeeId: follow.followeeId,
          followerId: follow.followerId,
          [side]: packUserDetailedNotMe(ctx, other, ctx.me),
        },
      ]
    })
  }
}

const userNotes: Handler = (ctx) => {
  const user = ctx.state.users.get(String(ctx.params.userId))
  if (!user) throw new ApiError(userNotesErrors.noSuchUser)
  const notes = [...ctx.state.notes.values()].filter(
    (note) =>
      note.userId === user.id &&
      isVisibleFor(ctx, note, ctx.me) &&
      (ctx.params.withReplies === true || note.replyId === null) &&
      (ctx.params.withRenotes !== false || !isPureRenote(note)) &&
      (ctx.params.withFiles !== true || note.fileIds.length > 0),
  )
  return page(notes, ctx).map((note) => packNote(ctx, note, ctx.me))
}

export const followHandlers: Record<string, Handler> = {
  'users/followers': followList('follower'),
  'users/following': followList('followee'),
  'users/notes': userNotes,
}
