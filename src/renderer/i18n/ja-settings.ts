// 日本語: アプリ自体の設定（言語の切り替え）。
import type { settingsMessages as english } from './en-settings.ts'
import type { Translation } from './translation.ts'

export const settingsMessages: Translation<typeof english> = {
  settings: {
    languageLabel: '言語',
    languages: {
      system: 'システム（{language}）',
      en: 'English',
      ja: '日本語',
    },
  },
}
