import { describe, expect, it } from 'vitest'
import {
  expectationsFromForm,
  formFromExpectations,
  type ExpectationsForm,
} from './expectations-form.ts'

const empty: ExpectationsForm = { status: '', errorCode: '', durationUnderMs: '', json: [] }

describe('the checks fields of the save dialog', () => {
  it('save nothing when left empty (the file then has no expectations key)', () => {
    expect(expectationsFromForm(empty)).toEqual({ ok: true, expectations: undefined })
    const blankRow = { ...empty, json: [{ path: ' ', kind: 'equals' as const, value: '' }] }
    expect(expectationsFromForm(blankRow)).toEqual({ ok: true, expectations: undefined })
  })

  it('read equals values as JSON, and plain words as text', () => {
    const form: ExpectationsForm = {
      status: ' 400 ',
      errorCode: 'NO_SUCH_NOTE',
      durationUnderMs: '500',
      json: [
        { path: 'a', kind: 'equals', value: '5' },
        { path: 'b', kind: 'equals', value: 'hello' },
        { path: 'c', kind: 'equals', value: '"5"' },
        { path: 'd', kind: 'missing', value: 'ignored' },
        { path: 'e[0].id', kind: 'matches', value: '^9' },
      ],
    }
    const saved = expectationsFromForm(form)
    expect(saved).toEqual({
      ok: true,
      expectations: {
        status: 400,
        errorCode: 'NO_SUCH_NOTE',
        durationUnderMs: 500,
        json: [
          { path: 'a', equals: 5 },
          { path: 'b', equals: 'hello' },
          { path: 'c', equals: '5' },
          { path: 'd', exists: false },
          { path: 'e[0].id', matches: '^9' },
        ],
      },
    })
    // Opened again, a string shows with its quotes so that it saves back as the same string.
    const reopened = formFromExpectations(saved.ok ? saved.expectations : undefined)
    expect(reopened.json.map((row) => row.value)).toEqual(['5', '"hello"', '"5"', '', '^9'])
    expect(expectationsFromForm(reopened)).toEqual(saved)
  })

  it.each([
    [{ status: '20' }, 'checks.badStatus'],
    [{ status: '600' }, 'checks.badStatus'],
    [{ errorCode: 'no such note' }, 'checks.badErrorCode'],
    [{ durationUnderMs: '0' }, 'checks.badDuration'],
    [{ durationUnderMs: '1.5' }, 'checks.badDuration'],
    [{ json: [{ path: 'a..b', kind: 'exists' as const, value: '' }] }, 'checks.badPath'],
    [{ json: [{ path: 'a', kind: 'matches' as const, value: '(' }] }, 'checks.badPattern'],
  ])('refuse %j with %s', (fields, key) => {
    const result = expectationsFromForm({ ...empty, ...fields })
    expect(result.ok === false && result.problem.key).toBe(key)
  })
})
