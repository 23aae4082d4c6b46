import { describe, expect, it } from 'vitest'
import { appErrorCodes } from '../../shared/result.ts'
import { en } from './en.ts'

describe('English messages', () => {
  it('explain every error code main can answer with', () => {
    const missing = appErrorCodes.filter((code) => !(code in en.errors))
    expect(missing).toEqual([])
  })
})
