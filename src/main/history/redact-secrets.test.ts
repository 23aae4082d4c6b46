import { describe, expect, it } from 'vitest'
import { removedMarker } from '../secrets/typed-token.ts'
import { buildEntry } from './history-entry.ts'
import { redactRequestSecrets, redactResponseSecrets } from './redact-secrets.ts'
import { responseOutcome, sampleInput } from './testing/history-fixtures.ts'

const limits = { maxBodyBytes: 2 * 1024 * 1024, indexedRequestChars: 4096 }
const secret = 'HUNTER2-s3cr3t'

/** What the history file holds for one send of `endpoint`. */
function recorded(endpoint: string, requestBody: string, responseJson: unknown) {
  const { stored, bodyText } = buildEntry(
    sampleInput({
      endpoint,
      requestBody,
      outcome: responseOutcome({ body: { kind: 'json', text: JSON.stringify(responseJson) } }),
    }),
    { id: 'id', seq: 1 },
    limits,
  )
  return { onDisk: `${JSON.stringify(stored)}\n${bodyText}`, body: JSON.parse(bodyText) }
}

// One endpoint per family of the list in shared/secret-fields.ts, as the real server spells it.
describe('the history keeps no secret of', () => {
  it('2FA registration: the password and code sent, the TOTP secret, otpauth URL and QR answered', () => {
    const { onDisk, body } = recorded(
      'i/2fa/register',
      `{password: '${secret}', token: '123456'}`,
      {
        qr: `data:image/png;base64,${secret}`,
        url: `otpauth://totp/misskey:alice?secret=${secret}&issuer=misskey`,
        secret,
        label: 'alice',
        issuer: 'misskey',
      },
    )
    expect(onDisk).not.toContain(secret)
    expect(onDisk).not.toContain('123456')
    expect(JSON.parse(body.requestBody)).toEqual({ password: removedMarker, token: removedMarker })
    expect(JSON.parse(body.response.body.text)).toEqual({
      qr: removedMarker,
      url: removedMarker,
      secret: removedMarker,
      label: 'alice',
      issuer: 'misskey',
    })
  })

  it('2FA completion: the code sent and the backup codes answered', () => {
    const { onDisk } = recorded('i/2fa/done', '{"token": "654321"}', {
      backupCodes: [`${secret}-1`, `${secret}-2`],
    })
    expect(onDisk).not.toContain(secret)
    expect(onDisk).not.toContain('654321')
  })

  it('password changes: current and new passwords, whatever the JSON spelling', () => {
    const { onDisk, body } = recorded(
      'i/change-password',
      `{"currentPassword": "${secret}", "\\u006eewPassword": "${secret}", token: null}`,
      null,
    )
    expect(onDisk).not.toContain(secret)
    expect(JSON.parse(body.requestBody)).toEqual({
      currentPassword: removedMarker,
      newPassword: removedMarker,
      token: null,
    })
  })

  it("an admin's password reset: the new password answered", () => {
    const { onDisk, body } = recorded('admin/reset-password', '{"userId": "9abc"}', {
      password: secret,
    })
    expect(onDisk).not.toContain(secret)
    expect(JSON.parse(body.response.body.text)).toEqual({ password: removedMarker })
  })

  it('account creation and issued tokens: the password sent, the token answered', () => {
    const created = recorded(
      'admin/accounts/create',
      `{"username": "a", "password": "${secret}"}`,
      {
        id: '9abc',
        username: 'a',
        token: secret,
      },
    )
    expect(created.onDisk).not.toContain(secret)
    const session = recorded('auth/session/userkey', `{"appSecret": "${secret}", "token": "t"}`, {
      accessToken: secret,
      user: { id: '9abc' },
    })
    expect(session.onDisk).not.toContain(secret)
    const miauth = recorded('miauth/gen-token', '{"session": "s"}', { token: secret })
    expect(miauth.onDisk).not.toContain(secret)
  })

  it('webhooks and instance settings: their secrets and keys', () => {
    const webhooks = recorded('i/webhooks/create', `{"url": "https://x", "secret": "${secret}"}`, {
      id: 'w',
      secret,
    })
    expect(webhooks.onDisk).not.toContain(secret)
    const meta = recorded('admin/meta', '{}', {
      hcaptchaSiteKey: 'public',
      hcaptchaSecretKey: secret,
      smtpPass: secret,
      objectStorageSecretKey: secret,
    })
    expect(meta.onDisk).not.toContain(secret)
    expect(meta.onDisk).toContain('public')
    const update = recorded('admin/update-meta', `{"deeplAuthKey": "${secret}"}`, null)
    expect(update.onDisk).not.toContain(secret)
  })
})

describe('redaction', () => {
  it('keeps bodies without secrets exactly as they were', () => {
    const text = '{ "text": "my token is safe", // a comment\n}'
    expect(redactRequestSecrets('notes/create', text)).toEqual({ text, removed: [] })
    const answer = '{"url":"https://misskey.example/notes/1","token":null}'
    expect(redactResponseSecrets('notes/show', answer)).toEqual({ text: answer, removed: [] })
  })

  it('blanks secrets in text that does not parse (a body being typed, a cut preview)', () => {
    const typed = redactRequestSecrets('i/delete-account', `{password: '${secret}', {{x}}`)
    expect(typed.text).not.toContain(secret)
    expect(typed.removed).toEqual(['password'])
    const cut = redactResponseSecrets('i/2fa/register', `{"qr": "data:${secret}", "url": "otp`)
    expect(cut.text).not.toContain(secret)
    expect(cut.text).not.toContain('otp')
  })

  it('removes a large answer preview’s secrets too', () => {
    const { bodyText } = buildEntry(
      sampleInput({
        endpoint: 'miauth/gen-token',
        outcome: responseOutcome({
          body: { kind: 'large', preview: `{\n  "token": "${secret}",\n  "x": "aaa`, json: true },
        }),
      }),
      { id: 'id', seq: 1 },
      limits,
    )
    expect(bodyText).not.toContain(secret)
  })
})
