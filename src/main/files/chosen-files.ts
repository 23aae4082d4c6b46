import { randomUUID } from 'node:crypto'
import { access, constants, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ChosenFile } from '../../shared/uploads.ts'
import { fail, ok, type Result } from '../../shared/result.ts'

export interface ChosenFiles {
  /** Opens the system file dialog; null when the user cancelled. */
  choose(): Promise<Result<ChosenFile | null>>
  /** The path behind a file id handed out by `choose` (main only). */
  pathOf(fileId: string): string | null
}

/**
 * Files for upload are picked through main's dialog, so the renderer never reads the file system;
 * it only gets an id, a name and a size. The file is checked when chosen: it must be readable and
 * not empty (Misskey refuses an empty upload).
 */
export function createChosenFiles(showOpenDialog: () => Promise<string | null>): ChosenFiles {
  const paths = new Map<string, string>()
  return {
    async choose() {
      const path = await showOpenDialog()
      if (path === null) return ok(null)
      const name = basename(path)
      try {
        await access(path, constants.R_OK)
        const info = await stat(path)
        if (!info.isFile())
          return fail('FILE_UNREADABLE', `${name} is not a file.`, { name, reason: 'not a file' })
        if (info.size === 0) {
          return fail(
            'FILE_EMPTY',
            `${name} is empty (0 bytes); a Misskey server refuses empty uploads.`,
            { name },
          )
        }
        const fileId = randomUUID()
        paths.set(fileId, path)
        return ok({ fileId, name, sizeBytes: info.size })
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
        return fail('FILE_UNREADABLE', `${name} cannot be read (${reason}).`, { name, reason })
      }
    },
    pathOf: (fileId) => paths.get(fileId) ?? null,
  }
}
