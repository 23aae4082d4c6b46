import { describe, expect, it } from 'vitest'
import { importCurl } from './curl-import.ts'
import { shellWords } from './shell-words.ts'

describe('shellWords', () => {
  it('splits like bash without expanding anything', () => {
    expect(shellWords(`curl -H 'a b' "c \\"d\\" $HOME" e\\ f $'g\\nh\\'i' \\\n  next`)).toEqual([
      'curl',
      '-H',
      'a b',
      'c "d" $HOME',
      'e f',
      "g\nh'i",
      'next',
    ])
  })

  it("reads $'…' escapes, bytes as UTF-8", () => {
    expect(shellWords(`$'\\xe2\\x9c\\x93 \\u00e9 \\U0001F389 \\t'`)).toEqual(['✓ é 🎉 \t'])
  })

  it('joins Windows cmd continuations and refuses an open quote', () => {
    expect(shellWords('curl ^\n  -X POST')).toEqual(['curl', '-X', 'POST'])
    expect(shellWords(`curl 'open`)).toBe(null)
  })
})

describe('importCurl', () => {
  it('imports a Bearer request and drops its token', () => {
    const result = importCurl(
      `curl -X POST https://misskey.example/api/notes/create -H 'Content-Type: application/json' -H 'Authorization: Bearer s3cr3t' -d '{"text":"hi"}'`,
    )
    expect(result).toEqual({
      ok: true,
      value: {
        draft: {
          name: 'notes/create',
          origin: 'https://misskey.example',
          endpoint: 'notes/create',
          authMode: 'header',
          accountLabel: null,
          body: '{\n  "text": "hi"\n}',
          notes: '',
          captures: [],
        },
        tokenDropped: true,
        warnings: [],
      },
    })
    expect(JSON.stringify(result)).not.toContain('s3cr3t')
  })

  it('takes the token out of the body (`i`) and says the auth went in the body', () => {
    const result = importCurl(
      `curl https://misskey.example/api/i --data-raw '{"i":"s3cr3t","detail":true}'`,
    )
    expect(result).toMatchObject({
      ok: true,
      value: { tokenDropped: true, draft: { authMode: 'body', body: '{\n  "detail": true\n}' } },
    })
    expect(JSON.stringify(result)).not.toContain('s3cr3t')
  })

  it('reads a browser "Copy as cURL" with continuations, --json and $\'…\'', () => {
    const command = [
      `curl 'https://misskey.example/api/notes/timeline' \\`,
      `  -H 'accept: */*' \\`,
      `  -H 'content-type: application/json' \\`,
      `  -H 'sec-fetch-mode: cors' \\`,
      `  -b 'token=s3cr3t' \\`,
      `  --data-raw $'{"i":"s3cr3t","limit":10,"text":"it\\'s"}' \\`,
      `  --compressed`,
    ].join('\n')
    const result = importCurl(command)
    expect(result).toMatchObject({
      ok: true,
      value: {
        tokenDropped: true,
        warnings: [],
        draft: { endpoint: 'notes/timeline', authMode: 'body' },
      },
    })
    expect(result.ok && JSON.parse(result.value.draft.body)).toEqual({ limit: 10, text: "it's" })
    expect(JSON.stringify(result)).not.toContain('s3cr3t')
    const json = importCurl(
      `curl --json '{"limit":1}' http://127.0.0.1:3000/api/notes/local-timeline`,
    )
    expect(json).toMatchObject({
      ok: true,
      value: {
        tokenDropped: false,
        draft: { origin: 'http://127.0.0.1:3000', authMode: 'none', body: '{\n  "limit": 1\n}' },
      },
    })
  })

  it('handles attached values and options it does not need', () => {
    const result = importCurl(
      `curl -sSL -XPOST -H'X-Custom: 1' --data='{}' -A agent --url https://misskey.example/api/meta/`,
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        draft: { endpoint: 'meta', body: '{}' },
        warnings: ['The header X-Custom was not kept.'],
      },
    })
  })

  it('drops a token in the URL, from -u, or in a non-JSON body', () => {
    expect(importCurl(`curl 'https://m.example/api/i?i=s3cr3t'`)).toMatchObject({
      ok: true,
      value: { tokenDropped: true },
    })
    expect(importCurl(`curl -u me:pw https://m.example/api/i`)).toMatchObject({
      ok: true,
      value: { tokenDropped: true },
    })
    const broken = importCurl(`curl https://m.example/api/i -d '{"i": "s3cr3t", limit: }'`)
    expect(broken).toMatchObject({
      ok: true,
      value: { tokenDropped: true, warnings: ['The body is not JSON; it was kept as written.'] },
    })
    expect(JSON.stringify(broken)).not.toContain('s3cr3t')
  })

  // Every way curl can carry a typed token: each is dropped, reported, and sets the auth mode.
  const tokenCarriers: Record<string, { command: string; body: unknown; authMode: string }> = {
    'a form field (-d i=…)': {
      command: `curl https://m.example/api/notes/timeline -d 'i=s3cr3t&limit=5'`,
      body: { limit: '5' },
      authMode: 'body',
    },
    'two -d form fields': {
      command: `curl https://m.example/api/notes/timeline -d limit=5 -d i=s3cr3t`,
      body: { limit: '5' },
      authMode: 'body',
    },
    '--data-urlencode': {
      command: `curl https://m.example/api/i --data-urlencode 'i=s3cr3t'`,
      body: {},
      authMode: 'body',
    },
    'a JSON5 body (-d "{i:…}")': {
      command: `curl https://m.example/api/notes/timeline -d "{i:'s3cr3t', limit: 5,}"`,
      body: { limit: 5 },
      authMode: 'body',
    },
    'an escaped key': {
      command: `curl https://m.example/api/i -d '{"\\u0069":"s3cr3t","detail":true}'`,
      body: { detail: true },
      authMode: 'body',
    },
    'a multipart field (-F i=…)': {
      command: `curl https://m.example/api/drive/files/create -F i=s3cr3t -F file=@cat.png`,
      body: {},
      authMode: 'body',
    },
    'an Authorization: Bearer header': {
      command: `curl https://m.example/api/i -H 'authorization: bearer s3cr3t' -d '{}'`,
      body: {},
      authMode: 'header',
    },
  }
  for (const [what, carrier] of Object.entries(tokenCarriers)) {
    it(`drops a token carried in ${what}`, () => {
      const result = importCurl(carrier.command)
      expect(JSON.stringify(result)).not.toContain('s3cr3t')
      expect(result).toMatchObject({
        ok: true,
        value: { tokenDropped: true, draft: { authMode: carrier.authMode } },
      })
      expect(result.ok && JSON.parse(result.value.draft.body)).toEqual(carrier.body)
    })
  }

  it('keeps form fields without a token as JSON and says so', () => {
    const result = importCurl(`curl https://m.example/api/notes/create -d 'text=hello%20world'`)
    expect(result).toMatchObject({
      ok: true,
      value: {
        tokenDropped: false,
        warnings: ['The body was form data; its fields were turned into JSON strings.'],
      },
    })
    expect(result.ok && JSON.parse(result.value.draft.body)).toEqual({ text: 'hello world' })
  })

  it('warns about what it cannot import', () => {
    const result = importCurl(`curl -X GET https://m.example/api/meta -d @body.json`)
    expect(result).toMatchObject({
      ok: true,
      value: {
        draft: { body: '{}' },
        warnings: [
          'The body is read from the file body.json, which was not imported.',
          'The command used GET; the request will be sent as POST.',
        ],
      },
    })
  })

  it('refuses what is not a curl command for a Misskey API', () => {
    for (const command of [
      'wget https://m.example/api/meta',
      'curl',
      `curl 'https://m.example/api/meta`,
      'curl https://m.example/notes',
      'curl ftp://m.example/api/meta',
    ]) {
      expect(importCurl(command)).toMatchObject({
        ok: false,
        error: { code: 'CURL_NOT_RECOGNIZED' },
      })
    }
  })
})
