// notes/create, show, delete and reactions/create, with Misskey's checks and error ids.
import { ApiError } from './errors.ts'
import { createErrors, deleteErrors, reactionErrors, showErrors } from './endpoint-defs-notes.ts'
import type { Handler, HandlerContext } from './handler-types.ts'
import { isPureRenote, isVisibleFor, packNote } from './pack-note.ts'
import type { NoteRecord, PollRecord, UserRecord } from './state.ts'
import { timelineHandlers } from './handlers-timeline.ts'

const MENTION_LIMIT = 20
const FALLBACK_REACTION = '❤'
// RGI emoji via the `v` flag; built at run time so the ES2023 target does not reject the flag.
const SINGLE_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v')

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

function signedIn(ctx: HandlerContext): UserRecord {
  if (!ctx.me) throw new Error('credential-required endpoint reached without a user')
  return ctx.me
}

function extractMentions(ctx: HandlerContext, text: string | null): string[] {
  if (!text || ctx.params.noExtractMentions === true) return []
  const ids = [...text.matchAll(/(?<![\w@])@([a-zA-Z0-9_]+)(?![\w@])/g)].flatMap((match) => {
    const user = match[1] ? ctx.state.userByUsername(match[1]) : undefined
    return user ? [user.id] : []
  })
  return [...new Set(ids)]
}

function extractTags(ctx: HandlerContext, text: string | null): string[] {
  if (!text || ctx.params.noExtractHashtags === true) return []
  const tags = [...text.matchAll(/#([^\s#.,!?'"()[\]{}:;<>]+)/gu)].map(
    (m) => m[1]?.normalize('NFKC').toLowerCase() ?? '',
  )
  return [...new Set(tags.filter(Boolean))]
}

function pollOf(value: unknown): PollRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const poll = value as Record<string, unknown>
  const choices = strings(poll.choices)
  let expiresAt = typeof poll.expiresAt === 'number' ? poll.expiresAt : null
  if (typeof poll.expiredAfter === 'number') expiresAt = Date.now() + poll.expiredAfter
  if (expiresAt !== null && expiresAt < Date.now()) {
    throw new ApiError(createErrors.cannotCreateAlreadyExpiredPoll)
  }
  return {
    choices,
    votes: choices.map(() => 0),
    multiple: poll.multiple === true,
    expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
  }
}

const create: Handler = (ctx) => {
  const me = signedIn(ctx)
  const { params, state } = ctx
  const visibility = (str(params.visibility) ?? 'public') as NoteRecord['visibility']
  const renoteId = str(params.renoteId)
  const renote = renoteId ? state.notes.get(renoteId) : undefined
  if (renoteId) {
    if (!renote) throw new ApiError(createErrors.noSuchRenoteTarget)
    if (isPureRenote(renote)) throw new ApiError(createErrors.cannotReRenote)
    if (renote.userId !== me.id && ['followers', 'specified'].includes(renote.visibility)) {
      throw new ApiError(createErrors.cannotRenoteDueToVisibility)
    }
  }
  const replyId = str(params.replyId)
  const reply = replyId ? state.notes.get(replyId) : undefined
  if (replyId) {
    if (!reply) throw new ApiError(createErrors.noSuchReplyTarget)
    if (!isVisibleFor(ctx, reply, me)) throw new ApiError(createErrors.cannotReplyToInvisibleNote)
    if (isPureRenote(reply)) throw new ApiError(createErrors.cannotReplyToPureRenote)
    if (reply.visibility === 'specified' && visibility !== 'specified') {
      throw new ApiError(createErrors.cannotReplyToSpecifiedVisibilityNoteWithExtendedVisibility)
    }
  }
  const fileIds = strings(params.fileIds ?? params.mediaIds)
  if (fileIds.some((id) => state.files.get(id)?.userId !== me.id)) {
    throw new ApiError(createErrors.noSuchFile)
  }
  if (str(params.channelId)) throw new ApiError(createErrors.noSuchChannel)
  const poll = pollOf(params.poll)
  const text = str(params.text)
  const mentions = extractMentions(ctx, text)
  if (mentions.length > MENTION_LIMIT) throw new ApiError(createErrors.containsTooManyMentions)
  const visibleUserIds =
    visibility === 'specified'
      ? [
          ...new Set([
            ...strings(params.visibleUserIds).filter((id) => state.users.has(id)),
            ...mentions,
          ]),
        ]
      : []

  const now = Date.now()
  const note: NoteRecord = {
    id: state.genId(now),
    createdAt: new Date(now).toISOString(),
    userId: me.id,
    text,
    cw: str(params.cw),
    visibility,
    visibleUserIds,
    localOnly: params.localOnly === true,
    reactionAcceptance: str(params.reactionAcceptance),
    replyId: reply?.id ?? null,
    renoteId: renote?.id ?? null,
    fileIds,
    mentions,
    tags: extractTags(ctx, text),
    poll,
    renoteCount: 0,
    repliesCount: 0,
    reactions: new Map(),
  }
  state.notes.set(note.id, note)
  if (reply) reply.repliesCount++
  if (renote) renote.renoteCount++
  publishCreated(ctx, note, me)
  return { createdNote: packNote(ctx, note, me) }
}

/** What NoteCreateService streams: the note to the timelines, mentions and replies to `main`. */
function publishCreated(ctx: HandlerContext, note: NoteRecord, me: UserRecord): void {
  const { events, users } = ctx.state
  events.publish('note', note.id)
  const packFor = (userId: string) => () => packNote(ctx, note, users.get(userId) ?? null)
  if (note.replyId) {
    const target = ctx.state.notes.get(note.replyId)
    if (target && target.userId !== me.id)
      events.publish('mainStream', target.userId, 'reply', packFor(target.userId))
  }
  for (const userId of note.mentions) {
    if (userId !== me.id) events.publish('mainStream', userId, 'mention', packFor(userId))
  }
}

const show: Handler = (ctx) => {
  const note = ctx.state.notes.get(str(ctx.params.noteId) ?? '')
  if (!note) throw new ApiError(showErrors.noSuchNote)
  return packNote(ctx, note, ctx.me)
}

/** Replies and renotes go with their target, as the database's ON DELETE CASCADE does. */
function deleteCascade(ctx: HandlerContext, note: NoteRecord): void {
  ctx.state.notes.delete(note.id)
  const parentOf = (id: string | null) => (id ? ctx.state.notes.get(id) : undefined)
  const reply = parentOf(note.replyId)
  const renote = parentOf(note.renoteId)
  if (reply) reply.repliesCount = Math.max(reply.repliesCount - 1, 0)
  if (renote) renote.renoteCount = Math.max(renote.renoteCount - 1, 0)
  for (const child of [...ctx.state.notes.values()]) {
    if (child.replyId === note.id || child.renoteId === note.id) deleteCascade(ctx, child)
  }
}

const remove: Handler = (ctx) => {
  const me = signedIn(ctx)
  const note = ctx.state.notes.get(str(ctx.params.noteId) ?? '')
  if (!note) throw new ApiError(deleteErrors.noSuchNote)
  if (note.userId !== me.id && !me.isAdmin) throw new ApiError(deleteErrors.accessDenied)
  deleteCascade(ctx, note)
  // Only the note asked for is announced; the cascade happens in the database, unseen.
  ctx.state.events.publish('noteStream', note.id, 'deleted', {
    deletedAt: new Date().toISOString(),
  })
  return null
}

/** ReactionService's normalisation: a single emoji stays, anything else becomes ❤. */
function normalizeReaction(note: NoteRecord, reaction: string): string {
  if (note.reactionAcceptance === 'likeOnly') return FALLBACK_REACTION
  return SINGLE_EMOJI.test(reaction) ? reaction : FALLBACK_REACTION
}

const react: Handler = (ctx) => {
  const me = signedIn(ctx)
  const note = ctx.state.notes.get(str(ctx.params.noteId) ?? '')
  if (!note || !isVisibleFor(ctx, note, me)) throw new ApiError(reactionErrors.noSuchNote)
  if (isPureRenote(note)) throw new ApiError(reactionErrors.cannotReactToRenote)
  const reaction = normalizeReaction(note, str(ctx.params.reaction) ?? '')
  if (note.reactions.get(me.id) === reaction) throw new ApiError(reactionErrors.alreadyReacted)
  // Reacting with something else replaces the earlier reaction (ReactionService deletes it first).
  const previous = note.reactions.get(me.id)
  if (previous !== undefined) {
    note.reactions.delete(me.id)
    ctx.state.events.publish('noteStream', note.id, 'unreacted', {
      reaction: previous,
      userId: me.id,
    })
  }
  note.reactions.set(me.id, reaction)
  // `emoji` is set for custom emoji only; the fake has none.
  ctx.state.events.publish('noteStream', note.id, 'reacted', {
    reaction,
    emoji: null,
    userId: me.id,
  })
  return null
}

export const noteHandlers: Record<string, Handler> = {
  'notes/create': create,
  'notes/show': show,
  'notes/delete': remove,
  'notes/reactions/create': react,
  ...timelineHandlers,
}
