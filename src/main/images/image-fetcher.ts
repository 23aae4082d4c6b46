import type { ImageAnswer } from '../../shared/contract/images.ts'
import { readBodyWithLimit } from '../http/read-body.ts'

/** Larger than any avatar, emoji or thumbnail Misskey makes; an original photo may be refused. */
export const maxImageBytes = 5 * 1024 * 1024
const maxRedirects = 3
const timeoutMs = 15_000

export interface ImageFetchDependencies {
  fetch: typeof fetch
  /** Whether an image on this URL's host may load; asked again for every redirect hop. */
  hostVerdict: (url: URL) => 'allowed' | 'hidden'
  maxBytes?: number
}

/**
 * One image, fetched the way a careful browser would fetch a third-party image: no cookie, no
 * token, no referrer, only http(s), only an image/* answer, at most `maxBytes` once decompressed.
 * Redirects are followed by hand so that each hop is checked against the same host rules: a
 * server's own URL must not bounce the request to a host the user has not allowed.
 */
export async function fetchImage(
  address: string,
  dependencies: ImageFetchDependencies,
): Promise<ImageAnswer> {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return { kind: 'refused', reason: 'not-http' }
  }
  const signal = AbortSignal.timeout(timeoutMs)
  for (let hop = 0; hop <= maxRedirects; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { kind: 'refused', reason: 'not-http' }
    }
    if (dependencies.hostVerdict(url) === 'hidden') {
      return hop === 0
        ? { kind: 'host-hidden', host: url.host }
        : { kind: 'refused', reason: 'redirected-elsewhere' }
    }
    let response: Response
    try {
      response = await dependencies.fetch(url, {
        method: 'GET',
        // Nothing that identifies the user: no cookies, no Authorization, no Referer.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'manual',
        headers: { accept: 'image/*' },
        signal,
      })
    } catch {
      return { kind: 'refused', reason: 'unreachable' }
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location')
      await response.body?.cancel()
      if (!location) return { kind: 'refused', reason: 'http-error' }
      url = new URL(location, url)
      continue
    }
    if (!response.ok) {
      await response.body?.cancel()
      return { kind: 'refused', reason: 'http-error' }
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
    if (!/^image\/[a-z0-9.+-]+$/i.test(contentType)) {
      await response.body?.cancel()
      return { kind: 'refused', reason: 'not-an-image' }
    }
    try {
      const read = await readBodyWithLimit(response, dependencies.maxBytes ?? maxImageBytes)
      if (read.kind === 'too-large') return { kind: 'refused', reason: 'too-large' }
      return { kind: 'image', contentType: contentType.toLowerCase(), bytes: read.bytes }
    } catch {
      return { kind: 'refused', reason: 'unreachable' }
    }
  }
  return { kind: 'refused', reason: 'too-many-redirects' }
}
