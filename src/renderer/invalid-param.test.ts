import { describe, expect, it } from 'vitest'
import { fieldOfInvalidParam } from './invalid-param.ts'

describe('fieldOfInvalidParam', () => {
  it.each([
    [
      { param: '#/properties/noteId/type', reason: 'must be string' },
      { field: 'noteId', missing: false },
    ],
    [
      { param: '#/then/properties/text/type', reason: 'must be string,null' },
      { field: 'text', missing: false },
    ],
    [
      { param: '#/properties/poll/properties/choices/minItems', reason: 'x' },
      { field: 'choices', missing: false },
    ],
    [
      { param: '#/required', reason: "must have required property 'noteId'" },
      { field: 'noteId', missing: true },
    ],
    [
      { param: '#/then/required', reason: "must have required property 'text'" },
      { field: 'text', missing: true },
    ],
    [
      { param: 'isSensitive', reason: 'cannot cast to boolean' },
      { field: 'isSensitive', missing: false },
    ],
  ])('finds the field in %j', (info, expected) => {
    expect(fieldOfInvalidParam(info)).toEqual(expected)
  })

  it('gives up on what it cannot read', () => {
    expect(fieldOfInvalidParam(null)).toBeNull()
    expect(fieldOfInvalidParam({ param: '#/type', reason: 'must be object' })).toBeNull()
    expect(fieldOfInvalidParam({ remaining: 0 })).toBeNull()
  })
})
