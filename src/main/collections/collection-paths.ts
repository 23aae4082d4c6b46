import { isAbsolute, join, relative, sep } from 'node:path'
import { fail, ok, type Result } from '../../shared/result.ts'

/** The reserved folder (at the collection's top) that holds environments, not requests. */
export const environmentsFolder = 'environments'
export const orderFileName = '.order.json'

/**
 * The absolute path of an item named by a collection path (`/`-separated, `''` for the top).
 * Paths come from the renderer, so one that would leave the collection (`..`, absolute, a drive)
 * is refused.
 */
export function resolveInside(root: string, path: string): Result<string> {
  const segments = path === '' ? [] : path.split('/')
  const bad = segments.some(
    (segment) => segment === '' || segment === '.' || segment === '..' || /[\\:\0]/.test(segment),
  )
  const absolute = join(root, ...segments)
  const inside = relative(root, absolute)
  if (bad || isAbsolute(path) || inside.startsWith(`..${sep}`) || inside === '..') {
    return fail('INVALID_ARGUMENT', `${path} is not a path inside the collection.`, {
      path: 'path',
      reason: 'outside the collection',
    })
  }
  return ok(absolute)
}

export function childPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
