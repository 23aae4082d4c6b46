import type { CatalogEndpoint } from './catalog.ts'

interface IndexedEndpoint {
  endpoint: CatalogEndpoint
  name: string
  /** Name segments (`notes`, `create`) to reward matches at a segment start. */
  segments: string[]
  tags: string
  description: string
}

export interface EndpointIndex {
  /** Endpoints matching every word of the query, best first; all endpoints for an empty query. */
  search(query: string): CatalogEndpoint[]
}

/**
 * Built once per catalog so that each keystroke only compares lowercased strings; the real
 * catalog has over 400 endpoints and the picker filters on every key.
 */
export function createEndpointIndex(endpoints: readonly CatalogEndpoint[]): EndpointIndex {
  const indexed: IndexedEndpoint[] = endpoints.map((endpoint) => ({
    endpoint,
    name: endpoint.name.toLowerCase(),
    segments: endpoint.name.toLowerCase().split(/[/\-_]/),
    tags: endpoint.tags.join(' ').toLowerCase(),
    description: endpoint.description.toLowerCase(),
  }))

  return {
    search(query) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean)
      if (words.length === 0) return endpoints.slice()
      const scored: Array<{ endpoint: CatalogEndpoint; score: number }> = []
      for (const entry of indexed) {
        let total = 0
        for (const word of words) {
          const score = scoreWord(entry, word)
          if (score === 0) {
            total = 0
            break
          }
          total += score
        }
        if (total > 0) scored.push({ endpoint: entry.endpoint, score: total })
      }
      scored.sort((a, b) => b.score - a.score || (a.endpoint.name < b.endpoint.name ? -1 : 1))
      return scored.map((item) => item.endpoint)
    },
  }
}

function scoreWord(entry: IndexedEndpoint, word: string): number {
  if (entry.name === word) return 1000
  if (entry.name.startsWith(word)) return 500
  if (entry.segments.some((segment) => segment.startsWith(word))) return 300
  if (entry.name.includes(word)) return 200
  if (entry.tags.includes(word)) return 100
  if (entry.description.includes(word)) return 50
  return isSubsequence(word, entry.name) ? 10 : 0
}

/** `ntcr` matches `notes/create`: letters in order, gaps allowed. */
function isSubsequence(needle: string, haystack: string): boolean {
  let position = 0
  for (const character of needle) {
    position = haystack.indexOf(character, position)
    if (position === -1) return false
    position++
  }
  return true
}
