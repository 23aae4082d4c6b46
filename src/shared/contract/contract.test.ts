import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { bridgeArgumentSchemas } from './index.ts'

const accepts = (method: keyof typeof bridgeArgumentSchemas, args: unknown[]) =>
  v.safeParse(bridgeArgumentSchemas[method], args).success

const draft = {
  name: 'Create',
  origin: 'https://misskey.example',
  endpoint: 'notes/create',
  authMode: 'header',
  accountLabel: 'alice',
  body: '{}',
  notes: '',
  captures: [{ variable: 'noteId', path: 'createdNote.id' }],
}

describe('the storage part of the contract', () => {
  it('takes collection paths inside the collection only', () => {
    expect(accepts('collections.deleteRequest', ['flow/Create.request.json'])).toBe(true)
    expect(accepts('collections.saveRequest', ['', draft])).toBe(true)
    for (const path of [
      '../x.request.json',
      'flow/../../x',
      '/etc/passwd',
      'a\\b',
      'a//b',
      'C:x',
    ]) {
      expect(accepts('collections.deleteRequest', [path]), path).toBe(false)
    }
    expect(accepts('collections.deleteRequest', ['a'.repeat(1025)])).toBe(false)
  })

  it('checks a saved request field by field, with no room for a token', () => {
    expect(accepts('collections.saveRequest', ['', { ...draft, token: 'x' }])).toBe(false)
    expect(accepts('collections.saveRequest', ['', { ...draft, endpoint: '../i' }])).toBe(false)
    expect(accepts('collections.saveRequest', ['', { ...draft, origin: 'file:///' }])).toBe(false)
    expect(
      accepts('collections.saveRequest', [
        '',
        { ...draft, captures: [{ variable: '1x', path: 'a' }] },
      ]),
    ).toBe(false)
  })

  it('bounds history queries and environments', () => {
    expect(accepts('history.search', [{ text: 'walrus', statusClasses: ['4xx'], limit: 50 }])).toBe(
      true,
    )
    expect(accepts('history.search', [{ limit: 501 }])).toBe(false)
    expect(accepts('history.search', [{ cursor: 'abc' }])).toBe(false)
    expect(accepts('history.search', [{ statusClasses: ['6xx'] }])).toBe(false)
    const many = Object.fromEntries(Array.from({ length: 501 }, (_, n) => [`v${n}`, '']))
    expect(accepts('environments.save', [{ name: 'local', variables: many }])).toBe(false)
    expect(accepts('environments.save', [{ name: 'local', variables: { noteId: 'x' } }])).toBe(true)
    expect(accepts('environments.setActive', [null])).toBe(true)
  })
})
