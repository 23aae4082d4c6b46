import { basename } from 'node:path'
import type { ZipExported, ZipImported } from '../../shared/collection-session.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { exportCollection, importCollection } from './collection-zip.ts'
import type { CollectionService } from './collection-service.ts'

export interface CollectionZipDependencies {
  collections: CollectionService
  /** The system's save dialog; the chosen path, or null when cancelled. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>
  /** The system's open dialog for a zip; null when cancelled. */
  chooseZip: () => Promise<string | null>
  chooseFolder: (purpose: 'open-collection' | 'import-target') => Promise<string | null>
}

/**
 * Sharing a collection without git: the open collection as a zip, and a zip unpacked into an
 * empty folder, which then becomes the open collection. Both paths come from main's dialogs,
 * never from the page.
 */
export function createCollectionZipService(dependencies: CollectionZipDependencies) {
  return {
    async exportZip(): Promise<Result<ZipExported | null>> {
      const directory = dependencies.collections.directory()
      if (directory === null)
        return fail('COLLECTION_NOT_OPEN', 'Choose a collection folder first.')
      const path = await dependencies.chooseSaveFile(`${basename(directory)}.zip`)
      if (path === null) return ok(null)
      const exported = await exportCollection(directory, path)
      return exported.ok ? ok({ path, ...exported.value }) : exported
    },

    async importZip(): Promise<Result<ZipImported | null>> {
      const zipPath = await dependencies.chooseZip()
      if (zipPath === null) return ok(null)
      const target = await dependencies.chooseFolder('import-target')
      if (target === null) return ok(null)
      const imported = await importCollection(zipPath, target)
      if (!imported.ok) return imported
      const opened = await dependencies.collections.openAt(target)
      return opened.ok ? ok({ ...imported.value, collection: opened.value }) : opened
    },
  }
}

export type CollectionZipService = ReturnType<typeof createCollectionZipService>
