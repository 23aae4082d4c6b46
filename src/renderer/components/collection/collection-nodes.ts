import type { CollectionNode } from '../../../shared/collections.ts'

// The order file's name: listed (as invalid) when it does not parse, but never an item to move.
const orderFileName = '.order.json'

export function nodePath(node: CollectionNode): string {
  return node.kind === 'folder'
    ? node.folder.path
    : node.kind === 'request'
      ? node.request.path
      : node.file.path
}

/** The item's name in its folder (a file or folder name), as the order file lists it. */
export function nodeName(node: CollectionNode): string {
  const path = nodePath(node)
  return path.slice(path.lastIndexOf('/') + 1)
}

/** The folder's item names with `name` moved one place by `step`; null when it cannot move. */
export function reorderedNames(
  siblings: CollectionNode[],
  name: string,
  step: -1 | 1,
): string[] | null {
  const names = siblings.map(nodeName).filter((item) => item !== orderFileName)
  const index = names.indexOf(name)
  const target = index + step
  if (index === -1 || target < 0 || target >= names.length) return null
  names.splice(index, 1)
  names.splice(target, 0, name)
  return names
}
