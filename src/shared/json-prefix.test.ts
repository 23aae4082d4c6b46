import { describe, expect, it } from 'vitest'
import { indentJsonPrefix } from './json-prefix.ts'

describe('indentJsonPrefix', () => {
  it.each([
    [
      {
        a: 1,
        b: [1, 2, { c: 'x' }],
        d: {},
        e: [],
        f: null,
        g: 'with "quotes", {braces} and: colons',
      },
    ],
    [[{ id: 'au22p4a1hj5z0004', text: 'こんにちは\n世界 \\ done', reactions: { '👍': 2 } }]],
    [{ nested: { deeper: { deepest: [true, false, 1.5e-7] } } }],
  ])('prints a whole compact text exactly as JSON.stringify with 2 spaces', (value) => {
    expect(indentJsonPrefix(JSON.stringify(value), Infinity)).toEqual({
      text: JSON.stringify(value, null, 2),
      complete: true,
    })
  })

  it('stops near the limit, mid-structure, and says so', () => {
    const compact = JSON.stringify(
      Array.from({ length: 1000 }, (_, id) => ({ id, text: 'note, with "text"' })),
    )
    const preview = indentJsonPrefix(compact, 500)
    expect(preview.complete).toBe(false)
    expect(preview.text.length).toBeLessThan(520)
    expect(JSON.stringify(JSON.parse(compact), null, 2).startsWith(preview.text)).toBe(true)
  })
})
