// How the search box's words become an FTS5 query on `entry_words` (unicode61 word tokens).
// A typed word is split where the tokenizer splits ("notes/show" is the tokens "notes" "show",
// "no_such_note" is "no" "such" "note") and searched as a phrase, so its tokens must be next to
// each other, as whole tokens. When nothing matches that way, the last word's last token is
// taken as a prefix (the user may still be typing it: "notes/sh" finds notes/show); not at
// first, because a prefix merges the posting lists of every token it starts ("note" would
// bring in "notes", half the history).

/** The query's words, lower-cased; an entry matches when it contains every one. */
export function queryWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
}

// unicode61's token characters by default: letters, numbers and private-use characters.
const tokenPattern = /[\p{L}\p{N}\p{Co}]+/gu

/** True when a character of the word is part of a script written without spaces (one token per run). */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u

/**
 * The FTS5 MATCH expression for the words, or null when a word cannot be found through word
 * tokens: it is only punctuation ("{"), or it is Japanese or Chinese (written without spaces,
 * a whole run of text is one token, so a word inside it would be missed). Those queries are
 * answered by the bounded scan instead (history-sql-query.ts).
 */
export function matchExpression(words: string[], lastIsPrefix: boolean): string | null {
  const phrases: string[] = []
  for (const [index, word] of words.entries()) {
    const tokens = word.match(tokenPattern)
    if (!tokens || unspacedScript.test(word)) return null
    const last = tokens.at(-1)!
    // A one-character prefix would merge the lists of every token starting with it: whole token.
    const prefix = lastIsPrefix && index === words.length - 1 && [...last].length >= 2
    phrases.push(`"${tokens.join(' ')}"${prefix ? ' *' : ''}`)
  }
  return phrases.length > 0 ? phrases.join(' AND ') : null
}
