import { mkdir, readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { writeFileAtomic } from '../storage/write-file-atomic.ts'

export interface CachedSpec {
  version: string
  fetchedAt: number
  text: string
}

export interface SpecCache {
  save(origin: string, spec: CachedSpec): Promise<void>
  /** The spec saved last for this server, or null when there is none or it cannot be read. */
  loadLatest(origin: string): Promise<CachedSpec | null>
}

interface LatestPointer {
  origin: string
  version: string
  fetchedAt: number
  file: string
}

/**
 * Keeps each server's spec on disk per version, so a catalog opens offline and a later session
 * can tell what changed between versions. One folder per server, named by a hash of the origin
 * so any origin makes a safe folder name.
 */
export function createSpecCache(directory: string): SpecCache {
  const folderOf = (origin: string) =>
    join(directory, createHash('sha256').update(origin).digest('hex').slice(0, 24))

  return {
    async save(origin, spec) {
      const folder = folderOf(origin)
      await mkdir(folder, { recursive: true })
      const file = `spec-${spec.version.replace(/[^A-Za-z0-9._-]/g, '_')}.json`
      await writeFileAtomic(join(folder, file), spec.text)
      const pointer: LatestPointer = {
        origin,
        version: spec.version,
        fetchedAt: spec.fetchedAt,
        file,
      }
      await writeFileAtomic(join(folder, 'latest.json'), `${JSON.stringify(pointer, null, 2)}\n`)
    },

    async loadLatest(origin) {
      const folder = folderOf(origin)
      try {
        const pointer = JSON.parse(
          await readFile(join(folder, 'latest.json'), 'utf8'),
        ) as LatestPointer
        if (pointer.origin !== origin || !/^spec-[A-Za-z0-9._-]+\.json$/.test(pointer.file))
          return null
        const text = await readFile(join(folder, pointer.file), 'utf8')
        return { version: pointer.version, fetchedAt: pointer.fetchedAt, text }
      } catch {
        return null
      }
    },
  }
}
