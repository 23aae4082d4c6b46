import MiniSearch from 'minisearch'
import type { CatalogEndpoint } from './catalog.ts'
import { foldTerm, queryWords, type QueryWord } from './search-terms.ts'
import { endpointWords } from './search-vocabulary.ts'

export interface EndpointIndex {
  /** Endpoints matching the query, best first; all endpoints for an empty query. */
  search(query: string): CatalogEndpoint[]
}

interface IndexedEndpoint {
  id: number
  name: string
  words: string
  tags: string
  description: string
}

interface Ranked {
  endpoint: CatalogEndpoint
  /** 3 exact name, 2 name prefix, 1 words matched, 0 letters in order only. */
  tier: number
  /** How many of the query's words it matched: a result matching more of them comes first. */
  coverage: number
  score: number
}

// The name says the most; our plain words for an endpoint nearly as much; tags group dozens
// of endpoints and descriptions are rare and long, so they count for less.
const fieldBoosts = { name: 3, words: 2, tags: 1, description: 0.5 }

/**
 * Built once per catalog (MiniSearch's BM25 index, under a millisecond for Misskey's 400-odd
 * endpoints) so that each keystroke only looks terms up. Query words are expanded with the
 * synonyms of search-vocabulary.ts, so plain English or Japanese finds the endpoint whose name
 * says it in Misskey's words; no word is required, but results matching more words rank first.
 */
export function createEndpointIndex(endpoints: readonly CatalogEndpoint[]): EndpointIndex {
  const miniSearch = new MiniSearch<IndexedEndpoint>({
    fields: ['name', 'words', 'tags', 'description'],
    processTerm: (term) => foldTerm(term),
  })
  miniSearch.addAll(
    endpoints.map((endpoint, id) => ({
      id,
      name: endpoint.name,
      words: endpointWords[endpoint.name] ?? '',
      tags: endpoint.tags.join(' '),
      description: endpoint.description,
    })),
  )

  return {
    search(query) {
      const trimmed = query.trim().toLowerCase()
      if (trimmed === '') return endpoints.slice()
      const ranked = new Map<number, Ranked>()
      const words = queryWords(trimmed)
      // Typed like a name (`notes/sh`, `drive-files`): every part must match, as in a path.
      const nameLike = /^[^\s]*[/_-][^\s]*$/.test(trimmed)
      for (const result of searchWords(miniSearch, words)) {
        const endpoint = endpoints[result.id]
        if (!endpoint || (nameLike && result.coverage < words.length)) continue
        ranked.set(result.id, { endpoint, tier: 1, ...result })
      }
      // One token with no space: it may be (the start of) a name, or letters in order (`ntcr`).
      if (!/\s/.test(trimmed)) {
        endpoints.forEach((endpoint, id) => {
          const name = endpoint.name.toLowerCase()
          const tier =
            name === trimmed
              ? 3
              : name.startsWith(trimmed)
                ? 2
                : isSubsequence(trimmed, name)
                  ? 0
                  : -1
          if (tier < 0) return
          const known = ranked.get(id)
          if (known) known.tier = Math.max(known.tier, tier)
          // Letters in order: the shorter the name around them, the likelier it is meant.
          else ranked.set(id, { endpoint, tier, coverage: 0, score: -name.length })
        })
      }
      return [...ranked.values()].sort(byRank).map((item) => item.endpoint)
    },
  }
}

/**
 * Names starting with the query keep their alphabetical order (predictable while typing a name);
 * word matches go by how many words they matched, then by BM25 score.
 */
function byRank(a: Ranked, b: Ranked): number {
  if (a.tier !== b.tier) return b.tier - a.tier
  if (a.tier === 1) {
    if (a.coverage !== b.coverage) return b.coverage - a.coverage
    if (a.score !== b.score) return b.score - a.score
  }
  if (a.tier === 0 && a.score !== b.score) return b.score - a.score
  return a.endpoint.name < b.endpoint.name ? -1 : 1
}

function searchWords(
  miniSearch: MiniSearch<IndexedEndpoint>,
  words: QueryWord[],
): Array<{ id: number; coverage: number; score: number }> {
  if (words.length === 0) return []
  // Which query words each searched term stands for, to count the words a result matched.
  const wordsOfTerm = new Map<string, Set<number>>()
  const typed = new Set<string>()
  words.forEach((word, index) => {
    typed.add(word.term)
    for (const term of [word.term, ...word.synonyms]) {
      const set = wordsOfTerm.get(term) ?? new Set<number>()
      set.add(index)
      wordsOfTerm.set(term, set)
    }
  })
  const results = miniSearch.search([...wordsOfTerm.keys()].join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boost: fieldBoosts,
    combineWith: 'OR',
    // Only what was typed is completed (from two letters: one letter starts half the names)
    // and forgiven a typo (one letter in words of five or more, two from nine, where a swap of
    // two letters counts two); the vocabulary's synonyms are exact words already.
    prefix: (term) => typed.has(term) && term.length >= 2,
    fuzzy: (term) => (typed.has(term) && term.length >= 5 ? (term.length >= 9 ? 2 : 1) : false),
    boostTerm: (term) => (typed.has(term) ? 1 : 0.8),
  })
  return results.map((result) => {
    const matched = new Set<number>()
    for (const term of result.queryTerms) {
      for (const index of wordsOfTerm.get(term) ?? []) matched.add(index)
    }
    return { id: result.id as number, coverage: matched.size, score: result.score }
  })
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
