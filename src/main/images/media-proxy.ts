import { readTextWithLimit } from '../http/read-body.ts'

const metaTimeoutMs = 10_000
const maxMetaBytes = 1024 * 1024

/**
 * The origin of a server's media proxy (meta's `mediaProxy`, e.g. `https://misskey.example/proxy`
 * or a separate host), asked once per server and remembered for the session. Remote avatars and
 * emoji reach a Misskey client through it, so it is trusted like the server itself. A failed ask
 * is not remembered: the next image asks again.
 */
export function createMediaProxyLookup(fetcher: typeof fetch) {
  const known = new Map<string, Promise<string | null>>()

  async function ask(serverOrigin: string): Promise<string | null> {
    const response = await fetcher(`${serverOrigin}/api/meta`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ detail: false }),
      signal: AbortSignal.timeout(metaTimeoutMs),
    })
    if (!response.ok) throw new Error(`meta answered ${response.status}`)
    const read = await readTextWithLimit(response, maxMetaBytes)
    if (read.kind !== 'complete') throw new Error('meta is too large')
    const proxy = (JSON.parse(read.text) as { mediaProxy?: unknown }).mediaProxy
    if (typeof proxy !== 'string') return null
    try {
      const url = new URL(proxy)
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null
    } catch {
      return null
    }
  }

  return {
    mediaProxyOrigin(serverOrigin: string): Promise<string | null> {
      let pending = known.get(serverOrigin)
      if (!pending) {
        pending = ask(serverOrigin)
        known.set(serverOrigin, pending)
        pending.catch(() => known.delete(serverOrigin))
      }
      return pending.catch(() => null)
    },
  }
}
