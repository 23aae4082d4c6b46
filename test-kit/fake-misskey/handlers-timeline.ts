// notes/timeline and notes/local-timeline over the in-memory notes.
import { ApiError } from './errors.ts'
import { localTimelineErrors } from './endpoint-defs-notes.ts'
import type { Handler, HandlerContext } from './handler-types.ts'
import { isPureRenote, isVisibleFor, packNote } from './pack-note.ts'
import type { NoteRecord } from './state.ts'
import type { JsonObject } from './types.ts'

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null)
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/**
 * Newest first. With only a lower bound (sinceId/sinceDate) the notes nearest to it are
 * returned, so paging forward does not skip any.
 */
function paginate(notes: NoteRecord[], params: JsonObject): NoteRecord[] {
  const sinceId = str(params.sinceId)
  const untilId = str(params.untilId)
  const sinceDate = num(params.sinceDate)
  const untilDate = num(params.untilDate)
  const limit = num(params.limit) ?? 10
  const time = (note: NoteRecord) => Date.parse(note.createdAt)
  const inRange = notes.filter(
    (note) =>
      (sinceId === null || note.id > sinceId) &&
      (untilId === null || note.id < untilId) &&
      (sinceDate === null || time(note) > sinceDate) &&
      (untilDate === null || time(note) < untilDate),
  )
  const newestFirst = inRange.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  const fromBelow =
    (sinceId !== null || sinceDate !== null) && untilId === null && untilDate === null
  return fromBelow ? newestFirst.slice(-limit) : newestFirst.slice(0, limit)
}

function withCommonFilters(ctx: HandlerContext, note: NoteRecord): boolean {
  if (ctx.params.withFiles === true && note.fileIds.length === 0) return false
  if (ctx.params.withRenotes === false && isPureRenote(note)) return false
  return true
}

const home: Handler = (ctx) => {
  const me = ctx.me
  if (!me) throw new Error('notes/timeline reached without a user')
  const notes = [...ctx.state.notes.values()].filter((note) => {
    const mine = note.userId === me.id
    if (!mine && !ctx.state.isFollowing(me.id, note.userId)) return false
    if (mine && ctx.params.includeMyRenotes === false && isPureRenote(note)) return false
    return isVisibleFor(ctx, note, me) && withCommonFilters(ctx, note)
  })
  return paginate(notes, ctx.params).map((note) => packNote(ctx, note, me))
}

const local: Handler = (ctx) => {
  if (ctx.params.withReplies === true && ctx.params.withFiles === true) {
    throw new ApiError(localTimelineErrors.bothWithRepliesAndWithFiles)
  }
  const notes = [...ctx.state.notes.values()].filter((note) => {
    if (note.visibility !== 'public') return false
    if (ctx.params.withReplies !== true && note.replyId !== null) {
      // Replies to one's own notes (threads) stay, as in Misskey.
      const target = ctx.state.notes.get(note.replyId)
      if (target?.userId !== note.userId) return false
    }
    return withCommonFilters(ctx, note)
  })
  return paginate(notes, ctx.params).map((note) => packNote(ctx, note, ctx.me))
}

export const timelineHandlers: Record<string, Handler> = {
  'notes/timeline': home,
  'notes/local-timeline': local,
}
