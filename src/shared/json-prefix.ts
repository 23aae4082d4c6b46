/**
 * Indents the start of a JSON text without parsing it, so a preview of a huge body is readable at
 * once: it works on a prefix cut anywhere (even inside a string) and never builds the whole value.
 * Compact input (as Misskey sends it) comes out like JSON.stringify(value, null, 2) would print it.
 */
export function indentJsonPrefix(
  text: string,
  maxOutputChars: number,
): { text: string; complete: boolean } {
  let out = ''
  let depth = 0
  let inString = false
  let escaped = false
  let index = 0
  const newline = () => '\n' + '  '.repeat(depth)
  for (; index < text.length && out.length < maxOutputChars; index++) {
    const char = text[index] as string
    if (inString) {
      out += char
      if (escaped) escaped = false
      else if (char === '\\') escaped = true
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') {
      inString = true
      out += char
    } else if (char === '{' || char === '[') {
      const closing = char === '{' ? '}' : ']'
      // Keep empty objects and arrays on one line, as JSON.stringify does.
      const next = nextSignificant(text, index + 1)
      if (next !== -1 && text[next] === closing) {
        out += char + closing
        index = next
      } else {
        depth++
        out += char + newline()
      }
    } else if (char === '}' || char === ']') {
      depth = Math.max(0, depth - 1)
      out += newline() + char
    } else if (char === ',') {
      out += ',' + newline()
    } else if (char === ':') {
      out += ': '
    } else if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t') {
      out += char
    }
  }
  return { text: out, complete: index >= text.length }
}

function nextSignificant(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index]
    if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t') return index
  }
  return -1
}
