import * as Misskey from 'misskey-js'
import { format } from 'prettier'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { curlArguments, shells } from '../../test-kit/support/shell.ts'
import {
  curlSnippet,
  fetchSnippet,
  misskeyJsSnippet,
  requestSnippet,
  type SnippetRequest,
} from './request-snippets.ts'

// Everything a shell or a JS string could trip over, and a `__proto__` key of the body's own.
const tricky: Record<string, unknown> = {
  ...(JSON.parse('{"__proto__": "own key"}') as object),
  text: `it's "quoted" \\ $HOME \`date\` $(id) !! \n second line ✨ 🎉`,
  cw: null,
  visibility: 'home',
  poll: { choices: ["a'b", 'c'], expiredAfter: 60 },
  'weird-key': true,
}

const notesCreate = (overrides: Partial<SnippetRequest> = {}): SnippetRequest => ({
  origin: 'https://misskey.example/',
  endpoint: 'notes/create',
  body: tricky,
  authMode: 'body',
  ...overrides,
})

const upload = (overrides: Partial<SnippetRequest> = {}): SnippetRequest => ({
  origin: 'https://misskey.example',
  endpoint: 'drive/files/create',
  body: { name: "it's.png", isSensitive: true, folderId: null, comment: '@not-a-file' },
  authMode: 'header',
  contentType: 'multipart/form-data',
  ...overrides,
})

describe('curlSnippet', () => {
  it('writes the token into the JSON body as a placeholder', () => {
    expect(curlSnippet(notesCreate({ body: { text: 'hi' } }))).toBe(
      [
        `curl 'https://misskey.example/api/notes/create' \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  --data-raw '{"text":"hi","i":"<TOKEN>"}'`,
      ].join('\n'),
    )
  })

  it.each(shells)('survives %s word splitting with any text in the body', (shell) => {
    const words = curlArguments(curlSnippet(notesCreate()), shell)
    expect(words.slice(0, 3)).toEqual([
      'https://misskey.example/api/notes/create',
      '-H',
      'Content-Type: application/json',
    ])
    expect(words[3]).toBe('--data-raw')
    expect(JSON.parse(words[4]!)).toEqual({ ...tricky, i: '<TOKEN>' })
    expect(words).toHaveLength(5)
  })

  it('puts the token in the header for header mode, and nowhere for none', () => {
    const header = curlArguments(curlSnippet(notesCreate({ authMode: 'header', token: "to'k" })))
    expect(header.slice(1, 3)).toEqual(['-H', "Authorization: Bearer to'k"])
    expect(JSON.parse(header.at(-1)!)).toEqual(tricky)
    const none = curlSnippet(notesCreate({ authMode: 'none', body: { i: 'typed', a: 1 } }))
    expect(none).not.toContain('TOKEN')
    expect(JSON.parse(curlArguments(none).at(-1)!)).toEqual({ i: 'typed', a: 1 })
  })

  it('overrides a typed `i` with the token in body mode', () => {
    const words = curlArguments(curlSnippet(notesCreate({ body: { i: 123 }, token: 'real' })))
    expect(JSON.parse(words.at(-1)!)).toEqual({ i: 'real' })
  })

  it.each(shells)('sends a multipart upload with literal form strings (%s)', (shell) => {
    const words = curlArguments(curlSnippet(upload({ authMode: 'body' })), shell)
    expect(words).toEqual([
      'https://misskey.example/api/drive/files/create',
      '--form-string',
      'i=<TOKEN>',
      '--form-string',
      "name=it's.png",
      '--form-string',
      'isSensitive=true',
      '--form-string',
      'comment=@not-a-file',
      '-F',
      'file=@./path/to/file',
    ])
  })

  it('quotes file paths curl -F would split, and uses the body path when given', () => {
    const words = curlArguments(curlSnippet(upload({ body: { file: '/tmp/a;b "c".png' } })))
    expect(words).toEqual([
      'https://misskey.example/api/drive/files/create',
      '-H',
      'Authorization: Bearer <TOKEN>',
      '-F',
      'file=@"/tmp/a;b \\"c\\".png"',
    ])
  })
})

/** Runs a snippet as module code: imports become parameters, fetch and process are stand-ins. */
async function runSnippet(source: string, token = 'env-token') {
  const fetchSpy = vi.fn(async () => new Response('{"ok":true}', { status: 200 }))
  vi.stubGlobal('fetch', fetchSpy)
  const log = vi.fn()
  const readFile = vi.fn(async (path: string) => new TextEncoder().encode(`bytes of ${path}`))
  const body = source.replace(/^import .*$/gm, '')
  const AsyncFunction = (async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>
  const run = new AsyncFunction('Misskey', 'readFile', 'process', 'console', body)
  await run(Misskey, readFile, { env: { MISSKEY_TOKEN: token } }, { log })
  return { fetchSpy, log, readFile }
}

const sent = (fetchSpy: ReturnType<typeof vi.fn>) => {
  const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit & { headers?: object }]
  return { url, init, headers: Object.fromEntries(Object.entries(init.headers ?? {})) }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchSnippet', () => {
  it('runs, and sends the body with the token from the environment', async () => {
    const source = fetchSnippet(notesCreate())
    expect(source).toContain('i: process.env.MISSKEY_TOKEN,')
    const { fetchSpy, log } = await runSnippet(source)
    const { url, init, headers } = sent(fetchSpy)
    expect(url).toBe('https://misskey.example/api/notes/create')
    expect(init.method).toBe('POST')
    expect(headers).toEqual({ 'Content-Type': 'application/json' })
    expect(JSON.parse(init.body as string)).toEqual({ ...tricky, i: 'env-token' })
    expect(log).toHaveBeenCalledWith(200, '{"ok":true}')
  })

  it('sends a Bearer header, with an explicit token written out', async () => {
    const placeholder = await runSnippet(fetchSnippet(notesCreate({ authMode: 'header' })))
    expect(sent(placeholder.fetchSpy).headers.Authorization).toBe('Bearer env-token')
    const explicit = fetchSnippet(notesCreate({ authMode: 'header', token: "a'b" }))
    expect(explicit).not.toContain('process.env')
    expect(sent((await runSnippet(explicit)).fetchSpy).headers.Authorization).toBe("Bearer a'b")
  })

  it('uploads with FormData, leaving the content type to fetch', async () => {
    const { fetchSpy, readFile } = await runSnippet(fetchSnippet(upload({ authMode: 'body' })))
    const { init, headers } = sent(fetchSpy)
    expect(headers).toEqual({})
    const form = init.body as FormData
    expect([...form.keys()]).toEqual(['i', 'name', 'isSensitive', 'comment', 'file'])
    expect(form.get('i')).toBe('env-token')
    expect(form.get('isSensitive')).toBe('true')
    expect(form.get('name')).toBe("it's.png")
    const file = form.get('file') as File
    expect(file.name).toBe('file')
    expect(await file.text()).toBe('bytes of ./path/to/file')
    expect(readFile).toHaveBeenCalledWith('./path/to/file')
  })
})

describe('misskeyJsSnippet', () => {
  it('uses the real misskey-js APIClient: origin, credential, request(endpoint, params)', async () => {
    const source = misskeyJsSnippet(notesCreate({ body: { ...tricky, i: 'typed' } }))
    expect(source).toContain('new Misskey.api.APIClient({')
    expect(source).toContain(`client.request('notes/create', {`)
    const { fetchSpy, log } = await runSnippet(source)
    const { url, init } = sent(fetchSpy)
    expect(url).toBe('https://misskey.example/api/notes/create')
    expect(JSON.parse(init.body as string)).toEqual({ ...tricky, i: 'env-token' })
    expect(log).toHaveBeenCalledWith({ ok: true })
  })

  it('leaves the credential out without a token and notes that headers are not used', async () => {
    const none = misskeyJsSnippet(notesCreate({ authMode: 'none', body: {} }))
    expect(none).not.toContain('credential')
    expect(none).toContain(`client.request('notes/create')`)
    const { fetchSpy } = await runSnippet(none)
    expect(JSON.parse(sent(fetchSpy).init.body as string)).toEqual({})
    expect(misskeyJsSnippet(notesCreate({ authMode: 'header' }))).toContain('not as a header')
  })

  it('uploads a File through misskey-js multipart support', async () => {
    const { fetchSpy } = await runSnippet(misskeyJsSnippet(upload({ body: { file: 'a/b.png' } })))
    const form = sent(fetchSpy).init.body as FormData
    expect(form.get('i')).toBe('env-token')
    expect((form.get('file') as File).name).toBe('b.png')
  })
})

describe('requestSnippet', () => {
  it('dispatches by kind', () => {
    const request = notesCreate({ body: {} })
    expect(requestSnippet('curl', request)).toBe(curlSnippet(request))
    expect(requestSnippet('fetch', request)).toBe(fetchSnippet(request))
    expect(requestSnippet('misskey-js', request)).toBe(misskeyJsSnippet(request))
  })

  it('writes JavaScript as Prettier would (no semicolons, single quotes)', async () => {
    const options = { parser: 'babel', semi: false, singleQuote: true } as const
    for (const request of [notesCreate(), notesCreate({ authMode: 'header' }), upload()]) {
      for (const source of [fetchSnippet(request), misskeyJsSnippet(request)]) {
        expect(await format(source, options)).toBe(`${source}\n`)
      }
    }
  })
})
