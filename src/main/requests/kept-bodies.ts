/**
 * The last few large response bodies, kept in main so the page can ask for the whole text or a
 * file without main sending megabytes it may never show. Bounded: older ones are dropped.
 */
export interface KeptBodies {
  keep(requestId: string, body: KeptBody): void
  get(requestId: string): KeptBody | null
}

export interface KeptBody {
  bytes: Uint8Array
  contentType: string | null
  endpoint: string
}

export function createKeptBodies(limit = 4): KeptBodies {
  const bodies = new Map<string, KeptBody>()
  return {
    keep(requestId, body) {
      bodies.set(requestId, body)
      while (bodies.size > limit) bodies.delete(bodies.keys().next().value as string)
    },
    get: (requestId) => bodies.get(requestId) ?? null,
  }
}
