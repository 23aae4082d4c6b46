// users/followers, users/following and users/notes, copied from Misskey 2025.5.0 (api.json).
import { schemaRef } from './endpoint-defs-meta.ts'
import type { ApiErrorDef, EndpointDef, JsonObject } from './types.ts'

const id: JsonObject = { type: 'string', format: 'misskey:id' }
const paging: JsonObject = {
  sinceId: id,
  untilId: id,
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
}

export const followListErrors = {
  noSuchUser: {
    message: 'No such user.',
    code: 'NO_SUCH_USER',
    id: '27fa5435-88ab-43de-9360-387de88727cd',
  },
  forbidden: {
    message: 'Forbidden.',
    code: 'FORBIDDEN',
    id: '3c6a84db-d619-26af-ca14-06232a21df8a',
  },
} satisfies Record<string, ApiErrorDef>

export const userNotesErrors = {
  noSuchUser: {
    message: 'No such user.',
    code: 'NO_SUCH_USER',
    id: '27e494ba-2ac2-48e8-893b-10d4d8c2387b',
  },
} satisfies Record<string, ApiErrorDef>

const followListParams: JsonObject = {
  type: 'object',
  properties: {
    ...paging,
    userId: id,
    username: { type: 'string' },
    host: {
      type: ['string', 'null'],
      description: 'The local host is represented with `null`.',
    },
  },
  anyOf: [{ required: ['userId'] }, { required: ['username', 'host'] }],
}
const followings: JsonObject = { type: 'array', items: schemaRef('Following') }

export const followEndpoints: EndpointDef[] = [
  {
    name: 'users/followers',
    tags: ['users'],
    description: 'Show everyone that follows this user.',
    requireCredential: false,
    errors: Object.values(followListErrors),
    params: followListParams,
    res: followings,
  },
  {
    name: 'users/following',
    tags: ['users'],
    description: 'Show everyone that this user is following.',
    requireCredential: false,
    errors: Object.values(followListErrors),
    params: followListParams,
    res: followings,
  },
  {
    name: 'users/notes',
    tags: ['users', 'notes'],
    requireCredential: false,
    errors: Object.values(userNotesErrors),
    params: {
      type: 'object',
      properties: {
        userId: id,
        withReplies: { type: 'boolean', default: false },
        withRenotes: { type: 'boolean', default: true },
        withChannelNotes: { type: 'boolean', default: false },
        ...paging,
        sinceDate: { type: 'integer' },
        untilDate: { type: 'integer' },
        allowPartial: { type: 'boolean', default: false },
        withFiles: { type: 'boolean', default: false },
      },
      required: ['userId'],
    },
    res: { type: 'array', items: schemaRef('Note') },
  },
]
