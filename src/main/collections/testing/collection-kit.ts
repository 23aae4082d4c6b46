import { afterEach } from 'vitest'
import type { CollectionFolder, CollectionNode } from '../../../shared/collections.ts'
import { tempFolders } from '../../history/testing/temp-folder.ts'
import { openCollection, type CollectionDependencies } from '../collection.ts'

/** What the collection tests share: collections on throwaway folders, and a readable listing. */
export function collectionKit() {
  const folders = tempFolders()
  afterEach(() => folders.removeAll())

  async function collection(dependencies: CollectionDependencies = {}) {
    return openCollection(await folders.make('collection-'), dependencies)
  }

  /** A folder's children in order: `name/` for folders, the path for requests, `!path` for bad files. */
  async function listing(target: ReturnType<typeof openCollection>, path = ''): Promise<string[]> {
    const tree = await target.list()
    if (!tree.ok) throw new Error(tree.error.message)
    let folder: CollectionFolder = tree.value.root
    for (const segment of path ? path.split('/') : []) {
      const next = folder.children.find(
        (node) => node.kind === 'folder' && node.folder.name === segment,
      )
      if (next?.kind !== 'folder') throw new Error(`no folder ${segment}`)
      folder = next.folder
    }
    return folder.children.map(describeNode)
  }

  return { folders, collection, listing }
}

function describeNode(node: CollectionNode): string {
  if (node.kind === 'folder') return `${node.folder.name}/`
  if (node.kind === 'request') return node.request.path
  return `!${node.file.path}`
}
