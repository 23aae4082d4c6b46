// The one list of secrets, other than the account's token, that Misskey receives or sends and
// that the history must never keep in clear (the typed `i` token is typed-token.ts's). Field
// names follow the api.json of Misskey 2025.5.0 (../shared/fixtures/misskey); each rule says
// which endpoints it covers and why, and secret-fields.test.ts checks one endpoint per family.

export interface SecretFieldRule {
  /** Endpoint names (as in `/api/<name>`), or '*' for every endpoint. */
  endpoints: readonly string[] | '*'
  side: 'request' | 'response'
  fields: readonly string[]
  /** 'top': the body's own fields only; 'any': at any depth (inside `user`, in arrays…). */
  depth: 'top' | 'any'
  why: string
}

/** Site keys and public keys of admin/meta are public; these are the private halves. */
const instanceSecrets = [
  'hcaptchaSecretKey',
  'mcaptchaSecretKey',
  'recaptchaSecretKey',
  'turnstileSecretKey',
  'smtpPass',
  'swPrivateKey',
  'objectStorageAccessKey',
  'objectStorageSecretKey',
  'verifymailAuthKey',
  'truemailAuthKey',
  'deeplAuthKey',
] as const

export const secretFieldRules: readonly SecretFieldRule[] = [
  {
    endpoints: '*',
    side: 'request',
    fields: [
      'password',
      'currentPassword',
      'newPassword',
      'setupPassword',
      'token',
      'code',
      'appSecret',
      'secret',
    ],
    depth: 'top',
    why: 'passwords (i/change-password, i/delete-account, admin/accounts/create…), 2FA codes and reset, session or revoked tokens (i/2fa/*, reset-password, auth/*, i/revoke-token), app, webhook and captcha secrets',
  },
  {
    endpoints: ['admin/update-meta'],
    side: 'request',
    fields: instanceSecrets,
    depth: 'top',
    why: "the instance's captcha, mail, push, storage and translation keys",
  },
  {
    endpoints: '*',
    side: 'response',
    fields: [
      'token',
      'accessToken',
      'access_token',
      'refreshToken',
      'refresh_token',
      'secret',
      'backupCodes',
    ],
    depth: 'any',
    why: 'tokens an endpoint issues (miauth/gen-token, auth/session/userkey, admin/accounts/create, an OAuth token answer), app and webhook secrets, the TOTP key and backup codes of i/2fa/register and i/2fa/done',
  },
  {
    endpoints: ['i/2fa/register'],
    side: 'response',
    fields: ['url', 'qr'],
    depth: 'top',
    why: 'the otpauth:// URL and its QR image both carry the TOTP secret',
  },
  {
    endpoints: ['admin/reset-password'],
    side: 'response',
    fields: ['password'],
    depth: 'top',
    why: "the user's new password",
  },
  {
    endpoints: ['admin/drive/show-file'],
    side: 'response',
    fields: ['accessKey', 'thumbnailAccessKey', 'webpublicAccessKey'],
    depth: 'top',
    why: "the file's random storage names: whoever knows one can fetch the file",
  },
  {
    endpoints: ['admin/meta'],
    side: 'response',
    fields: instanceSecrets,
    depth: 'top',
    why: "the instance's captcha, mail, push, storage and translation keys",
  },
]

export interface SecretFields {
  /** Removed wherever they are. */
  anywhere: ReadonlySet<string>
  /** Removed when they are the body's own fields. */
  topLevel: ReadonlySet<string>
}

/** The fields to remove from one endpoint's request or response. */
export function secretFieldsFor(endpoint: string, side: 'request' | 'response'): SecretFields {
  const anywhere = new Set<string>()
  const topLevel = new Set<string>()
  for (const rule of secretFieldRules) {
    if (rule.side !== side) continue
    if (rule.endpoints !== '*' && !rule.endpoints.includes(endpoint)) continue
    for (const field of rule.fields) (rule.depth === 'any' ? anywhere : topLevel).add(field)
  }
  return { anywhere, topLevel }
}
