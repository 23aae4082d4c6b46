import { describe, expect, it } from 'vitest'
import { mergeIntoBody } from './schema-sample.ts'

describe('mergeIntoBody', () => {
  it("adds missing fields after the user's, keeping their values and order", () => {
    const text = '{\n  "text": "mine",\n  "cw": null\n}'
    const merged = mergeIntoBody(text, { visibility: 'public', text: 'example', localOnly: false })
    expect(merged).toEqual({
      ok: true,
      value:
        '{\n  "text": "mine",\n  "cw": null,\n  "visibility": "public",\n  "localOnly": false\n}',
    })
  })

  it('completes nested objects and leaves arrays and other values as typed', () => {
    const merged = mergeIntoBody('{poll: {choices: ["a"]}, fileIds: [], other: "x"}', {
      poll: { choices: ['', ''], multiple: false },
      fileIds: ['sample'],
      other: { nested: true },
    })
    expect(merged.ok && JSON.parse(merged.value)).toEqual({
      poll: { choices: ['a'], multiple: false },
      fileIds: [],
      other: 'x',
    })
  })

  it('starts from {} for an empty editor and reports a body it cannot read', () => {
    expect(mergeIntoBody('  ', { a: 1 })).toEqual({ ok: true, value: '{\n  "a": 1\n}' })
    expect(mergeIntoBody('{"a": ', { a: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BODY_NOT_JSON', detail: { line: 1 } },
    })
    expect(mergeIntoBody('[1]', { a: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BODY_NOT_OBJECT' },
    })
  })
})
