import type { Ref } from 'vue'
import { createI18n } from 'vue-i18n'
import { en, type MessageSchema } from './en.ts'
import { ja } from './ja.ts'
import { systemLanguage, type UiLanguage } from './languages.ts'

const datetime = {
  long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const
const numbers = {
  integer: { maximumFractionDigits: 0 },
  decimal: { maximumFractionDigits: 2 },
} as const

// The system's language at first paint; the user's stored choice (stores/language.ts) follows
// as soon as main answers, and a switch changes `locale` in place, without a reload.
export const i18n = createI18n<[MessageSchema], 'en' | 'ja'>({
  legacy: false,
  locale: systemLanguage(),
  // A key merged in English before its Japanese exists shows in English rather than as a key.
  fallbackLocale: 'en',
  missingWarn: false,
  fallbackWarn: false,
  messages: { en, ja: ja as MessageSchema },
  datetimeFormats: { en: datetime, ja: datetime },
  numberFormats: { en: numbers, ja: numbers },
})

// Composition mode (legacy: false): `locale` is a ref, whatever vue-i18n's generic types say.
const locale = i18n.global.locale as unknown as Ref<UiLanguage>

/** The interface language now (reactive: read inside a render, it re-renders on a switch). */
export function currentLanguage(): UiLanguage {
  return locale.value
}

export function setLanguage(language: UiLanguage): void {
  locale.value = language
}
