import { afterEach, describe, expect, it } from 'vitest'
import { formatBytes, formatDuration } from './format.ts'
import { currentLanguage, setLanguage } from './i18n/index.ts'

const started = currentLanguage()
afterEach(() => setLanguage(started))

describe('sizes and durations as the response meta and the history rows show them', () => {
  it('groups thousands and keeps at most the decimals that mean something', () => {
    setLanguage('en')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(1_234_567)).toBe('1.18 MB')
    expect(formatBytes(5_000_000_000)).toBe('4,768.37 MB')
    expect(formatDuration(12.4)).toBe('12 ms')
    expect(formatDuration(1234)).toBe('1.23 s')
    expect(formatDuration(12_345_678)).toBe('12,345.68 s')
  })

  it('follows the interface language when it switches', () => {
    setLanguage('ja')
    expect(formatDuration(850)).toBe('850 ミリ秒')
    expect(formatDuration(61_500)).toBe('61.5 秒')
    expect(formatBytes(2048)).toBe('2 KB')
  })
})
