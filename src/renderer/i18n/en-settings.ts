// English messages of the app's own settings (the language switch).
export const settingsMessages = {
  settings: {
    languageLabel: 'Language',
    languages: {
      system: 'System ({language})',
      // Each language is named in itself, whatever the interface language is.
      en: 'English',
      ja: '日本語',
    },
  },
}
