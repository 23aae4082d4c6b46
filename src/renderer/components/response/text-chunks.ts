/**
 * Splits a text into pieces of about `size` characters that end at a line break (the last piece
 * ends where the text does), so a big answer can go into the editor a piece per task: each
 * piece adds whole lines, and joined they are the text exactly.
 */
export function textChunks(text: string, size: number): string[] {
  const chunks: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + size)
    if (end < text.length) {
      const lineEnd = text.indexOf('\n', end)
      end = lineEnd === -1 ? text.length : lineEnd + 1
    }
    chunks.push(text.slice(start, end))
    start = end
  }
  return chunks
}

/** The first `count` lines of `text` (without the line break that ends the last of them). */
export function firstLines(text: string, count: number): string {
  let end = -1
  for (let line = 0; line < count; line++) {
    end = text.indexOf('\n', end + 1)
    if (end === -1) return text
  }
  return text.slice(0, end)
}
