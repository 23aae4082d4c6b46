import { createI18n } from 'vue-i18n'
import { en, type MessageSchema } from './en.ts'

export const i18n = createI18n<[MessageSchema], 'en'>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en },
  datetimeFormats: {
    en: {
      long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
      time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
      short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
    },
  },
})
