// "Copy as": the request in the editor as a curl command, a `fetch` call or a misskey-js call.
// The token is a placeholder unless the caller passes one on purpose: snippets end up in chats,
// issues and screenshots, and the renderer never holds a token anyway.
import { Code, jsLiteral, jsString, shellWord } from './code-literals.ts'

export type SnippetAuthMode = 'body' | 'header' | 'none'
export type SnippetKind = 'curl' | 'fetch' | 'misskey-js'

export interface SnippetRequest {
  /** e.g. `https://misskey.example`. */
  origin: string
  /** e.g. `notes/create`. */
  endpoint: string
  body: Record<string, unknown>
  /** The token as the body's `i` field, as `Authorization: Bearer`, or not at all. */
  authMode: SnippetAuthMode
  /** Written out only when given; otherwise `<TOKEN>` (shell) or `process.env.MISSKEY_TOKEN`. */
  token?: string
  /** `multipart/form-data` for file uploads such as `drive/files/create`. */
  contentType?: 'application/json' | 'multipart/form-data'
  /** Multipart fields that carry a file (the schema's `format: binary`); `['file']` by default. */
  fileFields?: string[]
}

export const shellTokenPlaceholder = '<TOKEN>'
export const jsTokenPlaceholder = 'process.env.MISSKEY_TOKEN'
/** Where a file field's path goes when the body does not give one. */
export const filePathPlaceholder = './path/to/file'

export function requestSnippet(kind: SnippetKind, request: SnippetRequest): string {
  if (kind === 'curl') return curlSnippet(request)
  if (kind === 'fetch') return fetchSnippet(request)
  return misskeyJsSnippet(request)
}

/** A POSIX shell command (bash, zsh, sh): every value in single quotes, nothing expands. */
export function curlSnippet(request: SnippetRequest): string {
  const token = request.token ?? shellTokenPlaceholder
  const parts = [`curl ${shellWord(urlOf(request))}`]
  if (request.authMode === 'header') parts.push(`-H ${shellWord(`Authorization: Bearer ${token}`)}`)
  if (isMultipart(request)) {
    if (request.authMode === 'body') parts.push(`--form-string ${shellWord(`i=${token}`)}`)
    for (const field of formFields(request)) {
      // --form-string takes the value literally; -F would read `@x` or `<x` as a file.
      parts.push(
        field.kind === 'file'
          ? `-F ${shellWord(`${field.name}=@${curlFormPath(field.path)}`)}`
          : `--form-string ${shellWord(`${field.name}=${field.text}`)}`,
      )
    }
  } else {
    const body =
      request.authMode === 'body' ? { ...withoutToken(request.body), i: token } : request.body
    parts.push(`-H ${shellWord('Content-Type: application/json')}`)
    parts.push(`--data-raw ${shellWord(JSON.stringify(body))}`)
  }
  return parts.join(' \\\n  ')
}

/** Node 18+ (global fetch, FormData, File) as an ES module, for top-level await. */
export function fetchSnippet(request: SnippetRequest): string {
  const token = tokenCode(request)
  const headers: Record<string, unknown> = {}
  const lines: string[] = []
  let body: Code
  if (isMultipart(request)) {
    lines.push(`import { readFile } from 'node:fs/promises'`, '', 'const form = new FormData()')
    if (request.authMode === 'body') lines.push(`form.append('i', ${token.text})`)
    for (const field of formFields(request)) {
      const value = field.kind === 'file' ? fileExpression(field.path) : jsString(field.text)
      lines.push(`form.append(${jsString(field.name)}, ${value})`)
    }
    lines.push('')
    body = new Code('form')
  } else {
    headers['Content-Type'] = 'application/json'
    const fields =
      request.authMode === 'body' ? { ...withoutToken(request.body), i: token } : request.body
    body = new Code(`JSON.stringify(${jsLiteral(fields, '  ')})`)
  }
  if (request.authMode === 'header') headers.Authorization = bearerCode(request)
  const init: Record<string, unknown> = { method: 'POST' }
  if (Object.keys(headers).length > 0) init.headers = headers
  init.body = body
  lines.push(`const response = await fetch(${jsString(urlOf(request))}, ${jsLiteral(init)})`)
  lines.push('console.log(response.status, await response.text())')
  return lines.join('\n')
}

/**
 * misskey-js's `APIClient`: `new api.APIClient({ origin, credential })`, then
 * `request(endpoint, params)`. It always sends the credential as the body's `i` (and files as
 * multipart for the endpoints it knows take them), so a header choice is noted, not honoured.
 */
export function misskeyJsSnippet(request: SnippetRequest): string {
  const lines = [`import * as Misskey from 'misskey-js'`]
  const params: Record<string, unknown> = withoutToken(request.body)
  if (isMultipart(request)) {
    lines.push(`import { readFile } from 'node:fs/promises'`)
    for (const field of formFields(request)) {
      if (field.kind === 'file') params[field.name] = new Code(fileExpression(field.path))
    }
  }
  lines.push('')
  if (request.authMode === 'header') {
    lines.push('// misskey-js sends the token as the `i` field of the body, not as a header.')
  }
  const options: Record<string, unknown> = { origin: request.origin.replace(/\/+$/, '') }
  if (request.authMode !== 'none') options.credential = tokenCode(request)
  lines.push(`const client = new Misskey.api.APIClient(${jsLiteral(options)})`, '')
  const args = [jsString(request.endpoint)]
  if (Object.keys(params).length > 0) args.push(jsLiteral(params))
  lines.push(`const result = await client.request(${args.join(', ')})`, 'console.log(result)')
  return lines.join('\n')
}

type FormField =
  { kind: 'file'; name: string; path: string } | { kind: 'text'; name: string; text: string }

/**
 * The multipart parts in body order, every file field included (a placeholder path when the
 * body has none). Nulls are left out, as misskey-js does: Misskey would read "null" as a string.
 */
function formFields(request: SnippetRequest): FormField[] {
  const fileFields = request.fileFields ?? ['file']
  const fields: FormField[] = []
  // In body mode the token part is written first, on its own.
  const body = request.authMode === 'body' ? withoutToken(request.body) : { ...request.body }
  for (const name of fileFields) if (!(name in body)) body[name] = ''
  for (const [name, value] of Object.entries(body)) {
    if (fileFields.includes(name)) {
      const path = typeof value === 'string' && value !== '' ? value : filePathPlaceholder
      fields.push({ kind: 'file', name, path })
    } else if (value !== null && value !== undefined) {
      // Misskey casts multipart strings back to booleans and numbers; objects go as JSON.
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
      fields.push({ kind: 'text', name, text })
    }
  }
  return fields
}

/** curl's -F reads `;type=` and `,` in a bare file name; quoted, only `"` and `\` need escapes. */
function curlFormPath(path: string): string {
  return /[;,"\\]/.test(path) ? `"${path.replace(/["\\]/g, '\\$&')}"` : path
}

function fileExpression(path: string): string {
  const name = path.split(/[\\/]/).pop() || 'file'
  return `new File([await readFile(${jsString(path)})], ${jsString(name)})`
}

function tokenCode(request: SnippetRequest): Code {
  return new Code(request.token === undefined ? jsTokenPlaceholder : jsString(request.token))
}

function bearerCode(request: SnippetRequest): Code {
  return new Code(
    request.token === undefined
      ? `\`Bearer \${${jsTokenPlaceholder}}\``
      : jsString(`Bearer ${request.token}`),
  )
}

function withoutToken(body: Record<string, unknown>): Record<string, unknown> {
  const { i: _token, ...rest } = body
  return rest
}

function urlOf(request: SnippetRequest): string {
  return `${request.origin.replace(/\/+$/, '')}/api/${request.endpoint}`
}

function isMultipart(request: SnippetRequest): boolean {
  return request.contentType === 'multipart/form-data'
}
