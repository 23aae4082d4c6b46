import { open, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new one,
 * never a torn mix: the data goes to a temporary sibling, is flushed to disk, then renamed over.
 * (npm's write-file-atomic does the same but requires a newer Node than some Electron 45
 * builds embed.) A failed write (a full disk) removes its temporary file, so nothing is left
 * behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const handle = await open(temporary, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** The shape of `writeFileAtomic`, so a test can pass one that fails like a full disk. */
export type WriteFileAtomic = (path: string, data: string | Uint8Array) => Promise<void>
