import { lstat, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fail, type Result } from '../../shared/result.ts'
import { errorCode } from '../storage/fs-error.ts'

// A collection comes from git or a zip, so anyone may have put a symbolic link in it: one
// pointing at ~/.ssh or at another project would make "save" overwrite, and "list" or "export"
// read, a file far outside the folder the user picked. The app never follows a link inside a
// collection (the collection folder itself may be one: the user picked it); a link is listed
// as an error and left as it is.

export const linkNotFollowed = 'a symbolic link, which the app never follows; it was left as it is'

/** The first item on the way from `root` to `absolute` (both included but root) that is a link. */
export async function firstLinkOnTheWay(root: string, absolute: string): Promise<string | null> {
  const inside = relative(root, absolute)
  if (inside === '') return null
  let current = root
  for (const segment of inside.split(sep)) {
    current = join(current, segment)
    try {
      if ((await lstat(current)).isSymbolicLink())
        return relative(root, current).split(sep).join('/')
    } catch (error) {
      // What does not exist yet (a file about to be written) cannot be a link.
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null
      throw error
    }
  }
  return null
}

/** Fails with COLLECTION_ITEM_INVALID when the way to `absolute` goes through a link. */
export async function refuseLinks(root: string, absolute: string): Promise<Result<never> | null> {
  const link = await firstLinkOnTheWay(root, absolute)
  if (link === null) return null
  return fail('COLLECTION_ITEM_INVALID', `${link} is ${linkNotFollowed}.`, {
    path: link,
    reason: 'symbolic link',
  })
}

/** Thrown where a read would follow a link; the listing turns it into an invalid item. */
export class LinkNotFollowedError extends Error {
  readonly path: string
  constructor(path: string) {
    super(`${path} is ${linkNotFollowed}.`)
    this.path = path
  }
}

/** Reads a file of the collection, refusing when it or a folder on the way is a link. */
export async function readFileInside(root: string, absolute: string): Promise<string> {
  const link = await firstLinkOnTheWay(root, absolute)
  if (link !== null) throw new LinkNotFollowedError(link)
  return readFile(absolute, 'utf8')
}
