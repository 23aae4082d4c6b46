import { computed } from 'vue'
import { currentLanguage, i18n } from '../../i18n/index.ts'

/**
 * The badges' words in the window's language, looked up once per language for every badge on
 * screen. The endpoint list draws a row of badges for each of a server's 400-odd endpoints; each
 * row asking vue-i18n for its words made some 2,000 lookups, a quarter of the time the list took to
 * appear on opening a server.
 */
export const badgeLabels = computed(() => {
  // Read first so that a switch of language makes them again (t reads it too, less visibly).
  currentLanguage()
  const { t } = i18n.global
  return {
    credential: t('badges.credential'),
    credentialTitle: t('badges.credentialTitle'),
    noCredential: t('badges.noCredential'),
    noCredentialTitle: t('badges.noCredentialTitle'),
    permissionTitle: t('badges.permissionTitle'),
    get: t('badges.get'),
    getTitle: t('badges.getTitle'),
    multipart: t('badges.multipart'),
    multipartTitle: t('badges.multipartTitle'),
    internal: t('badges.internal'),
    internalTitle: t('badges.internalTitle'),
    deprecated: t('badges.deprecated'),
    deprecatedTitle: t('badges.deprecatedTitle'),
  }
})
