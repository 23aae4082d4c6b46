import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { errorCode } from '../storage/fs-error.ts'
import { syncDirectory } from '../storage/sync-directory.ts'
import type { WriteFileAtomic } from '../storage/write-file-atomic.ts'
import type { BodyFile } from './history-entry.ts'

/**
 * Each entry's bodies and response headers in a file of their own, `bodies/<ab>/<id>.json`
 * (spread over 256 folders by the id's first two characters so no folder gets huge). They are
 * read only when an entry is opened or its response searched, which keeps start-up independent
 * of how big the responses were.
 */
export class BodyStore {
  private readonly root: string
  private readonly writeFile: WriteFileAtomic

  constructor(directory: string, writeFile: WriteFileAtomic) {
    this.root = join(directory, 'bodies')
    this.writeFile = writeFile
  }

  private folderOf(id: string): string {
    return join(this.root, id.slice(0, 2))
  }

  private pathOf(id: string): string {
    return join(this.folderOf(id), `${id}.json`)
  }

  /** Durable when this resolves: the file and its name are flushed before the log names it. */
  async write(id: string, text: string): Promise<void> {
    const folder = this.folderOf(id)
    const created = await mkdir(folder, { recursive: true })
    if (created) await syncDirectory(this.root)
    await this.writeFile(this.pathOf(id), text)
    await syncDirectory(folder)
  }

  /** The entry's bodies, or null when the file is missing or damaged. */
  async read(id: string): Promise<BodyFile | null> {
    try {
      const value = JSON.parse(await readFile(this.pathOf(id), 'utf8')) as BodyFile
      return typeof value === 'object' && value !== null && typeof value.requestBody === 'string'
        ? value
        : null
    } catch {
      return null
    }
  }

  async remove(ids: Iterable<string>): Promise<void> {
    await forEachLimited([...ids], 16, (id) => rm(this.pathOf(id), { force: true }))
  }

  /**
   * Deletes what no live entry names: bodies whose log line a crash prevented, temporary files
   * of an interrupted write, bodies of entries deleted before a crash. Returns how many went.
   */
  async sweep(isLive: (id: string) => boolean): Promise<number> {
    let folders: string[]
    try {
      folders = await readdir(this.root)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 0
      throw error
    }
    const doomed: string[] = []
    for (const folder of folders) {
      const names = await readdir(join(this.root, folder)).catch(() => [] as string[])
      for (const name of names) {
        const id = name.endsWith('.json') ? name.slice(0, -5) : null
        if (id === null || !isLive(id)) doomed.push(join(this.root, folder, name))
      }
    }
    await forEachLimited(doomed, 16, (path) => rm(path, { force: true }))
    return doomed.length
  }
}

async function forEachLimited<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}
