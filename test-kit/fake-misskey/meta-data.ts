// Instance metadata bodies, with the values a fresh Misskey 2025.5.0 sent (wire/meta.txt etc.).
import { FAKE_VERSION } from './spec.ts'
import type { JsonObject } from './types.ts'

export const MAX_FILE_SIZE = 262144000

export const policies: JsonObject = {
  gtlAvailable: true,
  ltlAvailable: true,
  canPublicNote: true,
  mentionLimit: 20,
  canInvite: false,
  inviteLimit: 0,
  inviteLimitCycle: 10080,
  inviteExpirationTime: 0,
  canManageCustomEmojis: false,
  canManageAvatarDecorations: false,
  canSearchNotes: false,
  canUseTranslator: true,
  canHideAds: false,
  driveCapacityMb: 100,
  maxFileSizeMb: 10,
  alwaysMarkNsfw: false,
  canUpdateBioMedia: true,
  pinLimit: 5,
  antennaLimit: 5,
  wordMuteLimit: 200,
  webhookLimit: 3,
  clipLimit: 10,
  noteEachClipsLimit: 200,
  userListLimit: 10,
  userEachUserListsLimit: 50,
  rateLimitFactor: 1,
  avatarDecorationLimit: 1,
  canImportAntennas: true,
  canImportBlocking: true,
  canImportFollowing: true,
  canImportMuting: true,
  canImportUserLists: true,
  chatAvailability: 'available',
}

const nulls = (...keys: string[]): JsonObject => Object.fromEntries(keys.map((key) => [key, null]))

const captchas: JsonObject = {
  disableRegistration: true,
  emailRequiredForSignup: false,
  enableHcaptcha: false,
  hcaptchaSiteKey: null,
  enableMcaptcha: false,
  mcaptchaSiteKey: null,
  mcaptchaInstanceUrl: null,
  enableRecaptcha: false,
  recaptchaSiteKey: null,
  enableTurnstile: false,
  turnstileSiteKey: null,
  enableTestcaptcha: false,
  googleAnalyticsMeasurementId: null,
  swPublickey: null,
  themeColor: null,
}

const links = (origin: string): JsonObject => ({
  name: null,
  shortName: null,
  uri: origin,
  description: null,
  langs: [],
  tosUrl: null,
  repositoryUrl: 'https://github.com/misskey-dev/misskey',
  feedbackUrl: 'https://github.com/misskey-dev/misskey/issues/new',
  impressumUrl: null,
  privacyPolicyUrl: null,
  inquiryUrl: null,
})

/** POST /api/meta: MetaLite, plus the MetaDetailed fields unless `detail: false`. */
export function metaBody(origin: string, detail: boolean): JsonObject {
  const lite: JsonObject = {
    maintainerName: null,
    maintainerEmail: null,
    version: FAKE_VERSION,
    providesTarball: false,
    ...links(origin),
    ...captchas,
    mascotImageUrl: '/assets/ai.png',
    ...nulls('bannerUrl', 'infoImageUrl', 'serverErrorImageUrl', 'notFoundImageUrl', 'iconUrl'),
    ...nulls('backgroundImageUrl', 'logoImageUrl'),
    maxNoteTextLength: 3000,
    defaultLightTheme: null,
    defaultDarkTheme: null,
    ads: [],
    notesPerOneAd: 0,
    enableEmail: false,
    enableServiceWorker: false,
    translatorAvailable: false,
    serverRules: [],
    policies,
    sentryForFrontend: null,
    mediaProxy: `${origin}/proxy`,
    enableUrlPreview: true,
    noteSearchableScope: 'global',
    maxFileSize: MAX_FILE_SIZE,
    federation: 'all',
  }
  if (!detail) return lite
  return {
    ...lite,
    cacheRemoteFiles: false,
    cacheRemoteSensitiveFiles: true,
    // The fake starts with its admin already created, so setup is done.
    requireSetup: false,
    proxyAccountName: 'system.proxy',
    features: {
      registration: false,
      emailRequiredForSignup: false,
      hcaptcha: false,
      recaptcha: false,
      turnstile: false,
      objectStorage: false,
      serviceWorker: false,
      miauth: true,
    },
  }
}

/** GET /nodeinfo/2.1 (and 2.0, which drops software.homepage and software.repository). */
export function nodeinfoBody(
  version: '2.0' | '2.1',
  usersTotal: number,
  localPosts: number,
): JsonObject {
  const software: JsonObject = { name: 'misskey', version: FAKE_VERSION }
  if (version === '2.1') {
    software.homepage = 'https://misskey-hub.net'
    software.repository = 'https://github.com/misskey-dev/misskey'
  }
  return {
    version,
    software,
    protocols: ['activitypub'],
    services: { inbound: [], outbound: ['atom1.0', 'rss2.0'] },
    openRegistrations: false,
    usage: {
      users: { total: usersTotal, activeHalfyear: usersTotal, activeMonth: usersTotal },
      localPosts,
      localComments: 0,
    },
    metadata: {
      nodeName: null,
      nodeDescription: null,
      nodeAdmins: [{ name: null, email: null }],
      maintainer: { name: null, email: null },
      langs: [],
      tosUrl: null,
      privacyPolicyUrl: null,
      inquiryUrl: null,
      impressumUrl: null,
      repositoryUrl: 'https://github.com/misskey-dev/misskey',
      feedbackUrl: 'https://github.com/misskey-dev/misskey/issues/new',
      disableRegistration: true,
      disableLocalTimeline: false,
      disableGlobalTimeline: false,
      emailRequiredForSignup: false,
      enableHcaptcha: false,
      enableRecaptcha: false,
      enableMcaptcha: false,
      enableTurnstile: false,
      maxNoteTextLength: 3000,
      enableEmail: false,
      enableServiceWorker: false,
      proxyAccountName: 'system.proxy',
      themeColor: '#86b300',
    },
  }
}
