import { mkdir, readdir, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Environment } from '../../shared/collections.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import {
  exists,
  itemNotFound,
  namesIn,
  nameTaken,
  removeFromOrder,
  renameNoClobber,
  requestFolderAt,
  updateOrder,
  type CollectionContext,
} from './collection-context.ts'
import {
  childPath,
  environmentsFolder,
  lastSegment,
  orderFileName,
  parentPath,
} from './collection-paths.ts'
import { readFolderOrder } from './folder-order.ts'
import { refuseLinks } from './no-links.ts'
import { baseNameFor, uniqueName } from './file-names.ts'
import {
  parseEnvironment,
  parseRequest,
  requestFileSuffix,
  serializeEnvironment,
} from './request-file.ts'
import { readFile } from 'node:fs/promises'

/** Puts the named items first, in this order; the others keep their order after them. */
export async function reorder(
  context: CollectionContext,
  folder: string,
  names: string[],
): Promise<Result<void>> {
  const absolute = await requestFolderAt(context, folder)
  if (!absolute.ok) return absolute
  const order = await readFolderOrder(absolute.value)
  if (order.kind === 'invalid') {
    return fail(
      'COLLECTION_ITEM_INVALID',
      `${childPath(folder, orderFileName)} cannot be read (${order.error}); fix or remove it by hand.`,
      { path: childPath(folder, orderFileName), reason: order.error },
    )
  }
  let missing: string | undefined
  await updateOrder(context, absolute.value, (current) => {
    missing = names.find((name) => !current.includes(name))
    return missing ? current : [...names, ...current.filter((name) => !names.includes(name))]
  })
  return missing ? itemNotFound(childPath(folder, missing)) : ok(undefined)
}

export async function createFolder(
  context: CollectionContext,
  parent: string,
  name: string,
): Promise<Result<string>> {
  const absoluteParent = await requestFolderAt(context, parent)
  if (!absoluteParent.ok) return absoluteParent
  const base = baseNameFor(name)
  if (!base.ok) return base
  const reserved = parent === '' ? [environmentsFolder] : []
  const folderName = uniqueName(base.value, '', [
    ...(await namesIn(absoluteParent.value)),
    ...reserved,
  ])
  const absolute = join(absoluteParent.value, folderName)
  await mkdir(absolute)
  try {
    await updateOrder(context, absoluteParent.value, (names) => names)
  } catch (error) {
    await rmdir(absolute).catch(() => undefined)
    throw error
  }
  return ok(childPath(parent, folderName))
}

export async function renameFolder(
  context: CollectionContext,
  path: string,
  name: string,
): Promise<Result<string>> {
  if (path === '')
    return fail('INVALID_ARGUMENT', 'Rename the collection folder itself outside the app.', {
      path: 'path',
      reason: 'top',
    })
  const absolute = await requestFolderAt(context, path)
  if (!absolute.ok) return absolute
  const base = baseNameFor(name)
  if (!base.ok) return base
  const parent = parentPath(path)
  const oldName = lastSegment(path)
  const absoluteParent = join(absolute.value, '..')
  if (parent === '' && base.value.toLowerCase() === environmentsFolder) return nameTaken(base.value)
  const siblings = (await namesIn(absoluteParent)).filter((other) => other !== oldName)
  if (siblings.some((other) => other.toLowerCase() === base.value.toLowerCase()))
    return nameTaken(base.value)
  const newAbsolute = join(absoluteParent, base.value)
  const renamed = await renameNoClobber(absolute.value, newAbsolute)
  if (!renamed.ok) return renamed
  try {
    await updateOrder(context, absoluteParent, (names) =>
      names
        .filter((other) => other !== base.value)
        .map((other) => (other === oldName ? base.value : other)),
    )
  } catch (error) {
    await renameNoClobber(newAbsolute, absolute.value)
    throw error
  }
  return ok(childPath(parent, base.value))
}

/**
 * Deletes a folder with the requests in it. A folder holding anything the app did not write (a
 * file that does not parse, notes, images) is refused: those are the user's, never deleted here.
 */
export async function deleteFolder(
  context: CollectionContext,
  path: string,
): Promise<Result<void>> {
  if (path === '')
    return fail('INVALID_ARGUMENT', 'The collection folder itself is not deleted from the app.', {
      path: 'path',
      reason: 'top',
    })
  const absolute = await requestFolderAt(context, path)
  if (!absolute.ok) return absolute
  const foreign = await firstForeignFile(absolute.value, path)
  if (foreign) {
    return fail(
      'COLLECTION_FOLDER_NOT_EMPTY',
      `${path} holds ${foreign}, which the app did not write; move or delete it first.`,
      { path, file: foreign },
    )
  }
  await rm(absolute.value, { recursive: true })
  await removeFromOrder(context, join(absolute.value, '..'), lastSegment(path))
  return ok(undefined)
}

async function firstForeignFile(absolute: string, path: string): Promise<string | null> {
  for (const entry of await readdir(absolute, { withFileTypes: true })) {
    const itemPath = childPath(path, entry.name)
    if (entry.isDirectory()) {
      const inner = await firstForeignFile(join(absolute, entry.name), itemPath)
      if (inner) return inner
    } else if (entry.name === orderFileName && entry.isFile()) {
      continue
    } else if (entry.isFile() && entry.name.endsWith(requestFileSuffix)) {
      if (!parseRequest(await readFile(join(absolute, entry.name), 'utf8')).ok) return itemPath
    } else {
      return itemPath
    }
  }
  return null
}

/** Saves an environment as `environments/<name>.json`; the name becomes a valid file name. */
export async function saveEnvironment(
  context: CollectionContext,
  environment: Environment,
): Promise<Result<Environment>> {
  const base = baseNameFor(environment.name)
  if (!base.ok) return base
  const folder = join(context.directory, environmentsFolder)
  const absolute = join(folder, `${base.value}.json`)
  const link = await refuseLinks(context.directory, absolute)
  if (link) return link
  await mkdir(folder, { recursive: true })
  if (await exists(absolute)) {
    const current = parseEnvironment(base.value, await readFile(absolute, 'utf8'))
    if (!current.ok) return invalidEnvironment(base.value, current.error)
  }
  const saved = { name: base.value, variables: environment.variables }
  await context.writeFile(absolute, serializeEnvironment(saved))
  return ok(saved)
}

export async function deleteEnvironment(
  context: CollectionContext,
  name: string,
): Promise<Result<void>> {
  const base = baseNameFor(name)
  if (!base.ok) return base
  const absolute = join(context.directory, environmentsFolder, `${base.value}.json`)
  const link = await refuseLinks(context.directory, absolute)
  if (link) return link
  if (!(await exists(absolute)))
    return itemNotFound(childPath(environmentsFolder, `${base.value}.json`))
  const current = parseEnvironment(base.value, await readFile(absolute, 'utf8'))
  if (!current.ok) return invalidEnvironment(base.value, current.error)
  await rm(absolute)
  return ok(undefined)
}

function invalidEnvironment(name: string, error: string): Result<never> {
  const path = childPath(environmentsFolder, `${name}.json`)
  return fail(
    'COLLECTION_ITEM_INVALID',
    `${path} cannot be read (${error}); fix or remove it by hand.`,
    { path, reason: error },
  )
}
