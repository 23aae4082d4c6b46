import { watch } from 'chokidar'
import { sep } from 'node:path'
import type { CollectionTree } from '../../shared/collections.ts'
import type { AppError } from '../../shared/result.ts'
import { readCollection } from './collection-reader.ts'

export type CollectionChange =
  | { kind: 'changed'; tree: CollectionTree }
  /** The folder went away (`COLLECTION_NOT_FOUND`) or could not be read. */
  | { kind: 'error'; error: AppError }

export interface WatchOptions {
  /** Quiet time before a burst of events leads to a re-listing. Default 200 ms. */
  debounceMs?: number
  /**
   * Read as a listing starts and handed to `onChange` with it, so the caller can tell a listing
   * that overlapped something it did (the service's own changes) from one that did not.
   */
  mark?: () => number
}

export interface CollectionWatcher {
  /** Resolves once the folder is being watched (changes before that may be missed). */
  ready: Promise<void>
  close(): Promise<void>
}

/**
 * Picks up changes made outside the app (git pull, an editor) without a restart. chokidar rather
 * than a bare fs.watch: it follows folders created later, copes with editors that save by
 * renaming, and behaves the same on Linux, macOS and Windows. Any burst of events leads to one
 * re-listing after `debounceMs` of quiet, reported only when the listing changed.
 */
export function watchCollection(
  directory: string,
  onChange: (change: CollectionChange, mark: number) => void,
  options: WatchOptions = {},
): CollectionWatcher {
  const debounceMs = options.debounceMs ?? 200
  const markNow = options.mark ?? (() => 0)
  let last: string | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let closed = false
  let listing: Promise<void> = Promise.resolve()

  const relist = async () => {
    const mark = markNow()
    const tree = await readCollection(directory)
    if (closed) return
    const key = JSON.stringify(tree)
    if (key === last) return
    last = key
    onChange(
      tree.ok ? { kind: 'changed', tree: tree.value } : { kind: 'error', error: tree.error },
      mark,
    )
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      listing = listing.then(relist)
    }, debounceMs)
  }

  const watcher = watch(directory, {
    ignoreInitial: true,
    // A link inside the collection is never followed (collections/no-links.ts).
    followSymlinks: false,
    // Git's own files and our temporary files change often and mean nothing to the listing.
    ignored: (path) => path.includes(`${sep}.git`) || path.endsWith('.tmp'),
  })
  watcher.on('all', schedule)
  watcher.on('error', schedule)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve())).then(
    async () => {
      // What is there now is the baseline: only later changes are reported.
      const tree = await readCollection(directory)
      last = JSON.stringify(tree)
    },
  )

  return {
    ready,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      await watcher.close()
      await listing
    },
  }
}
