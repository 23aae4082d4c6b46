import type { ImageAnswer } from '../../shared/contract/images.ts'
import type { Result } from '../../shared/result.ts'

/** What an image element shows: the picture (a blob: URL), a hidden host, or nothing. */
export type ImageOutcome =
  { state: 'shown'; url: string } | { state: 'hidden'; host: string } | { state: 'failed' }

export interface ImageCacheDependencies {
  fetchImage: (serverOrigin: string, url: string) => Promise<Result<ImageAnswer>>
  createUrl: (blob: Blob) => string
  revokeUrl: (url: string) => void
  /** How many images to keep once nothing shows them (a timeline's avatars repeat). */
  capacity: number
}

interface Entry {
  outcome: Promise<ImageOutcome>
  settled: ImageOutcome | null
  users: number
}

/**
 * The Preview's images, fetched through main (no cookie, no token, bounded) and shown from blob:
 * URLs, the only image source the page's CSP allows besides its own files. One fetch per image
 * however many cards show it; a blob: URL is revoked once no card shows it and it has fallen out
 * of the small cache, so scrolling a long timeline does not pile up memory.
 */
export function createImageCache(dependencies: ImageCacheDependencies) {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, Entry>()

  function keyOf(serverOrigin: string, url: string) {
    return `${serverOrigin} ${url}`
  }

  async function load(serverOrigin: string, url: string): Promise<ImageOutcome> {
    const answer = await dependencies.fetchImage(serverOrigin, url).catch(() => null)
    if (!answer?.ok) return { state: 'failed' }
    const image = answer.value
    if (image.kind === 'host-hidden') return { state: 'hidden', host: image.host }
    if (image.kind !== 'image') return { state: 'failed' }
    const blob = new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.contentType })
    return { state: 'shown', url: dependencies.createUrl(blob) }
  }

  function drop(key: string, entry: Entry) {
    entries.delete(key)
    void entry.outcome.then((outcome) => {
      if (outcome.state === 'shown') dependencies.revokeUrl(outcome.url)
    })
  }

  function trim() {
    for (const [key, entry] of entries) {
      if (entries.size <= dependencies.capacity) return
      if (entry.users === 0) drop(key, entry)
    }
  }

  return {
    /** The image's outcome; call `release` with the same arguments when it is no longer shown. */
    acquire(serverOrigin: string, url: string): Promise<ImageOutcome> {
      const key = keyOf(serverOrigin, url)
      let entry = entries.get(key)
      if (entry) entries.delete(key)
      else {
        const created: Entry = { outcome: load(serverOrigin, url), settled: null, users: 0 }
        void created.outcome.then((outcome) => (created.settled = outcome))
        entry = created
      }
      entry.users++
      entries.set(key, entry)
      trim()
      return entry.outcome
    },
    /** The outcome already known for an image, so a card scrolled back into view draws at once. */
    peek(serverOrigin: string, url: string): ImageOutcome | null {
      return entries.get(keyOf(serverOrigin, url))?.settled ?? null
    },
    release(serverOrigin: string, url: string) {
      const entry = entries.get(keyOf(serverOrigin, url))
      if (entry) entry.users = Math.max(0, entry.users - 1)
      trim()
    },
    /** Forgets what was hidden and what failed for a server, so it is asked again (after "Show"). */
    forgetUnshown(serverOrigin: string) {
      for (const [key, entry] of entries) {
        if (key.startsWith(`${serverOrigin} `) && entry.settled && entry.settled.state !== 'shown')
          entries.delete(key)
      }
    },
    get size() {
      return entries.size
    },
  }
}

export type ImageCache = ReturnType<typeof createImageCache>
