import { open } from 'node:fs/promises'

/**
 * Flushes a folder's entries (a file created or renamed in it) to disk. Without it a crash can
 * lose a new file's name even though its content was synced. Windows cannot open a folder as a
 * file and makes renames durable itself, so there it does nothing.
 */
export async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
