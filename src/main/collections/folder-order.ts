import { lstat, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorCode } from '../storage/fs-error.ts'
import { orderFileName } from './collection-paths.ts'
import { linkNotFollowed } from './no-links.ts'

// Each folder's order is a small file, one name per line:
//   { "order": ["Create a note.request.json", "drafts"] }
// so moving one item up is a small diff. Items it does not name come last, by name.

export type FolderOrder =
  | { kind: 'none' }
  | { kind: 'ok'; names: string[] }
  /** The order file does not parse: left as it is (never overwritten), its error reported. */
  | { kind: 'invalid'; error: string }

export async function readFolderOrder(folder: string): Promise<FolderOrder> {
  let text: string
  try {
    const path = join(folder, orderFileName)
    if ((await lstat(path)).isSymbolicLink()) return { kind: 'invalid', error: linkNotFollowed }
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'none' }
    return { kind: 'invalid', error: (error as Error).message }
  }
  try {
    const value = JSON.parse(text) as { order?: unknown }
    if (Array.isArray(value.order) && value.order.every((name) => typeof name === 'string')) {
      return { kind: 'ok', names: value.order as string[] }
    }
    return { kind: 'invalid', error: 'order: must be a list of names' }
  } catch (error) {
    return { kind: 'invalid', error: `not JSON: ${(error as Error).message}` }
  }
}

export function serializeOrder(names: string[]): string {
  return `${JSON.stringify({ order: names }, null, 2)}\n`
}

/** `names` sorted by the saved order, the ones it does not name after them, by name. */
export function applyOrder(names: string[], order: FolderOrder): string[] {
  const saved = order.kind === 'ok' ? order.names : []
  const position = new Map(saved.map((name, index) => [name, index]))
  return [...names].sort((a, b) => {
    const pa = position.get(a)
    const pb = position.get(b)
    if (pa !== undefined && pb !== undefined) return pa - pb
    if (pa !== undefined) return -1
    if (pb !== undefined) return 1
    return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })
  })
}
