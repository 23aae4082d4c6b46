// Note and reaction endpoints, copied from Misskey 2025.5.0 (api.json + endpoint meta).
import { NO_SUCH_NOTE } from './errors.ts'
import { schemaRef } from './endpoint-defs-meta.ts'
import type { ApiErrorDef, EndpointDef, JsonObject } from './types.ts'

const HOUR = 60 * 60 * 1000
const id: JsonObject = { type: 'string', format: 'misskey:id' }
const nullableId: JsonObject = { type: ['string', 'null'], format: 'misskey:id' }
const idList = (extra: JsonObject = {}): JsonObject => ({
  type: 'array',
  uniqueItems: true,
  ...extra,
  items: id,
})

const e = (code: string, message: string, errorId: string): ApiErrorDef => ({
  message,
  code,
  id: errorId,
})

export const createErrors = {
  noSuchRenoteTarget: e(
    'NO_SUCH_RENOTE_TARGET',
    'No such renote target.',
    'b5c90186-4ab0-49c8-9bba-a1f76c282ba4',
  ),
  cannotReRenote: e(
    'CANNOT_RENOTE_TO_A_PURE_RENOTE',
    'You can not Renote a pure Renote.',
    'fd4cc33e-2a37-48dd-99cc-9b806eb2031a',
  ),
  cannotRenoteDueToVisibility: e(
    'CANNOT_RENOTE_DUE_TO_VISIBILITY',
    'You can not Renote due to target visibility.',
    'be9529e9-fe72-4de0-ae43-0b363c4938af',
  ),
  noSuchReplyTarget: e(
    'NO_SUCH_REPLY_TARGET',
    'No such reply target.',
    '749ee0f6-d3da-459a-bf02-282e2da4292c',
  ),
  cannotReplyToInvisibleNote: e(
    'CANNOT_REPLY_TO_AN_INVISIBLE_NOTE',
    'You cannot reply to an invisible Note.',
    'b98980fa-3780-406c-a935-b6d0eeee10d1',
  ),
  cannotReplyToPureRenote: e(
    'CANNOT_REPLY_TO_A_PURE_RENOTE',
    'You can not reply to a pure Renote.',
    '3ac74a84-8fd5-4bb0-870f-01804f82ce15',
  ),
  cannotReplyToSpecifiedVisibilityNoteWithExtendedVisibility: e(
    'CANNOT_REPLY_TO_SPECIFIED_VISIBILITY_NOTE_WITH_EXTENDED_VISIBILITY',
    'You cannot reply to a specified visibility note with extended visibility.',
    'ed940410-535c-4d5e-bfa3-af798671e93c',
  ),
  cannotCreateAlreadyExpiredPoll: e(
    'CANNOT_CREATE_ALREADY_EXPIRED_POLL',
    'Poll is already expired.',
    '04da457d-b083-4055-9082-955525eda5a5',
  ),
  noSuchChannel: e('NO_SUCH_CHANNEL', 'No such channel.', 'b1653923-5453-4edc-b786-7c4f39bb0bbb'),
  youHaveBeenBlocked: e(
    'YOU_HAVE_BEEN_BLOCKED',
    'You have been blocked by this user.',
    'b390d7e1-8a5e-46ed-b625-06271cafd3d3',
  ),
  noSuchFile: e(
    'NO_SUCH_FILE',
    'Some files are not found.',
    'b6992544-63e7-67f0-fa7f-32444b1b5306',
  ),
  cannotRenoteOutsideOfChannel: e(
    'CANNOT_RENOTE_OUTSIDE_OF_CHANNEL',
    'Cannot renote outside of channel.',
    '33510210-8452-094c-6227-4a6c05d99f00',
  ),
  containsProhibitedWords: e(
    'CONTAINS_PROHIBITED_WORDS',
    'Cannot post because it contains prohibited words.',
    'aa6e01d3-a85c-669d-758a-76aab43af334',
  ),
  containsTooManyMentions: e(
    'CONTAINS_TOO_MANY_MENTIONS',
    'Cannot post because it exceeds the allowed number of mentions.',
    '4de0363a-3046-481b-9b0f-feff3e211025',
  ),
}

export const showErrors = {
  noSuchNote: NO_SUCH_NOTE,
  signinRequired: e('SIGNIN_REQUIRED', 'Signin required.', '8e75455b-738c-471d-9f80-62693f33372e'),
}

export const deleteErrors = {
  noSuchNote: e('NO_SUCH_NOTE', 'No such note.', '490be23f-8c1f-4796-819f-94cb4f9d1630'),
  accessDenied: e('ACCESS_DENIED', 'Access denied.', 'fe8d7103-0ea8-4ec3-814d-f8b401dc69e9'),
}

export const localTimelineErrors = {
  ltlDisabled: e(
    'LTL_DISABLED',
    'Local timeline has been disabled.',
    '45a6eb02-7695-4393-b023-dd3be9aaaefd',
  ),
  bothWithRepliesAndWithFiles: e(
    'BOTH_WITH_REPLIES_AND_WITH_FILES',
    'Specifying both withReplies and withFiles is not supported',
    'dd9c8400-1cb5-4eef-8a31-200c5f933793',
  ),
}

export const reactionErrors = {
  noSuchNote: e('NO_SUCH_NOTE', 'No such note.', '033d0620-5bfe-4027-965d-980b0c85a3ea'),
  alreadyReacted: e(
    'ALREADY_REACTED',
    'You are already reacting to that note.',
    '71efcf98-86d6-4e2b-b2ad-9d032369366b',
  ),
  youHaveBeenBlocked: e(
    'YOU_HAVE_BEEN_BLOCKED',
    'You cannot react this note because you have been blocked by this user.',
    '20ef5475-9f38-4e4c-bd33-de6d979498ec',
  ),
  cannotReactToRenote: e(
    'CANNOT_REACT_TO_RENOTE',
    'You cannot react to Renote.',
    'eaccdc08-ddef-43fe-908f-d108faad57f5',
  ),
}

const noteIdParams: JsonObject = {
  type: 'object',
  properties: { noteId: id },
  required: ['noteId'],
}
const paging: JsonObject = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
  sinceId: id,
  untilId: id,
}
const notes: JsonObject = { type: 'array', items: schemaRef('Note') }

// The if/then pair is Misskey's "text is required unless there is a renote, files or a poll".
const createParams: JsonObject = {
  type: 'object',
  properties: {
    visibility: {
      type: 'string',
      enum: ['public', 'home', 'followers', 'specified'],
      default: 'public',
    },
    visibleUserIds: idList(),
    cw: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
    localOnly: { type: 'boolean', default: false },
    reactionAcceptance: {
      type: ['string', 'null'],
      enum: [
        null,
        'likeOnly',
        'likeOnlyForRemote',
        'nonSensitiveOnly',
        'nonSensitiveOnlyForLocalLikeOnlyForRemote',
      ],
      default: null,
    },
    noExtractMentions: { type: 'boolean', default: false },
    noExtractHashtags: { type: 'boolean', default: false },
    noExtractEmojis: { type: 'boolean', default: false },
    replyId: nullableId,
    renoteId: nullableId,
    channelId: nullableId,
    text: { type: ['string', 'null'], minLength: 1, maxLength: 3000 },
    fileIds: idList({ minItems: 1, maxItems: 16 }),
    mediaIds: idList({ minItems: 1, maxItems: 16 }),
    poll: {
      type: ['object', 'null'],
      properties: {
        choices: {
          type: 'array',
          uniqueItems: true,
          minItems: 2,
          maxItems: 10,
          items: { type: 'string', minLength: 1, maxLength: 50 },
        },
        multiple: { type: 'boolean' },
        expiresAt: { type: ['integer', 'null'] },
        expiredAfter: { type: ['integer', 'null'], minimum: 1 },
      },
      required: ['choices'],
    },
  },
  if: {
    properties: {
      renoteId: { type: 'null' },
      fileIds: { type: 'null' },
      mediaIds: { type: 'null' },
      poll: { type: 'null' },
    },
  },
  then: {
    properties: {
      text: { type: 'string', minLength: 1, maxLength: 3000, pattern: '[^\\s]+' },
    },
    required: ['text'],
  },
}

export const noteEndpoints: EndpointDef[] = [
  {
    name: 'notes/create',
    tags: ['notes'],
    requireCredential: true,
    kind: 'write:notes',
    limit: { duration: HOUR, max: 300 },
    errors: Object.values(createErrors),
    params: createParams,
    res: {
      type: 'object',
      properties: { createdNote: schemaRef('Note') },
      required: ['createdNote'],
    },
  },
  {
    name: 'notes/show',
    tags: ['notes'],
    requireCredential: false,
    errors: Object.values(showErrors),
    params: noteIdParams,
    res: schemaRef('Note'),
  },
  {
    name: 'notes/delete',
    tags: ['notes'],
    requireCredential: true,
    kind: 'write:notes',
    limit: { duration: HOUR, max: 300, minInterval: 1000 },
    errors: Object.values(deleteErrors),
    params: noteIdParams,
  },
  {
    name: 'notes/timeline',
    tags: ['notes'],
    requireCredential: true,
    kind: 'read:account',
    params: {
      type: 'object',
      properties: {
        ...paging,
        sinceDate: { type: 'integer' },
        untilDate: { type: 'integer' },
        allowPartial: { type: 'boolean', default: false },
        includeMyRenotes: { type: 'boolean', default: true },
        includeRenotedMyNotes: { type: 'boolean', default: true },
        includeLocalRenotes: { type: 'boolean', default: true },
        withFiles: { type: 'boolean', default: false },
        withRenotes: { type: 'boolean', default: true },
      },
    },
    res: notes,
  },
  {
    name: 'notes/local-timeline',
    tags: ['notes'],
    requireCredential: false,
    errors: Object.values(localTimelineErrors),
    params: {
      type: 'object',
      properties: {
        withFiles: { type: 'boolean', default: false },
        withRenotes: { type: 'boolean', default: true },
        withReplies: { type: 'boolean', default: false },
        ...paging,
        allowPartial: { type: 'boolean', default: false },
        sinceDate: { type: 'integer' },
        untilDate: { type: 'integer' },
      },
    },
    res: notes,
  },
  {
    name: 'notes/reactions/create',
    tags: ['reactions'],
    requireCredential: true,
    kind: 'write:reactions',
    errors: Object.values(reactionErrors),
    params: {
      type: 'object',
      properties: { noteId: id, reaction: { type: 'string' } },
      required: ['noteId', 'reaction'],
    },
  },
]
