import { lstat, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  CollectionFolder,
  CollectionNode,
  CollectionTree,
  Environment,
  InvalidCollectionFile,
} from '../../shared/collections.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { errorCode, storageFailure } from '../storage/fs-error.ts'
import { childPath, environmentsFolder, lastSegment, orderFileName } from './collection-paths.ts'
import { applyOrder, readFolderOrder } from './folder-order.ts'
import { linkNotFollowed } from './no-links.ts'
import { parseEnvironment, parseRequest, requestFileSuffix } from './request-file.ts'

/** Checks that the collection's folder is still there (it may have been deleted while open). */
export async function checkCollection(directory: string): Promise<Result<void>> {
  try {
    const info = await stat(directory)
    if (info.isDirectory()) return ok(undefined)
  } catch (error) {
    const code = errorCode(error)
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return storageFailure(error, 'open', directory)
  }
  return fail('COLLECTION_NOT_FOUND', `The collection folder ${directory} is gone.`, { directory })
}

/**
 * Lists a collection: folders, requests in their saved order, files that do not parse (with
 * why), environments. Hidden entries (`.git`, `.order.json`) and other files are not listed.
 */
export async function readCollection(directory: string): Promise<Result<CollectionTree>> {
  const present = await checkCollection(directory)
  if (!present.ok) return present
  try {
    const root = await readFolder(directory, '')
    const { environments, invalid } = await readEnvironments(directory)
    return ok({ directory, root, environments, invalidEnvironments: invalid })
  } catch (error) {
    // The folder vanished during the listing.
    const gone = await checkCollection(directory)
    return gone.ok ? storageFailure(error, 'read', directory) : gone
  }
}

async function readFolder(directory: string, path: string): Promise<CollectionFolder> {
  const absolute = join(directory, path)
  const entries = await readdir(absolute, { withFileTypes: true })
  const order = await readFolderOrder(absolute)
  const nodes = new Map<string, Promise<CollectionNode>>()
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const itemPath = childPath(path, entry.name)
    // The entry's own type (lstat): a link is listed as one, never read through.
    if (entry.isSymbolicLink()) {
      // A linked environments folder is reported with the environments.
      if (path === '' && entry.name === environmentsFolder) continue
      nodes.set(entry.name, Promise.resolve(linkNode(itemPath)))
    } else if (entry.isDirectory()) {
      if (path === '' && entry.name === environmentsFolder) continue
      nodes.set(
        entry.name,
        readFolder(directory, itemPath).then((folder) => ({ kind: 'folder', folder })),
      )
    } else if (entry.isFile() && entry.name.endsWith(requestFileSuffix)) {
      nodes.set(entry.name, readRequestNode(join(absolute, entry.name), itemPath))
    }
  }
  const children = await Promise.all(
    applyOrder([...nodes.keys()], order).map((name) => nodes.get(name)!),
  )
  if (order.kind === 'invalid') {
    children.push({
      kind: 'invalid',
      file: { path: childPath(path, orderFileName), error: order.error },
    })
  }
  return { path, name: path === '' ? lastSegment(directory) : lastSegment(path), children }
}

function linkNode(path: string): CollectionNode {
  return { kind: 'invalid', file: { path, error: linkNotFollowed } }
}

async function readRequestNode(absolute: string, path: string): Promise<CollectionNode> {
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch (error) {
    return { kind: 'invalid', file: { path, error: (error as Error).message } }
  }
  const parsed = parseRequest(text)
  return parsed.ok
    ? { kind: 'request', request: { ...parsed.draft, path } }
    : { kind: 'invalid', file: { path, error: parsed.error } }
}

async function readEnvironments(
  directory: string,
): Promise<{ environments: Environment[]; invalid: InvalidCollectionFile[] }> {
  const folder = join(directory, environmentsFolder)
  let names: string[]
  const invalid: InvalidCollectionFile[] = []
  try {
    if ((await lstat(folder)).isSymbolicLink()) {
      return { environments: [], invalid: [{ path: environmentsFolder, error: linkNotFollowed }] }
    }
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries) {
      if (entry.isSymbolicLink() && !entry.name.startsWith('.')) {
        invalid.push({ path: childPath(environmentsFolder, entry.name), error: linkNotFollowed })
      }
    }
    names = entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      return { environments: [], invalid: [] }
    }
    throw error
  }
  const environments: Environment[] = []
  for (const name of names) {
    const path = childPath(environmentsFolder, name)
    const text = await readFile(join(folder, name), 'utf8').catch((error: Error) => error)
    const parsed =
      typeof text === 'string'
        ? parseEnvironment(name.slice(0, -'.json'.length), text)
        : { ok: false as const, error: text.message }
    if (parsed.ok) environments.push(parsed.environment)
    else invalid.push({ path, error: parsed.error })
  }
  return { environments, invalid }
}
