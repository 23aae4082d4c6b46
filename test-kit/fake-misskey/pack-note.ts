// Notes and drive items packed like NoteEntityService / DriveFileEntityService (wire/notes-create.txt).
import { packUserLite, type PackContext } from './pack-user.ts'
import type { DriveFileRecord, FolderRecord, NoteRecord, UserRecord } from './state.ts'
import type { Json, JsonObject } from './types.ts'

/** Without `withUser`, Misskey leaves userId/user null, even for the uploader (drive-create-*.txt). */
export function packDriveFile(ctx: PackContext, file: DriveFileRecord): JsonObject {
  return {
    id: file.id,
    createdAt: file.createdAt,
    name: file.name,
    type: file.type,
    md5: file.md5,
    size: file.size,
    isSensitive: file.isSensitive,
    blurhash: file.blurhash,
    properties: file.properties,
    url: `${ctx.origin}/files/${file.accessKey}`,
    thumbnailUrl: file.thumbnailKey ? `${ctx.origin}/files/${file.thumbnailKey}` : null,
    comment: file.comment,
    folderId: file.folderId,
    folder: null,
    userId: null,
    user: null,
  }
}

export function packFolder(folder: FolderRecord): JsonObject {
  return {
    id: folder.id,
    createdAt: folder.createdAt,
    name: folder.name,
    parentId: folder.parentId,
  }
}

export function isPureRenote(note: NoteRecord): boolean {
  return note.renoteId !== null && note.text === null && note.fileIds.length === 0 && !note.poll
}

export function isVisibleFor(ctx: PackContext, note: NoteRecord, me: UserRecord | null): boolean {
  if (note.visibility === 'public' || note.visibility === 'home') return true
  if (!me) return false
  if (me.id === note.userId || note.mentions.includes(me.id)) return true
  if (note.visibility === 'specified') return note.visibleUserIds.includes(me.id)
  return ctx.state.isFollowing(me.id, note.userId)
}

function reactionCounts(note: NoteRecord): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const reaction of note.reactions.values()) counts[reaction] = (counts[reaction] ?? 0) + 1
  return counts
}

// Voting is not implemented, so nobody has voted yet.
function packPoll(note: NoteRecord): Json {
  if (!note.poll) return null
  const { choices, votes, multiple, expiresAt } = note.poll
  return {
    multiple,
    expiresAt,
    choices: choices.map((text, index) => ({ text, votes: votes[index] ?? 0, isVoted: false })),
  }
}

export function packNote(
  ctx: PackContext,
  note: NoteRecord,
  me: UserRecord | null,
  detail = true,
): JsonObject {
  const author = ctx.state.users.get(note.userId)
  if (!author) throw new Error(`note ${note.id} has no author`)
  const reactions = reactionCounts(note)
  const files = note.fileIds.flatMap((id) => {
    const file = ctx.state.files.get(id)
    return file ? [packDriveFile(ctx, file)] : []
  })
  const packed: JsonObject = {
    id: note.id,
    createdAt: note.createdAt,
    userId: note.userId,
    user: packUserLite(ctx, author),
    text: note.text,
    cw: note.cw,
    visibility: note.visibility,
    localOnly: note.localOnly,
    reactionAcceptance: note.reactionAcceptance,
    ...(note.visibility === 'specified' ? { visibleUserIds: note.visibleUserIds } : {}),
    renoteCount: note.renoteCount,
    repliesCount: note.repliesCount,
    reactionCount: Object.values(reactions).reduce((sum, count) => sum + count, 0),
    reactions,
    reactionEmojis: {},
    ...(note.tags.length > 0 ? { tags: note.tags } : {}),
    fileIds: note.fileIds,
    files,
    replyId: note.replyId,
    renoteId: note.renoteId,
    ...(note.mentions.length > 0 ? { mentions: note.mentions } : {}),
  }
  if (detail) {
    packed.clippedCount = 0
    const reply = note.replyId ? ctx.state.notes.get(note.replyId) : undefined
    const renote = note.renoteId ? ctx.state.notes.get(note.renoteId) : undefined
    if (reply) packed.reply = packNote(ctx, reply, me, false)
    if (renote) packed.renote = packNote(ctx, renote, me, true)
    if (note.poll) packed.poll = packPoll(note)
    if (me && Object.keys(reactions).length > 0)
      packed.myReaction = note.reactions.get(me.id) ?? null
  }
  if (!isVisibleFor(ctx, note, me)) hide(packed)
  return packed
}

/** What NoteEntityService.hideNote leaves of a note the viewer may not read. */
function hide(packed: JsonObject): void {
  delete packed.visibleUserIds
  delete packed.poll
  Object.assign(packed, { fileIds: [], files: [], text: null, cw: null, isHidden: true })
}
