import { describe, expect, it } from 'vitest'
import { normalizeServerAddress } from './server-address.ts'

describe('normalizeServerAddress', () => {
  it.each([
    ['misskey.example', 'https://misskey.example'],
    ['  Misskey.Example  ', 'https://misskey.example'],
    ['https://misskey.example/', 'https://misskey.example'],
    ['https://misskey.example/notes/9xyz?x=1#top', 'https://misskey.example'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['127.0.0.1:3000', 'https://127.0.0.1:3000'],
    ['localhost:3000', 'https://localhost:3000'],
    ['HTTPS://misskey.example:443', 'https://misskey.example'],
    ['http://[::1]:3000/', 'http://[::1]:3000'],
    ['xn--misskey-example.jp', 'https://xn--misskey-example.jp'],
    ['みすきー.example', 'https://xn--w8jxa7itv.example'],
  ])('turns %j into %j', (input, origin) => {
    expect(normalizeServerAddress(input)).toEqual({ ok: true, value: origin })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://misskey.example', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ws://misskey.example', 'scheme'],
    ['https://user:pass@misskey.example', 'credentials'],
    ['mis key.example', 'unparsable'],
    ['https://', 'unparsable'],
  ])('rejects %j with reason %j', (input, reason) => {
    const result = normalizeServerAddress(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_SERVER_ADDRESS')
      expect(result.error.detail?.reason).toBe(reason)
      expect(result.error.message.length).toBeGreaterThan(10)
    }
  })
})
