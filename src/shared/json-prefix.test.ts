import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSharedText } from '../../test-kit/support/shared-fixtures.ts'
import { indentJsonPrefix, indentedJsonPieces } from './json-prefix.ts'

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

describe('indentedJsonPieces', () => {
  it('joins up to JSON.stringify(value, null, 2) wherever the pieces are cut, from compact or spaced text', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(0, 4),
        (value, inputChars, spaces) => {
          const pieces = [...indentedJsonPieces(JSON.stringify(value, null, spaces), inputChars)]
          expect(pieces.join('')).toBe(JSON.stringify(value, null, 2))
        },
      ),
    )
  })

  it('gives no piece for an empty text, and one for a short one', () => {
    expect([...indentedJsonPieces('', 10)]).toEqual([])
    expect([...indentedJsonPieces('{"a":[]}', 100)]).toEqual(['{\n  "a": []\n}'])
  })

  it('splits a string longer than a piece, so no piece holds much more than its share', () => {
    const long = 'x'.repeat(10_000)
    const pieces = [...indentedJsonPieces(JSON.stringify({ long }), 1000)]
    expect(pieces.length).toBeGreaterThan(9)
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(1010)
    expect(pieces.join('')).toBe(JSON.stringify({ long }, null, 2))
  })

  const timeline = readSharedText('local-timeline-100.json')
  it.skipIf(timeline === null)(
    'lays out a real Misskey timeline as the page printed it before',
    () => {
      const text = timeline!
      expect([...indentedJsonPieces(text, 48 * 1024)].join('')).toBe(
        JSON.stringify(JSON.parse(text), null, 2),
      )
    },
  )
})

describe('indentJsonPrefix on any value', () => {
  it('is the start of the whole indented text, cut near the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 200 }), (value, limit) => {
        const pretty = JSON.stringify(value, null, 2)
        const preview = indentJsonPrefix(JSON.stringify(value), limit)
        expect(pretty.startsWith(preview.text)).toBe(true)
        expect(preview.complete).toBe(preview.text === pretty)
        if (!preview.complete) expect(preview.text.length).toBeGreaterThanOrEqual(limit)
      }),
    )
  })
})
