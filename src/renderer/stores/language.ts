import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LanguagePreference } from '../../shared/contract/settings.ts'
import { getBridge } from '../bridge.ts'
import { setLanguage } from '../i18n/index.ts'
import { resolveLanguage } from '../i18n/languages.ts'

/**
 * The interface language: the system's unless the user picked one, kept by main in its settings
 * so it outlives a restart. Changing it swaps the messages in place: no reload, no lost work.
 */
export const useLanguageStore = defineStore('language', () => {
  const preference = ref<LanguagePreference>('system')

  function apply(next: LanguagePreference) {
    preference.value = next
    const language = resolveLanguage(next)
    setLanguage(language)
    // Chromium picks Japanese glyph shapes (and screen readers the voice) from the lang attribute.
    document.documentElement.lang = language
  }

  async function load() {
    const result = await getBridge()?.settings.getLanguage()
    apply(result?.ok ? result.value : preference.value)
  }

  async function choose(next: LanguagePreference) {
    apply(next)
    // Shown at once; a settings file that cannot be written only costs the choice at next start.
    await getBridge()?.settings.setLanguage(next)
  }

  return { preference, load, choose }
})
