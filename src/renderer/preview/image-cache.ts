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
  /** Forgotten while still shown: its blob: URL is revoked when the last element lets go. */
  retired: boolean
}

/** One element's hold on an image; `release` when the element no longer shows it. */
export interface ImageLease {
  outcome: Promise<ImageOutcome>
  release: () => void
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

  function revoke(entry: Entry) {
    void entry.outcome.then((outcome) => {
      if (outcome.state === 'shown') dependencies.revokeUrl(outcome.url)
    })
  }

  function drop(key: string, entry: Entry) {
    entries.delete(key)
    revoke(entry)
  }

  /** Takes matching images of a server out of the cache, so the next element asks main again. */
  function forget(serverOrigin: string, matches: (entry: Entry) => boolean) {
    for (const [key, entry] of entries) {
      if (!key.startsWith(`${serverOrigin} `) || !matches(entry)) continue
      entries.delete(key)
      // An element still showing it keeps its blob: URL until it lets go (see the lease).
      entry.retired = true
      if (entry.users === 0) revoke(entry)
    }
  }

  function trim() {
    for (const [key, entry] of entries) {
      if (entries.size <= dependencies.capacity) return
      if (entry.users === 0) drop(key, entry)
    }
  }

  return {
    /**
     * The image's outcome, held until the lease is released. The lease holds this very entry, so
     * an element that lets go after the image was forgotten does not miscount its successor.
     */
    acquire(serverOrigin: string, url: string): ImageLease {
      const key = keyOf(serverOrigin, url)
      let entry = entries.get(key)
      if (entry) entries.delete(key)
      else {
        const created: Entry = {
          outcome: load(serverOrigin, url),
          settled: null,
          users: 0,
          retired: false,
        }
        void created.outcome.then((outcome) => (created.settled = outcome))
        entry = created
      }
      const held = entry
      held.users++
      entries.set(key, held)
      trim()
      let released = false
      return {
        outcome: held.outcome,
        release: () => {
          if (released) return
          released = true
          held.users = Math.max(0, held.users - 1)
          if (held.retired && held.users === 0) revoke(held)
          trim()
        },
      }
    },
    /** The outcome already known for an image, so a card scrolled back into view draws at once. */
    peek(serverOrigin: string, url: string): ImageOutcome | null {
      return entries.get(keyOf(serverOrigin, url))?.settled ?? null
    },
    /**
     * Forgets what was hidden and what failed for a server, and what is still on its way (main
     * may have read the old choice), so it is asked again (after "Show").
     */
    forgetUnshown(serverOrigin: string) {
      forget(serverOrigin, (entry) => entry.settled === null || entry.settled.state !== 'shown')
    },
    /**
     * Forgets what was shown for a server, and what is still on its way (main may have read the
     * old choice), so main decides again (after "Hide"). Only main knows which shown image came
     * from another host (its media proxy, a redirect), so the server's own images are asked too.
     */
    forgetShown(serverOrigin: string) {
      forget(serverOrigin, (entry) => entry.settled === null || entry.settled.state === 'shown')
    },
    get size() {
      return entries.size
    },
  }
}

export type ImageCache = ReturnType<typeof createImageCache>
