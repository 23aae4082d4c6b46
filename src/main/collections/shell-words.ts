/**
 * Splits a shell command line into words the way bash would, without ever expanding anything:
 * 'single', "double" (with \" \\ \$ \` escapes), $'ANSI-C' (what browsers' "Copy as cURL" writes
 * for bodies with special characters), backslash escapes, and line continuations (`\`, and the
 * `^` of Windows' cmd). Hand-written because the npm parsers either expand `$variables` or do
 * not know `$'…'`. Returns null for an unterminated quote.
 */
export function shellWords(command: string): string[] | null {
  const words: string[] = []
  let word = ''
  let inWord = false
  let index = 0
  const text = command.replace(/\r\n/g, '\n')
  while (index < text.length) {
    const char = text[index]!
    if ((char === '\\' || char === '^') && text[index + 1] === '\n') {
      index += 2
      continue
    }
    if (char === ' ' || char === '\t' || char === '\n') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
      index++
      continue
    }
    inWord = true
    if (char === "'") {
      const end = text.indexOf("'", index + 1)
      if (end === -1) return null
      word += text.slice(index + 1, end)
      index = end + 1
    } else if (char === '$' && text[index + 1] === "'") {
      const read = readAnsiC(text, index + 2)
      if (!read) return null
      word += read.value
      index = read.end
    } else if (char === '"') {
      const read = readDoubleQuoted(text, index + 1)
      if (!read) return null
      word += read.value
      index = read.end
    } else if (char === '\\') {
      word += text[index + 1] ?? ''
      index += 2
    } else {
      word += char
      index++
    }
  }
  if (inWord) words.push(word)
  return words
}

function readDoubleQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = ''
  for (let index = start; index < text.length; index++) {
    const char = text[index]!
    if (char === '"') return { value, end: index + 1 }
    if (char === '\\' && index + 1 < text.length) {
      const next = text[index + 1]!
      if (next === '\n') {
        index++
        continue
      }
      if ('"\\$`'.includes(next)) {
        value += next
        index++
        continue
      }
    }
    value += char
  }
  return null
}

const ansiEscapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
}

function readAnsiC(text: string, start: number): { value: string; end: number } | null {
  let value = ''
  // `\xHH` escapes are bytes: consecutive ones are decoded together as UTF-8.
  let bytes: number[] = []
  const flush = () => {
    if (bytes.length > 0) value += new TextDecoder().decode(new Uint8Array(bytes))
    bytes = []
  }
  for (let index = start; index < text.length; index++) {
    const char = text[index]!
    const escape =
      char === '\\'
        ? /^(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/.exec(text.slice(index + 1))
        : null
    if (escape?.[1] !== undefined) {
      bytes.push(parseInt(escape[1], 16))
      index += escape[0].length
      continue
    }
    flush()
    if (char === "'") return { value, end: index + 1 }
    if (escape) {
      value += String.fromCodePoint(parseInt(escape[2] ?? escape[3]!, 16))
      index += escape[0].length
    } else if (char === '\\') {
      const next = text[index + 1] ?? ''
      value += ansiEscapes[next] ?? `\\${next}`
      index++
    } else {
      value += char
    }
  }
  return null
}
