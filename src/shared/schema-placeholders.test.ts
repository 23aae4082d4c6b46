import { describe, expect, it } from 'vitest'
import { createSchemaChecker } from './schema-check.ts'
import {
  maxPatternExampleLength,
  placeholderNumber,
  placeholderString,
} from './schema-placeholders.ts'

const check = createSchemaChecker({})

describe('placeholderString', () => {
  it('is empty when allowed, "example" sized to the bounds otherwise', () => {
    expect(placeholderString({ type: 'string' }, check)).toBe('')
    expect(placeholderString({ minLength: 3 }, check)).toBe('example')
    expect(placeholderString({ minLength: 9 }, check)).toBe('examplexx')
    expect(placeholderString({ minLength: 1, maxLength: 2 }, check)).toBe('ex')
  })

  it('gives distinct values for other variants (unique array items)', () => {
    const values = [0, 1, 2].map((variant) => placeholderString({ minLength: 1 }, check, variant))
    expect(values).toEqual(['example', 'example2', 'example3'])
  })

  it('uses format examples and builds from patterns when "example" does not fit', () => {
    // The validator knows email, so "" is refused; it does not know misskey:id.
    expect(placeholderString({ format: 'email' }, check)).toBe('user@example.com')
    expect(placeholderString({ format: 'misskey:id' }, check)).toBe('')
    expect(placeholderString({ pattern: '^#[0-9a-f]{6}$' }, check)).toBe('#000000')
    expect(placeholderString({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, check)).toBe('0000-00-00')
    expect(placeholderString({ pattern: '^[a-z]+$' }, check)).toBe('example')
    const second = placeholderString({ pattern: '^#[0-9a-f]{6}$' }, check, 1)
    expect(second).toMatch(/^#[0-9a-f]{6}$/)
    expect(second).not.toBe('#000000')
  })

  it('makes no huge example from a server’s pattern: it falls back to the placeholder', () => {
    // Each would be megabytes to gigabytes of text (or endless work) if generated in full.
    for (const pattern of [
      'a{50000000}',
      '^((a{1000}){1000}){1000}$',
      '^(a{9000})\\1\\1$',
      '^(?:){50000000}$',
      '^(?:b?){5000000}$',
      `^${'[a-z]{5000}'.repeat(3)}$`,
    ]) {
      expect(placeholderString({ pattern }, check), pattern).toBe('example')
    }
    // Up to the budget a pattern is still honoured.
    const limit = maxPatternExampleLength
    expect(placeholderString({ pattern: `^a{${limit}}$` }, check)).toBe('a'.repeat(limit))
    expect(placeholderString({ pattern: `^a{${limit + 1}}$` }, check)).toBe('example')
  })

  it('falls back to "example" for a pattern it cannot satisfy or read', () => {
    expect(placeholderString({ pattern: '^a$', minLength: 5 }, check)).toBe('example')
    expect(placeholderString({ pattern: '(?<=x)y' }, check)).toBe('example')
  })
})

describe('placeholderNumber', () => {
  it('is 0 when allowed, else the nearest bound', () => {
    expect(placeholderNumber({}, true, check)).toBe(0)
    expect(placeholderNumber({ minimum: 1, maximum: 100 }, true, check)).toBe(1)
    expect(placeholderNumber({ maximum: -5 }, true, check)).toBe(-5)
    expect(placeholderNumber({ minimum: 0.5 }, true, check)).toBe(1)
    expect(placeholderNumber({ minimum: 0.5 }, false, check)).toBe(0.5)
  })

  it('honours exclusive bounds in both drafts and multipleOf', () => {
    expect(placeholderNumber({ exclusiveMinimum: 0 }, true, check)).toBe(1)
    expect(placeholderNumber({ exclusiveMinimum: 0 }, false, check)).toBe(0.5)
    expect(placeholderNumber({ minimum: 0, exclusiveMinimum: true }, true, check)).toBe(1)
    expect(placeholderNumber({ maximum: 0, exclusiveMaximum: true }, true, check)).toBe(-1)
    expect(placeholderNumber({ minimum: 1, multipleOf: 3 }, true, check)).toBe(3)
  })

  it('gives distinct values for other variants, within the bounds', () => {
    expect(
      [0, 1, 2].map((variant) => placeholderNumber({ minimum: 5 }, true, check, variant)),
    ).toEqual([5, 6, 7])
    expect(placeholderNumber({ minimum: 1, maximum: 1 }, true, check, 3)).toBe(1)
  })

  it('guesses the middle of the range when bounds and multipleOf disagree', () => {
    expect(placeholderNumber({ minimum: 1, maximum: 2, multipleOf: 5 }, true, check)).toBe(2)
  })
})
