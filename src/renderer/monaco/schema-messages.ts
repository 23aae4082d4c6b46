import { en } from '../i18n/en.ts'
import { currentLanguage, i18n } from '../i18n/index.ts'

// Monaco's JSON worker writes its problems in English only. Each English message of
// en-schema.ts becomes a pattern ({0} → a value); a problem that matches one is shown in the
// interface's language, any other as the worker wrote it.
const patterns = Object.entries(en.schema).map(([key, text]) => {
  const escaped = text.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  return {
    key: `schema.${key}`,
    pattern: new RegExp(`^${escaped.replace(/\{\d\}/g, '(.+?)')}$`),
  }
})

export function translateSchemaMessage(message: string): string {
  if (currentLanguage() === 'en') return message
  for (const { key, pattern } of patterns) {
    const match = pattern.exec(message)
    if (match) return i18n.global.t(key, match.slice(1))
  }
  return message
}
