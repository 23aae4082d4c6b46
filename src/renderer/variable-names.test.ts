import { describe, expect, it } from 'vitest'
import { substituteVariables } from '../shared/variables.ts'
import { variableNames } from './variable-names.ts'

describe('variableNames', () => {
  it('lists each name once, as main fills them in', () => {
    const text =
      '{ "noteId": "{{noteId}}", "again": "{{ noteId }}", "limit": {{limit}}, "x": "{{1bad}}" }'
    expect(variableNames(text)).toEqual(['noteId', 'limit'])
    expect(substituteVariables(text, {}).unknown).toEqual(['noteId', 'limit'])
  })
})
