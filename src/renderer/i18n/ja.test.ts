import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { ja } from './ja.ts'

// Every English key has its Japanese, with the same placeholders, and nothing more. When a key
// is added in English only, the first test names it (e.g. `missing in ja: history.newKey`):
// add its Japanese at the same path in the ja*.ts file of the same domain.

type Messages = { [key: string]: string | Messages }

function leaves(messages: Messages, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') found.set(path, value)
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text)
  }
  return found
}

/** Named placeholders ({count}), over all plural forms; `{'{}'}` literals are not names. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\s*(\w+)\s*\}/g)].map((match) => match[1]))].sort()

const english = leaves(en as unknown as Messages)
const japanese = leaves(ja as unknown as Messages)

describe('Japanese messages', () => {
  it('have every English key, and no key English lacks', () => {
    const missing = [...english.keys()].filter((key) => !japanese.has(key))
    const extra = [...japanese.keys()].filter((key) => !english.has(key))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it('use the same placeholders as English in every message', () => {
    const differing = [...english]
      .filter(([key]) => japanese.has(key))
      .map(([key, text]) => ({
        key,
        en: placeholders(text),
        ja: placeholders(japanese.get(key) ?? ''),
      }))
      .filter((entry) => entry.en.join() !== entry.ja.join())
    expect(differing).toEqual([])
  })

  it('have as many plural forms as English', () => {
    const forms = (text: string) => text.split(' | ').length
    const differing = [...english]
      .filter(([key, text]) => japanese.has(key) && forms(text) !== forms(japanese.get(key) ?? ''))
      .map(([key]) => key)
    expect(differing).toEqual([])
  })

  it('are written in Japanese, apart from names that stay as they are', () => {
    // A message left in English by mistake has no kana or kanji at all. Names of protocols,
    // formats and Misskey's own API words are the same in both languages.
    const sameInBothLanguages =
      /^(\{\w+\}|[\s·:()|{}'"/.,→?↵⌘▾+\-…#]|\d|B|KB|MB|ms|GET|id|OK|curl|JavaScript fetch|misskey-js|multipart|MiAuth|OAuth 2|Misskey API Explorer|Ctrl\+Enter|Misskey|HTTP|English|2xx|3xx|4xx|5xx|createdNote\.id|createdNote\.text|noteId|NO_SUCH_NOTE|drive\/files\/show|\^hel|[a-z]+\.example.*|http:\S+|e\.g\..*)+$/
    const untranslated = [...japanese]
      .filter(([, text]) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(text))
      .filter(([, text]) => !sameInBothLanguages.test(text))
      .map(([key, text]) => `${key}: ${text}`)
    expect(untranslated).toEqual([])
  })
})
