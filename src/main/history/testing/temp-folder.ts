import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Temporary folders for a test file, removed by `removeAll` (call it in afterEach). */
export function tempFolders() {
  const made: string[] = []
  return {
    async make(prefix = 'explorer-'): Promise<string> {
      const path = await mkdtemp(join(tmpdir(), prefix))
      made.push(path)
      return path
    },
    async removeAll(): Promise<void> {
      await Promise.all(made.splice(0).map((path) => rm(path, { recursive: true, force: true })))
    },
  }
}
