import { lstat, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { SavedRequestDraft } from '../../shared/collections.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { errorCode, storageFailure } from '../storage/fs-error.ts'
import type { WriteFileAtomic } from '../storage/write-file-atomic.ts'
import { checkCollection } from './collection-reader.ts'
import { environmentsFolder, orderFileName, resolveInside } from './collection-paths.ts'
import { applyOrder, readFolderOrder, serializeOrder } from './folder-order.ts'
import { refuseLinks } from './no-links.ts'
import { parseRequest, requestFileSuffix } from './request-file.ts'

/** What every collection operation works with: the folder, and how to write (a test may fail it). */
export interface CollectionContext {
  directory: string
  writeFile: WriteFileAtomic
  log: (message: string) => void
}

/** Runs `work` only if the collection's folder is still there, turning disk errors into Results. */
export async function guarded<T>(
  context: CollectionContext,
  action: string,
  work: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const present = await checkCollection(context.directory)
  if (!present.ok) return present
  try {
    return await work()
  } catch (error) {
    const gone = await checkCollection(context.directory)
    return gone.ok ? storageFailure(error, action, context.directory) : gone
  }
}

/** A folder of requests (the top or a sub-folder), as an absolute path. */
export async function requestFolderAt(
  context: CollectionContext,
  path: string,
): Promise<Result<string>> {
  const absolute = resolveInside(context.directory, path)
  if (!absolute.ok) return absolute
  const link = await refuseLinks(context.directory, absolute.value)
  if (link) return link
  if (path === environmentsFolder || path.startsWith(`${environmentsFolder}/`)) {
    return fail('INVALID_ARGUMENT', `${path} holds environments, not requests.`, {
      path: 'folder',
      reason: 'reserved',
    })
  }
  const info = await lstat(absolute.value).catch(() => null)
  if (!info?.isDirectory()) return itemNotFound(path)
  return absolute
}

/** A saved request by its path, read and parsed; one that does not parse is not touched. */
export async function requestAt(
  context: CollectionContext,
  path: string,
): Promise<Result<{ absolute: string; draft: SavedRequestDraft }>> {
  const absolute = resolveInside(context.directory, path)
  if (!absolute.ok) return absolute
  if (!path.endsWith(requestFileSuffix)) return itemNotFound(path)
  const link = await refuseLinks(context.directory, absolute.value)
  if (link) return link
  let text: string
  try {
    text = await readFile(absolute.value, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR') return itemNotFound(path)
    throw error
  }
  const parsed = parseRequest(text)
  if (!parsed.ok) {
    return fail(
      'COLLECTION_ITEM_INVALID',
      `${path} cannot be read (${parsed.error}); fix or remove it by hand.`,
      { path, reason: parsed.error },
    )
  }
  return ok({ absolute: absolute.value, draft: parsed.draft })
}

export function itemNotFound(path: string): Result<never> {
  return fail('COLLECTION_ITEM_NOT_FOUND', `${path} is not in the collection (any more).`, { path })
}

export function nameTaken(name: string): Result<never> {
  return fail('COLLECTION_NAME_TAKEN', `There is already an item called ${name} there.`, { name })
}

/** Every name in a folder, hidden ones included: a new name must clash with none of them. */
export async function namesIn(folder: string): Promise<string[]> {
  return readdir(folder)
}

export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: unknown) => {
      if (errorCode(error) === 'ENOENT') return false
      throw error
    },
  )
}

/**
 * Renames without replacing what is there (plain rename would silently overwrite a file that
 * appeared meanwhile, say from a git pull). A change of case only is a plain rename.
 */
export async function renameNoClobber(from: string, to: string): Promise<Result<void>> {
  if (from.toLowerCase() !== to.toLowerCase() && (await exists(to))) {
    return nameTaken(to.slice(to.lastIndexOf('/') + 1))
  }
  await rename(from, to)
  return ok(undefined)
}

/**
 * Rewrites a folder's order file after `change` (given the current order). A folder whose order
 * file does not parse keeps it untouched: its order is the user's to fix.
 */
export async function updateOrder(
  context: CollectionContext,
  folder: string,
  change: (names: string[]) => string[],
): Promise<void> {
  const order = await readFolderOrder(folder)
  if (order.kind === 'invalid') {
    context.log(`collections: left ${join(folder, orderFileName)} as it is (${order.error})`)
    return
  }
  const atRoot = folder === context.directory
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .filter((entry) =>
      entry.isDirectory()
        ? !(atRoot && entry.name === environmentsFolder)
        : entry.name.endsWith(requestFileSuffix),
    )
    .map((entry) => entry.name)
  const next = change(applyOrder(names, order))
  // Unchanged: no write, so the file (and git) sees no churn.
  if (order.kind === 'ok' && next.join('\n') === order.names.join('\n')) return
  await context.writeFile(join(folder, orderFileName), serializeOrder(next))
}

/** Best effort: the item is gone already; a stale name in an order file is ignored when listing. */
export async function removeFromOrder(context: CollectionContext, folder: string, name: string) {
  await updateOrder(context, folder, (names) => names.filter((other) => other !== name)).catch(
    (error: unknown) => context.log(`collections: could not update the order: ${String(error)}`),
  )
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true })
}
