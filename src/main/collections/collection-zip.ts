import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { unzipSync, zipSync, type Zippable } from 'fflate'
import type { InvalidCollectionFile } from '../../shared/collections.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { errorCode, storageFailure } from '../storage/fs-error.ts'
import { writeFileAtomic, type WriteFileAtomic } from '../storage/write-file-atomic.ts'
import { checkCollection } from './collection-reader.ts'
import { childPath, environmentsFolder, orderFileName, resolveInside } from './collection-paths.ts'
import { removeTypedToken } from '../secrets/typed-token.ts'
import {
  parseEnvironment,
  parseRequest,
  requestFileSuffix,
  serializeRequest,
} from './request-file.ts'

export interface ZipReport {
  files: number
  /** Files left out: not the app's (or unreadable), with why. */
  skipped: InvalidCollectionFile[]
}

// Enough for any real collection, small enough that a hostile zip cannot fill the disk.
const maxFiles = 20_000
const maxUnpackedBytes = 200 * 1024 * 1024
// A fixed date: the same collection always gives the same zip.
const zipDate = new Date('2000-01-01T00:00:00Z')

/** Which files of a collection are the app's: requests, order files, environments. */
function kindOf(path: string): 'request' | 'order' | 'environment' | null {
  const segments = path.split('/')
  const name = segments.at(-1)!
  if (segments.length === 2 && segments[0] === environmentsFolder) {
    return name.endsWith('.json') && !name.startsWith('.') ? 'environment' : null
  }
  if (segments[0] === environmentsFolder) return null
  if (segments.slice(0, -1).some((segment) => segment.startsWith('.'))) return null
  if (name === orderFileName) return 'order'
  return name.endsWith(requestFileSuffix) && !name.startsWith('.') ? 'request' : null
}

function problemOf(path: string, text: string): string | null {
  const kind = kindOf(path)
  if (kind === 'request') {
    const parsed = parseRequest(text)
    return parsed.ok ? null : parsed.error
  }
  if (kind === 'environment') {
    const parsed = parseEnvironment(path, text)
    return parsed.ok ? null : parsed.error
  }
  if (kind === 'order') {
    try {
      const value = JSON.parse(text) as { order?: unknown }
      return Array.isArray(value.order) ? null : 'order: must be a list of names'
    } catch (error) {
      return `not JSON: ${(error as Error).message}`
    }
  }
  return 'not a file of the collection'
}

/** The collection's own files in a zip, each checked; what does not parse is left out and named. */
export async function packCollection(
  directory: string,
): Promise<Result<{ zip: Uint8Array; report: ZipReport }>> {
  const present = await checkCollection(directory)
  if (!present.ok) return present
  try {
    const files: Zippable = {}
    const skipped: InvalidCollectionFile[] = []
    const walk = async (path: string) => {
      for (const entry of await readdir(join(directory, path), { withFileTypes: true })) {
        const itemPath = childPath(path, entry.name)
        if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(itemPath)
        if (!entry.isFile() || !kindOf(itemPath)) continue
        const data = await readFile(join(directory, itemPath))
        const problem = problemOf(itemPath, data.toString('utf8'))
        if (problem) skipped.push({ path: itemPath, error: problem })
        else files[itemPath] = [withoutTypedToken(itemPath, data), { mtime: zipDate }]
      }
    }
    await walk('')
    const zip = zipSync(files, { level: 6, mtime: zipDate })
    return ok({ zip, report: { files: Object.keys(files).length, skipped } })
  } catch (error) {
    return storageFailure(error, 'read', directory)
  }
}

/** A request file edited by hand may hold a typed token: the zip gets it without one. */
function withoutTypedToken(path: string, data: Buffer): Uint8Array {
  if (kindOf(path) !== 'request') return data
  const parsed = parseRequest(data.toString('utf8'))
  if (!parsed.ok || !removeTypedToken(parsed.draft.body).removed) return data
  return new TextEncoder().encode(serializeRequest(parsed.draft))
}

export async function exportCollection(
  directory: string,
  zipPath: string,
  dependencies: { writeFile?: WriteFileAtomic } = {},
): Promise<Result<ZipReport>> {
  const packed = await packCollection(directory)
  if (!packed.ok) return packed
  try {
    await (dependencies.writeFile ?? writeFileAtomic)(zipPath, packed.value.zip)
  } catch (error) {
    return storageFailure(error, 'write', zipPath)
  }
  return ok(packed.value.report)
}

/**
 * Unpacks a collection zip into `target`, which must be empty or not exist yet (nothing there is
 * ever overwritten). Only the app's files are taken, each checked; a failure part-way removes
 * what was written.
 */
export async function unpackCollection(
  zip: Uint8Array,
  target: string,
  dependencies: { writeFile?: WriteFileAtomic } = {},
): Promise<Result<ZipReport>> {
  const entries = readZip(zip)
  if (!entries.ok) return entries
  let existing: string[] | null
  try {
    existing = await readdir(target)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return storageFailure(error, 'open', target)
    existing = null
  }
  if (existing && existing.length > 0) {
    return fail('IMPORT_TARGET_NOT_EMPTY', `${target} is not empty; pick an empty or new folder.`, {
      directory: target,
    })
  }
  const skipped: InvalidCollectionFile[] = []
  const accepted: Array<[path: string, data: Uint8Array]> = []
  for (const [path, data] of Object.entries(entries.value)) {
    if (path.endsWith('/')) continue
    const safe = resolveInside(target, path)
    if (!safe.ok || !kindOf(path)) {
      skipped.push({ path, error: 'not a file of the collection' })
      continue
    }
    const problem = problemOf(path, new TextDecoder().decode(data))
    if (problem) skipped.push({ path, error: problem })
    else accepted.push([safe.value, data])
  }
  const writeFile = dependencies.writeFile ?? writeFileAtomic
  try {
    for (const [absolute, data] of accepted) {
      await mkdir(dirname(absolute), { recursive: true })
      await writeFile(absolute, data)
    }
  } catch (error) {
    // The folder was empty before: what is there now is ours to remove.
    const written = await readdir(target).catch(() => [] as string[])
    await Promise.all(
      written.map((name) => rm(join(target, name), { recursive: true, force: true })),
    )
    return storageFailure(error, 'write', target)
  }
  return ok({ files: accepted.length, skipped })
}

export async function importCollection(
  zipPath: string,
  target: string,
  dependencies: { writeFile?: WriteFileAtomic } = {},
): Promise<Result<ZipReport>> {
  let zip: Uint8Array
  try {
    zip = await readFile(zipPath)
  } catch (error) {
    return storageFailure(error, 'read', zipPath)
  }
  return unpackCollection(zip, target, dependencies)
}

function readZip(zip: Uint8Array): Result<Record<string, Uint8Array>> {
  let count = 0
  let total = 0
  let tooBig = false
  try {
    const entries = unzipSync(zip, {
      filter: (file) => {
        count++
        total += file.originalSize
        tooBig ||= count > maxFiles || total > maxUnpackedBytes
        return !tooBig
      },
    })
    if (tooBig) {
      return fail(
        'ZIP_INVALID',
        `The zip holds more than ${maxFiles} files or ${maxUnpackedBytes / 1024 / 1024} MB; it is not a collection.`,
        { reason: 'too large' },
      )
    }
    return ok(entries)
  } catch (error) {
    return fail(
      'ZIP_INVALID',
      `This file is not a zip that can be read: ${(error as Error).message}.`,
      { reason: (error as Error).message },
    )
  }
}
