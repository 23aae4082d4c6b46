import { synonymGroups } from './search-vocabulary.ts'

/** One word of the query and what it stands for, ready to look up in the endpoint index. */
export interface QueryWord {
  /** The word as typed, folded: searched with prefix and typo tolerance. */
  term: string
  /** Its synonyms' terms from the vocabulary, searched as they are. */
  synonyms: string[]
}

// Small words that carry no meaning of their own in a query; they are left out so that they
// never exclude or reorder a result ("post a note" = "post note").
const stopWords = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'for',
  'at',
  'by',
  'with',
  'from',
  'into',
  'and',
  'or',
  'as',
  'is',
  'are',
  'be',
  'it',
  'its',
  'this',
  'that',
  'some',
  'please',
  'want',
  'how',
  'do',
  'can',
  'via',
  'about',
  'using',
  'api',
  'endpoint',
])

/** Lower case, plural folded (`notes` → `note`, `replies` → `reply`), as in the index. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase()
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`
  if (lower.length > 3 && lower.endsWith('s') && !/(ss|us|is)$/.test(lower)) {
    return lower.slice(0, -1)
  }
  return lower
}

const synonymsByWord = new Map<string, Set<string>>()
for (const group of synonymGroups) {
  for (const word of group.words) {
    const key = foldTerm(word.normalize('NFKC'))
    const known = synonymsByWord.get(key) ?? new Set<string>()
    for (const meaning of group.means) known.add(foldTerm(meaning))
    synonymsByWord.set(key, known)
  }
}

// Japanese is written without spaces: a run of it is split at the vocabulary's words, longest
// first; what lies between them (particles such as を, の, に and endings such as する) is left.
const japaneseWords = [...synonymsByWord.keys()].filter((word) => !/^[\x20-\x7e]+$/.test(word))
const longestJapaneseWord = Math.max(0, ...japaneseWords.map((word) => word.length))
const japaneseWordSet = new Set(japaneseWords)

function splitJapanese(run: string): string[] {
  const words: string[] = []
  let position = 0
  while (position < run.length) {
    let length = Math.min(longestJapaneseWord, run.length - position)
    while (length > 0 && !japaneseWordSet.has(run.slice(position, position + length))) length--
    if (length > 0) {
      words.push(run.slice(position, position + length))
      position += length
    } else {
      position++
    }
  }
  return words
}

/** The query's words (Latin words as typed, Japanese split at known words), folded. */
export function queryWords(query: string): QueryWord[] {
  const text = query.normalize('NFKC').toLowerCase()
  const words: string[] = []
  // Latin letters and digits form words; everything else that is not punctuation or space
  // (kana, kanji) forms runs of Japanese.
  for (const match of text.matchAll(/([a-z0-9]+)|([^\s\p{P}\p{S}a-z0-9]+)/gu)) {
    if (match[1]) words.push(match[1])
    else words.push(...splitJapanese(match[2] ?? ''))
  }
  const meaningful = words.filter((word) => !stopWords.has(word))
  const kept = meaningful.length > 0 ? meaningful : words
  const seen = new Set<string>()
  const result: QueryWord[] = []
  for (const word of kept) {
    const term = foldTerm(word)
    if (seen.has(term)) continue
    seen.add(term)
    const synonyms = [...(synonymsByWord.get(term) ?? [])].filter((synonym) => synonym !== term)
    result.push({ term, synonyms })
  }
  return result
}
