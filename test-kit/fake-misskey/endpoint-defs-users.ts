// Account, user, following and MiAuth endpoints, copied from Misskey 2025.5.0 (api.json + meta).
import { schemaRef } from './endpoint-defs-meta.ts'
import type { ApiErrorDef, EndpointDef, JsonObject } from './types.ts'

const HOUR = 60 * 60 * 1000
const id: JsonObject = { type: 'string', format: 'misskey:id' }
const nullableText = (maxLength: number): JsonObject => ({
  type: ['string', 'null'],
  minLength: 1,
  maxLength,
})
const bool: JsonObject = { type: 'boolean' }
const visibility: JsonObject = { type: 'string', enum: ['public', 'followers', 'private'] }
const mutedWords: JsonObject = {
  type: 'array',
  items: { oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] },
}

export const userShowErrors = {
  failedToResolveRemoteUser: {
    message: 'Failed to resolve remote user.',
    code: 'FAILED_TO_RESOLVE_REMOTE_USER',
    id: 'ef7b9be4-9cba-4e6f-ab41-90ed171c7d3c',
    kind: 'server',
  },
  noSuchUser: {
    message: 'No such user.',
    code: 'NO_SUCH_USER',
    id: '4362f8dc-731f-4ad8-a694-be5a88922a24',
    httpStatusCode: 404,
  },
} satisfies Record<string, ApiErrorDef>

export const followErrors = {
  noSuchUser: {
    message: 'No such user.',
    code: 'NO_SUCH_USER',
    id: 'fcd2eef9-a9b2-4c4f-8624-038099e90aa5',
  },
  followeeIsYourself: {
    message: 'Followee is yourself.',
    code: 'FOLLOWEE_IS_YOURSELF',
    id: '26fbe7bb-a331-4857-af17-205b426669a9',
  },
  alreadyFollowing: {
    message: 'You are already following that user.',
    code: 'ALREADY_FOLLOWING',
    id: '35387507-38c7-4cb9-9197-300b93783fa0',
  },
  blocking: {
    message: 'You are blocking that user.',
    code: 'BLOCKING',
    id: '4e2206ec-aa4f-4960-b865-6c23ac38e2d9',
  },
  blocked: {
    message: 'You are blocked by that user.',
    code: 'BLOCKED',
    id: 'c4ab57cc-4e41-45e9-bfd9-584f61e35ce0',
  },
} satisfies Record<string, ApiErrorDef>

const updateErrors: ApiErrorDef[] = [
  {
    message: 'No such avatar file.',
    code: 'NO_SUCH_AVATAR',
    id: '539f3a45-f215-4f81-a9a8-31293640207f',
  },
  {
    message: 'No such banner file.',
    code: 'NO_SUCH_BANNER',
    id: '0d8f5629-f210-41c2-9433-735831a58595',
  },
  {
    message: 'The file specified as an avatar is not an image.',
    code: 'AVATAR_NOT_AN_IMAGE',
    id: 'f419f9f8-2f4d-46b1-9fb4-49d3a2fd7191',
  },
  {
    message: 'The file specified as a banner is not an image.',
    code: 'BANNER_NOT_AN_IMAGE',
    id: '75aedb19-2afd-4e6d-87fc-67941256fa60',
  },
  { message: 'No such page.', code: 'NO_SUCH_PAGE', id: '8e01b590-7eb9-431b-a239-860e086c408e' },
  {
    message: 'Invalid Regular Expression.',
    code: 'INVALID_REGEXP',
    id: '0d786918-10df-41cd-8f33-8dec7d9a89a5',
  },
  {
    message: 'Too many muted words.',
    code: 'TOO_MANY_MUTED_WORDS',
    id: '010665b1-a211-42d2-bc64-8f6609d79785',
  },
  { message: 'No such user.', code: 'NO_SUCH_USER', id: 'fcd2eef9-a9b2-4c4f-8624-038099e90aa5' },
  {
    message: 'User ActivityPup URI is null.',
    code: 'URI_NULL',
    id: 'bf326f31-d430-4f97-9933-5d61e4d48a23',
  },
  {
    message: "You can't set yourself as your own alias.",
    code: 'FORBIDDEN_TO_SET_YOURSELF',
    id: '25c90186-4ab0-49c8-9bba-a1fa6c202ba4',
  },
  {
    message: 'This feature is restricted by your role.',
    code: 'RESTRICTED_BY_ROLE',
    id: '8feff0ba-5ab5-585b-31f4-4df816663fad',
  },
  {
    message: 'Your new name contains prohibited words.',
    code: 'YOUR_NAME_CONTAINS_PROHIBITED_WORDS',
    id: '0b3f9f6a-2f4d-4b1f-9fb4-49d3a2fd7191',
    httpStatusCode: 422,
  },
]

// The real i/update takes 38 params (9.6 KB of schema); the fake keeps the scalar profile ones.
// Trimmed: lang's 200-value enum, avatar/banner/page ids and notificationRecieveConfig.
const updateParams: JsonObject = {
  type: 'object',
  properties: {
    name: nullableText(50),
    description: nullableText(1500),
    followedMessage: nullableText(256),
    location: nullableText(50),
    birthday: { type: ['string', 'null'], pattern: '^([0-9]{4})-([0-9]{2})-([0-9]{2})$' },
    lang: { type: ['string', 'null'] },
    fields: {
      type: 'array',
      minItems: 0,
      maxItems: 16,
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, value: { type: 'string' } },
        required: ['name', 'value'],
      },
    },
    isLocked: bool,
    isExplorable: bool,
    hideOnlineStatus: bool,
    publicReactions: bool,
    carefulBot: bool,
    autoAcceptFollowed: bool,
    noCrawle: bool,
    preventAiLearning: bool,
    isBot: bool,
    isCat: bool,
    injectFeaturedNote: bool,
    receiveAnnouncementEmail: bool,
    alwaysMarkNsfw: bool,
    autoSensitive: bool,
    followingVisibility: visibility,
    followersVisibility: visibility,
    chatScope: { type: 'string', enum: ['everyone', 'followers', 'following', 'mutual', 'none'] },
    mutedWords,
    hardMutedWords: mutedWords,
    mutedInstances: { type: 'array', items: { type: 'string' } },
    emailNotificationTypes: { type: 'array', items: { type: 'string' } },
  },
}

export const userEndpoints: EndpointDef[] = [
  {
    name: 'i',
    tags: ['account'],
    requireCredential: true,
    kind: 'read:account',
    errors: [
      {
        message: 'User is deleted.',
        code: 'USER_IS_DELETED',
        id: 'e5b3b9f0-2b8f-4b9f-9c1f-8c5c1b2e1b1a',
        kind: 'permission',
      },
    ],
    params: { type: 'object', properties: {} },
    res: schemaRef('MeDetailed'),
  },
  {
    name: 'i/update',
    tags: ['account'],
    requireCredential: true,
    kind: 'write:account',
    limit: { duration: HOUR, max: 20 },
    errors: updateErrors,
    params: updateParams,
    res: schemaRef('MeDetailed'),
  },
  {
    name: 'users/show',
    tags: ['users'],
    description: 'Show the properties of a user.',
    requireCredential: false,
    errors: Object.values(userShowErrors),
    params: {
      type: 'object',
      properties: {
        userId: id,
        userIds: { type: 'array', uniqueItems: true, items: id },
        username: { type: 'string' },
        host: {
          type: ['string', 'null'],
          description: 'The local host is represented with `null`.',
        },
      },
      anyOf: [{ required: ['userId'] }, { required: ['userIds'] }, { required: ['username'] }],
    },
    res: {
      oneOf: [schemaRef('UserDetailed'), { type: 'array', items: schemaRef('UserDetailed') }],
    },
  },
  {
    name: 'following/create',
    tags: ['following'],
    requireCredential: true,
    kind: 'write:following',
    limit: { duration: HOUR, max: 100 },
    errors: Object.values(followErrors),
    params: {
      type: 'object',
      properties: { userId: id, withReplies: bool },
      required: ['userId'],
    },
    res: schemaRef('UserLite'),
  },
  {
    name: 'miauth/gen-token',
    tags: ['auth'],
    requireCredential: true,
    secure: true,
    params: {
      type: 'object',
      properties: {
        session: { type: ['string', 'null'] },
        name: { type: ['string', 'null'] },
        description: { type: ['string', 'null'] },
        iconUrl: { type: ['string', 'null'] },
        permission: { type: 'array', uniqueItems: true, items: { type: 'string' } },
      },
      required: ['session', 'permission'],
    },
    res: { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] },
  },
]
