// settings.* — app settings kept by main in settings.json so they survive a restart; answered
// by services.settings. Only the interface language for now.
import * as v from 'valibot'
import type { ArgumentSchemasFor } from './common-schemas.ts'
import type { Result } from '../result.ts'

/** 'system' follows the system's language; the others are the user's explicit choice. */
export const languagePreferences = ['system', 'en', 'ja'] as const
export type LanguagePreference = (typeof languagePreferences)[number]

export interface SettingsMethods {
  /** The interface language the user chose ('system' until they choose). */
  'settings.getLanguage'(): Promise<Result<LanguagePreference>>
  'settings.setLanguage'(language: LanguagePreference): Promise<Result<LanguagePreference>>
}

export const settingsArgumentSchemas = {
  'settings.getLanguage': v.strictTuple([]),
  'settings.setLanguage': v.strictTuple([v.picklist(languagePreferences)]),
} satisfies ArgumentSchemasFor<SettingsMethods>
