import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../i18n/index.ts'
import { translateSchemaMessage } from './schema-messages.ts'

afterEach(() => setLanguage('en'))

describe('schema problems in the interface language', () => {
  it('translates the JSON worker’s English messages, with their values', () => {
    setLanguage('ja')
    expect(translateSchemaMessage('Missing property "noteId".')).toBe(
      'プロパティ "noteId" がありません。',
    )
    expect(translateSchemaMessage('Incorrect type. Expected "string".')).toBe(
      '型が違います。"string" が必要です。',
    )
    expect(translateSchemaMessage('Object is missing property a required by property b.')).toBe(
      'プロパティ b があるときは、プロパティ a が必要です。',
    )
  })

  it('leaves English, and messages it does not know, as the worker wrote them', () => {
    expect(translateSchemaMessage('Missing property "noteId".')).toBe('Missing property "noteId".')
    setLanguage('ja')
    expect(translateSchemaMessage('Something new.')).toBe('Something new.')
  })
})
