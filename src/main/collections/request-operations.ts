import { join } from 'node:path'
import type { SavedRequest, SavedRequestDraft } from '../../shared/collections.ts'
import { ok, type Result } from '../../shared/result.ts'
import {
  exists,
  namesIn,
  nameTaken,
  removeFromOrder,
  removeQuietly,
  renameNoClobber,
  requestAt,
  requestFolderAt,
  updateOrder,
  type CollectionContext,
} from './collection-context.ts'
import { childPath, lastSegment, parentPath } from './collection-paths.ts'
import { baseNameFor, uniqueName } from './file-names.ts'
import { requestFileSuffix, serializeRequest } from './request-file.ts'

// Each change writes whole files atomically and is ordered so that a failure part-way (a full
// disk) leaves the collection as it was, or with an extra copy: never without the request.

export async function saveRequest(
  context: CollectionContext,
  folder: string,
  draft: SavedRequestDraft,
): Promise<Result<SavedRequest>> {
  const absoluteFolder = await requestFolderAt(context, folder)
  if (!absoluteFolder.ok) return absoluteFolder
  const base = baseNameFor(draft.name)
  if (!base.ok) return base
  const fileName = uniqueName(base.value, requestFileSuffix, await namesIn(absoluteFolder.value))
  const absolute = join(absoluteFolder.value, fileName)
  await context.writeFile(absolute, serializeRequest(draft))
  try {
    await updateOrder(context, absoluteFolder.value, (names) => names)
  } catch (error) {
    await removeQuietly(absolute)
    throw error
  }
  return ok({ ...draft, path: childPath(folder, fileName) })
}

/** Saves new content; a new name also renames the file (within its folder). */
export async function updateRequest(
  context: CollectionContext,
  path: string,
  draft: SavedRequestDraft,
): Promise<Result<SavedRequest>> {
  const current = await requestAt(context, path)
  if (!current.ok) return current
  if (current.value.draft.name === draft.name) {
    await context.writeFile(current.value.absolute, serializeRequest(draft))
    return ok({ ...draft, path })
  }
  const base = baseNameFor(draft.name)
  if (!base.ok) return base
  const folder = parentPath(path)
  const absoluteFolder = join(current.value.absolute, '..')
  const oldName = lastSegment(path)
  const siblings = (await namesIn(absoluteFolder)).filter((name) => name !== oldName)
  const newName = uniqueName(base.value, requestFileSuffix, siblings)
  const newAbsolute = join(absoluteFolder, newName)
  if (newName.toLowerCase() === oldName.toLowerCase()) {
    // Same file on a case-insensitive disk: write in place, then change the case.
    await context.writeFile(current.value.absolute, serializeRequest(draft))
    const renamed = await renameNoClobber(current.value.absolute, newAbsolute)
    if (!renamed.ok) return renamed
  } else {
    if (await exists(newAbsolute)) return nameTaken(newName)
    await context.writeFile(newAbsolute, serializeRequest(draft))
  }
  try {
    await updateOrder(context, absoluteFolder, (names) =>
      names.filter((name) => name !== newName).map((name) => (name === oldName ? newName : name)),
    )
  } catch (error) {
    if (newName.toLowerCase() !== oldName.toLowerCase()) await removeQuietly(newAbsolute)
    throw error
  }
  if (newName.toLowerCase() !== oldName.toLowerCase()) await removeQuietly(current.value.absolute)
  return ok({ ...draft, path: childPath(folder, newName) })
}

export async function renameRequest(
  context: CollectionContext,
  path: string,
  name: string,
): Promise<Result<SavedRequest>> {
  const current = await requestAt(context, path)
  if (!current.ok) return current
  return updateRequest(context, path, { ...current.value.draft, name })
}

export async function moveRequest(
  context: CollectionContext,
  path: string,
  toFolder: string,
): Promise<Result<SavedRequest>> {
  const current = await requestAt(context, path)
  if (!current.ok) return current
  if (parentPath(path) === toFolder) return ok({ ...current.value.draft, path })
  const target = await requestFolderAt(context, toFolder)
  if (!target.ok) return target
  const base = baseNameFor(current.value.draft.name)
  if (!base.ok) return base
  const newName = uniqueName(base.value, requestFileSuffix, await namesIn(target.value))
  const newAbsolute = join(target.value, newName)
  const moved = await renameNoClobber(current.value.absolute, newAbsolute)
  if (!moved.ok) return moved
  try {
    await updateOrder(context, target.value, (names) => names)
  } catch (error) {
    await renameNoClobber(newAbsolute, current.value.absolute)
    throw error
  }
  await removeFromOrder(context, join(current.value.absolute, '..'), lastSegment(path))
  return ok({ ...current.value.draft, path: childPath(toFolder, newName) })
}

export async function duplicateRequest(
  context: CollectionContext,
  path: string,
): Promise<Result<SavedRequest>> {
  const current = await requestAt(context, path)
  if (!current.ok) return current
  const folder = parentPath(path)
  const copy = { ...current.value.draft, name: `${current.value.draft.name} copy` }
  const saved = await saveRequest(context, folder, copy)
  if (!saved.ok) return saved
  // Put the copy right after its original.
  const absoluteFolder = join(current.value.absolute, '..')
  const copyName = lastSegment(saved.value.path)
  await updateOrder(context, absoluteFolder, (names) => {
    const rest = names.filter((name) => name !== copyName)
    rest.splice(rest.indexOf(lastSegment(path)) + 1, 0, copyName)
    return rest
  }).catch((error: unknown) => context.log(`collections: ${String(error)}`))
  return saved
}

export async function deleteRequest(
  context: CollectionContext,
  path: string,
): Promise<Result<void>> {
  const current = await requestAt(context, path)
  if (!current.ok) return current
  await removeQuietly(current.value.absolute)
  await removeFromOrder(context, join(current.value.absolute, '..'), lastSegment(path))
  return ok(undefined)
}
