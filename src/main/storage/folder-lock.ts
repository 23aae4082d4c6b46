import { link, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fail, ok, type Result } from '../../shared/result.ts'
import { errorCode, storageFailure } from './fs-error.ts'

export interface FolderLock {
  readonly path: string
  /** The previous holder died without releasing it: whatever it was writing may be unfinished. */
  readonly tookOverStale: boolean
  release(): Promise<void>
}

interface LockHolder {
  pid: number
  host: string
  acquiredAt: number
}

export interface FolderLockOptions {
  now: () => number
  /** For tests; the real check asks the OS whether the pid still runs. */
  isProcessAlive?: (pid: number) => boolean
}

// Locks this process holds, so a second store opened here is refused as well: the pid in the
// file is our own then, and a pid check alone would call it stale.
const heldHere = new Set<string>()

/**
 * Makes sure one writer at a time uses a folder: a `lock` file naming the holder's pid. A lock
 * left by a process that died (a crash, a kill) is taken over; a live holder is refused.
 */
export async function acquireFolderLock(
  folder: string,
  options: FolderLockOptions,
): Promise<Result<FolderLock>> {
  const path = join(folder, 'lock')
  const isAlive = options.isProcessAlive ?? processIsAlive
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), acquiredAt: options.now() })
  if (heldHere.has(path)) return locked(path, 'this app, which has it open already')
  let tookOverStale = false
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await createExclusively(path, mine)) {
        heldHere.add(path)
        if (tookOverStale) await removeLeftovers(folder)
        return ok({ path, tookOverStale, release: () => release(path, mine) })
      }
      const text = await readFile(path, 'utf8').catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return null
        throw error
      })
      if (text === null) continue // released between our two steps: try again
      if (heldHere.has(path)) return locked(path, 'this app, which has it open already')
      const holder = parseHolder(text)
      if (holder && holder.host !== hostname()) {
        return locked(path, `another computer (${holder.host}, pid ${holder.pid})`)
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        return locked(path, `process ${holder.pid}`)
      }
      // Stale (its process is gone) or unreadable: move it aside, then make sure what we moved
      // is what we judged, not a lock another process took in the meantime.
      const aside = `${path}.${randomBytes(4).toString('hex')}.stale`
      try {
        await rename(path, aside)
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue
        throw error
      }
      const moved = await readFile(aside, 'utf8').catch(() => null)
      if (moved !== text) {
        await link(aside, path).catch(() => undefined)
        await rm(aside, { force: true })
        return locked(path, 'another process that was starting at the same time')
      }
      await rm(aside, { force: true })
      tookOverStale = true
    }
    return locked(path, 'another process (the lock keeps changing hands)')
  } catch (error) {
    return storageFailure(error, 'lock', folder)
  }
}

/** The lock file appears whole or not at all: written beside it, then hard-linked into place. */
async function createExclusively(path: string, content: string): Promise<boolean> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temporary, content, { mode: 0o600 })
  try {
    await link(temporary, path)
    return true
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw error
  } finally {
    await rm(temporary, { force: true })
  }
}

/** Files a holder killed mid-way through taking the lock left behind. */
async function removeLeftovers(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  const leftovers = names.filter((name) => /^lock\.[0-9a-f]+\.(tmp|stale)$/.test(name))
  await Promise.all(leftovers.map((name) => rm(join(folder, name), { force: true })))
}

async function release(path: string, mine: string): Promise<void> {
  heldHere.delete(path)
  const text = await readFile(path, 'utf8').catch(() => null)
  if (text === mine) await rm(path, { force: true })
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>
    return typeof value.pid === 'number' && typeof value.host === 'string'
      ? { pid: value.pid, host: value.host, acquiredAt: Number(value.acquiredAt) }
      : null
  } catch {
    return null
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM'
  }
}

function locked(path: string, holder: string): Result<never> {
  return fail(
    'STORAGE_LOCKED',
    `${path} is held by ${holder}: close the other window first. If none is running, delete that file.`,
    { path, holder },
  )
}
