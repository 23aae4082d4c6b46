import { describe, expect, it } from 'vitest'
import { firstLines, textChunks } from './text-chunks.ts'

describe('textChunks', () => {
  it('gives back the text exactly, in pieces that end at a line break', () => {
    const text = Array.from(
      { length: 500 },
      (_, line) => `  "key${line}": ${'x'.repeat(line % 37)},`,
    ).join('\n')
    const chunks = textChunks(text, 1000)
    expect(chunks.join('')).toBe(text)
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('\n')).toBe(true)
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThan(1000 + 60)
  })

  it('keeps a small text, a text without line breaks and an empty text whole', () => {
    expect(textChunks('{"a": 1}', 1000)).toEqual(['{"a": 1}'])
    expect(textChunks('y'.repeat(5000), 1000)).toEqual(['y'.repeat(5000)])
    expect(textChunks('', 1000)).toEqual([])
  })
})

describe('firstLines', () => {
  it('keeps as many lines as asked for, and a shorter text whole', () => {
    expect(firstLines('a\nb\nc\nd', 2)).toBe('a\nb')
    expect(firstLines('a\nb\n', 2)).toBe('a\nb')
    expect(firstLines('a\nb', 5)).toBe('a\nb')
    expect(firstLines('one line', 1)).toBe('one line')
    expect(firstLines('', 3)).toBe('')
  })
})
