import type { LanguagePreference } from '../../shared/contract/settings.ts'

export type UiLanguage = 'en' | 'ja'

/** The system's language as the page sees it (Electron passes the OS locale to Chromium). */
export function systemLanguage(): UiLanguage {
  const preferred = navigator.languages?.[0] ?? navigator.language ?? 'en'
  return preferred.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

export function resolveLanguage(preference: LanguagePreference): UiLanguage {
  return preference === 'system' ? systemLanguage() : preference
}
