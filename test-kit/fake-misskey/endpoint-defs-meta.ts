// Instance-level endpoints. Schemas and flags copied from Misskey 2025.5.0 (api.json + endpoint meta).
import { adminMetaResponse } from './schemas-admin-meta.ts'
import type { EndpointDef, JsonObject } from './types.ts'

export const NO_PARAMS: JsonObject = { type: 'object', properties: {} }

export const schemaRef = (name: string): JsonObject => ({
  type: 'object',
  $ref: `#/components/schemas/${name}`,
})

export const metaEndpoints: EndpointDef[] = [
  {
    name: 'meta',
    tags: ['meta'],
    requireCredential: false,
    params: { type: 'object', properties: { detail: { type: 'boolean', default: true } } },
    res: { type: 'object', oneOf: [schemaRef('MetaLite'), schemaRef('MetaDetailed')] },
  },
  {
    name: 'endpoints',
    tags: ['meta'],
    requireCredential: false,
    params: NO_PARAMS,
    res: {
      type: 'array',
      items: { type: 'string' },
      example: [
        'admin/abuse-user-reports',
        'admin/accounts/create',
        'admin/announcements/create',
        '...',
      ],
    },
  },
  {
    name: 'endpoint',
    tags: ['meta'],
    requireCredential: false,
    params: {
      type: 'object',
      properties: { endpoint: { type: 'string' } },
      required: ['endpoint'],
    },
    res: {
      type: ['object', 'null'],
      properties: {
        params: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, type: { type: 'string' } },
            required: ['name', 'type'],
          },
        },
      },
      required: ['params'],
    },
    resNullable: true,
  },
  {
    name: 'ping',
    tags: ['meta'],
    requireCredential: false,
    params: NO_PARAMS,
    res: { type: 'object', properties: { pong: { type: 'number' } }, required: ['pong'] },
  },
  {
    name: 'server-info',
    tags: ['meta'],
    requireCredential: false,
    allowGet: true,
    cacheSec: 60,
    params: NO_PARAMS,
    res: {
      type: 'object',
      properties: {
        machine: { type: 'string' },
        cpu: {
          type: 'object',
          properties: { model: { type: 'string' }, cores: { type: 'number' } },
          required: ['model', 'cores'],
        },
        mem: { type: 'object', properties: { total: { type: 'number' } }, required: ['total'] },
        fs: {
          type: 'object',
          properties: { total: { type: 'number' }, used: { type: 'number' } },
          required: ['total', 'used'],
        },
      },
      required: ['machine', 'cpu', 'mem', 'fs'],
    },
  },
  {
    name: 'emojis',
    tags: ['meta'],
    requireCredential: false,
    allowGet: true,
    cacheSec: 3600,
    params: NO_PARAMS,
    res: {
      type: 'object',
      properties: { emojis: { type: 'array', items: schemaRef('EmojiSimple') } },
      required: ['emojis'],
    },
  },
  {
    name: 'stats',
    tags: ['meta'],
    requireCredential: false,
    params: NO_PARAMS,
    res: {
      type: 'object',
      properties: {
        notesCount: { type: 'number' },
        originalNotesCount: { type: 'number' },
        usersCount: { type: 'number' },
        originalUsersCount: { type: 'number' },
        instances: { type: 'number' },
        driveUsageLocal: { type: 'number' },
        driveUsageRemote: { type: 'number' },
      },
      required: [
        'notesCount',
        'originalNotesCount',
        'usersCount',
        'originalUsersCount',
        'instances',
        'driveUsageLocal',
        'driveUsageRemote',
      ],
    },
  },
  {
    name: 'admin/meta',
    tags: ['meta'],
    requireCredential: true,
    requireAdmin: true,
    kind: 'read:admin:meta',
    params: NO_PARAMS,
    res: adminMetaResponse,
  },
]
