// Drive endpoints, copied from Misskey 2025.5.0 (api.json + endpoint meta).
import { schemaRef } from './endpoint-defs-meta.ts'
import type { ApiErrorDef, EndpointDef, JsonObject } from './types.ts'

const HOUR = 60 * 60 * 1000
const id: JsonObject = { type: 'string', format: 'misskey:id' }

export const uploadErrors = {
  invalidFileName: {
    message: 'Invalid file name.',
    code: 'INVALID_FILE_NAME',
    id: 'f449b209-0c60-4e51-84d5-29486263bfd4',
  },
  inappropriate: {
    message:
      'Cannot upload the file because it has been determined that it possibly contains inappropriate content.',
    code: 'INAPPROPRIATE',
    id: 'bec5bd69-fba3-43c9-b4fb-2894b66ad5d2',
  },
  noFreeSpace: {
    message: 'Cannot upload the file because you have no free space of drive.',
    code: 'NO_FREE_SPACE',
    id: 'd08dbc37-a6a9-463a-8c47-96c32ab5f064',
  },
  maxFileSizeExceeded: {
    message: 'Cannot upload the file because it exceeds the maximum file size.',
    code: 'MAX_FILE_SIZE_EXCEEDED',
    id: 'b9d8c348-33f0-4673-b9a9-5d4da058977a',
    httpStatusCode: 413,
  },
} satisfies Record<string, ApiErrorDef>

export const folderErrors = {
  noSuchFolder: {
    message: 'No such folder.',
    code: 'NO_SUCH_FOLDER',
    id: '53326628-a00d-40a6-a3cd-8975105c0f95',
  },
} satisfies Record<string, ApiErrorDef>

export const driveEndpoints: EndpointDef[] = [
  {
    name: 'drive/files',
    tags: ['drive'],
    requireCredential: true,
    kind: 'read:drive',
    params: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
        sinceId: id,
        untilId: id,
        folderId: { type: ['string', 'null'], format: 'misskey:id', default: null },
        type: { type: ['string', 'null'], pattern: '^[a-zA-Z\\/\\-*]+$' },
        sort: {
          type: ['string', 'null'],
          enum: ['+createdAt', '-createdAt', '+name', '-name', '+size', '-size', null],
        },
      },
    },
    res: { type: 'array', items: schemaRef('DriveFile') },
  },
  {
    name: 'drive/files/create',
    tags: ['drive'],
    description: 'Upload a new drive file.',
    requireCredential: true,
    kind: 'write:drive',
    requireFile: true,
    limit: { duration: HOUR, max: 120 },
    errors: Object.values(uploadErrors),
    // The spec adds the binary `file` part; Misskey validates only these fields.
    params: {
      type: 'object',
      properties: {
        folderId: { type: ['string', 'null'], format: 'misskey:id', default: null },
        name: { type: ['string', 'null'], default: null },
        comment: { type: ['string', 'null'], maxLength: 512, default: null },
        isSensitive: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    },
    res: schemaRef('DriveFile'),
  },
  {
    name: 'drive/folders/create',
    tags: ['drive'],
    requireCredential: true,
    kind: 'write:drive',
    limit: { duration: HOUR, max: 10 },
    errors: Object.values(folderErrors),
    params: {
      type: 'object',
      properties: {
        name: { type: 'string', default: 'Untitled', maxLength: 200 },
        parentId: { type: ['string', 'null'], format: 'misskey:id' },
      },
    },
    res: schemaRef('DriveFolder'),
  },
]
