import { afterEach, describe, expect, it } from 'vitest'
import { en } from '../../i18n/en.ts'
import { currentLanguage, setLanguage } from '../../i18n/index.ts'
import { ja } from '../../i18n/ja.ts'
import { badgeLabels } from './badge-labels.ts'

describe('badge labels', () => {
  const before = currentLanguage()
  afterEach(() => setLanguage(before))

  it("are every badge's words in the window's language, and follow a switch", () => {
    setLanguage('en')
    expect(badgeLabels.value).toEqual(en.badges)
    setLanguage('ja')
    expect(badgeLabels.value).toEqual(ja.badges)
    expect(badgeLabels.value.credential).toBe('要トークン')
  })
})
