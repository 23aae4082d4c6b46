// Drive listing, uploads (with Misskey's md5 deduplication) and folders.
import { createHash, randomUUID } from 'node:crypto'
import { ApiError } from './errors.ts'
import { folderErrors, uploadErrors } from './endpoint-defs-drive.ts'
import { detectType } from './file-type.ts'
import type { Handler, HandlerContext } from './handler-types.ts'
import { policies } from './meta-data.ts'
import { packDriveFile, packFolder } from './pack-note.ts'
import type { DriveFileRecord, UserRecord } from './state.ts'

const MB = 1024 * 1024
// No image decoder here: every image gets this (valid, 4×4 red) blurhash from wire/drive-create-form-i.txt.
const IMAGE_BLURHASH = 'e4TI:j|cfQ|cfQ|cjtfQjtfQfQfQfQfQfQ|cjtfQjtfQfQfQfQfQfQ'

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function signedIn(ctx: HandlerContext): UserRecord {
  if (!ctx.me) throw new Error('credential-required endpoint reached without a user')
  return ctx.me
}

/** DriveFileEntityService.validateFileName. */
const validFileName = (name: string) =>
  name.trim().length > 0 && name.length <= 200 && !/[\\/]|\.\./.test(name)

/** correctFilename: add the detected extension unless the name already ends with it. */
function correctFilename(name: string, ext: string | null): string {
  if (ext === null) return name
  const lower = name.toLowerCase()
  if (lower.endsWith(`.${ext}`) || (ext === 'jpg' && lower.endsWith('.jpeg'))) return name
  return `${name}.${ext}`
}

const list: Handler = (ctx) => {
  const me = signedIn(ctx)
  const { params } = ctx
  const folderId = str(params.folderId)
  const sinceId = str(params.sinceId)
  const untilId = str(params.untilId)
  const type = str(params.type)
  const typePattern = type ? new RegExp(`^${type.replace('*', '.*')}$`) : null
  const files = [...ctx.state.files.values()].filter(
    (file) =>
      file.userId === me.id &&
      file.folderId === folderId &&
      (sinceId === null || file.id > sinceId) &&
      (untilId === null || file.id < untilId) &&
      (typePattern === null || typePattern.test(file.type)),
  )
  const sort = str(params.sort) ?? '+createdAt'
  const key = sort.slice(1) === 'createdAt' ? 'id' : (sort.slice(1) as 'name' | 'size')
  const direction = sort.startsWith('+') ? -1 : 1
  files.sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0))
  const limit = typeof params.limit === 'number' ? params.limit : 10
  return files.slice(0, limit).map((file) => packDriveFile(ctx, file))
}

const upload: Handler = (ctx) => {
  const me = signedIn(ctx)
  const { params, state, file } = ctx
  if (!file) throw new Error('drive/files/create reached without a file')
  let name = str(params.name) ?? (file.name || null)
  if (name !== null) {
    name = name.trim()
    if (name.length === 0 || name === 'blob') name = null
    else if (!validFileName(name)) throw new ApiError(uploadErrors.invalidFileName)
  }
  const folderId = str(params.folderId)
  if (folderId !== null && state.folders.get(folderId)?.userId !== me.id) {
    // DriveService throws a plain Error here, which the endpoint wraps (drive/files/create.ts).
    throw new ApiError(
      {
        message: 'Failed to create drive file.',
        code: 'FAILED_TO_CREATE_DRIVE_FILE',
        id: '6708863c-6791-4487-aa01-2d682c6e7db0',
      },
      { e: { message: 'folder-not-found', code: 'Error' } },
    )
  }
  const md5 = createHash('md5').update(file.bytes).digest('hex')
  const mine = [...state.files.values()].filter((other) => other.userId === me.id)
  const same = params.force === true ? undefined : mine.find((other) => other.md5 === md5)
  if (same) {
    // The existing file comes back unchanged, except that it can become sensitive.
    if (params.isSensitive === true) same.isSensitive = true
    return packDriveFile(ctx, same)
  }
  const policy = (key: string) => {
    const value = policies[key]
    return typeof value === 'number' ? value : 0
  }
  if (file.bytes.length > policy('maxFileSizeMb') * MB)
    throw new ApiError(uploadErrors.maxFileSizeExceeded)
  const used = mine.reduce((sum, other) => sum + other.size, 0)
  if (used + file.bytes.length > policy('driveCapacityMb') * MB)
    throw new ApiError(uploadErrors.noFreeSpace)

  const detected = detectType(file.bytes)
  const isImage = detected.mime.startsWith('image/')
  const now = Date.now()
  const record: DriveFileRecord = {
    id: state.genId(now),
    createdAt: new Date(now).toISOString(),
    userId: me.id,
    name: correctFilename(name !== null && validFileName(name) ? name : 'untitled', detected.ext),
    type: detected.mime,
    md5,
    size: file.bytes.length,
    isSensitive: params.isSensitive === true,
    comment: str(params.comment),
    folderId,
    properties:
      detected.width !== undefined && detected.height !== undefined
        ? { width: detected.width, height: detected.height }
        : {},
    blurhash: isImage ? IMAGE_BLURHASH : null,
    accessKey: randomUUID(),
    thumbnailKey: isImage ? `thumbnail-${randomUUID()}` : null,
    bytes: file.bytes,
  }
  state.files.set(record.id, record)
  state.events.publish('driveStream', me.id, 'fileCreated', () => packDriveFile(ctx, record))
  return packDriveFile(ctx, record)
}

const createFolder: Handler = (ctx) => {
  const me = signedIn(ctx)
  const parentId = str(ctx.params.parentId)
  if (parentId !== null && ctx.state.folders.get(parentId)?.userId !== me.id) {
    throw new ApiError(folderErrors.noSuchFolder)
  }
  const now = Date.now()
  const folder = {
    id: ctx.state.genId(now),
    createdAt: new Date(now).toISOString(),
    userId: me.id,
    name: str(ctx.params.name) ?? 'Untitled',
    parentId,
  }
  ctx.state.folders.set(folder.id, folder)
  ctx.state.events.publish('driveStream', me.id, 'folderCreated', () => packFolder(folder))
  return packFolder(folder)
}

export const driveHandlers: Record<string, Handler> = {
  'drive/files': list,
  'drive/files/create': upload,
  'drive/folders/create': createFolder,
}
