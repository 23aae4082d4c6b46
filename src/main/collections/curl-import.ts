import type { CurlImport } from '../../shared/collections.ts'
import type { AuthMode } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { readCurlBody, type CurlData } from './curl-body.ts'
import { shellWords } from './shell-words.ts'

// Options of curl that take a value and mean nothing to a saved request.
const ignoredWithValue = new Set([
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '-x',
  '--proxy',
  '--cacert',
  '--resolve',
  '-c',
  '--cookie-jar',
])
const dataOptions = new Set([
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
])
const credentialOptions = new Set([
  '-u',
  '--user',
  '-b',
  '--cookie',
  '-E',
  '--cert',
  '--oauth2-bearer',
])
const harmlessHeaders =
  /^(content-type|accept|accept-[a-z-]+|user-agent|origin|referer|sec-[a-z-]+|cache-control|pragma|priority|connection|dnt|te|content-length)$/i

interface ParsedCommand {
  url: string | null
  method: string | null
  headers: string[]
  data: CurlData[]
  /** Names of `-F name=…` fields (their values are never read: uploads are not imported). */
  formFields: string[]
  warnings: string[]
  credentials: boolean
}

/**
 * Turns a curl command (as copied from browser devtools or Misskey's docs) into a saved request.
 * The token it carries (Authorization header, `i` in the body or the URL, a cookie, `-u`) is
 * never kept: its place tells the auth mode, and the caller is told one was dropped so the user
 * can pick an account.
 */
export function importCurl(command: string): Result<CurlImport> {
  const words = shellWords(command.trim().replace(/^\$\s+/, ''))
  if (!words) return notCurl('a quote is not closed')
  if (!/(^|[/\\])curl(\.exe)?$/i.test(words[0] ?? '')) return notCurl('it does not start with curl')
  const parsed = parseOptions(words.slice(1))
  if (!parsed.url) return notCurl('it has no URL')
  let url: URL
  try {
    url = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(parsed.url) ? parsed.url : `https://${parsed.url}`,
    )
  } catch {
    return notCurl(`${parsed.url} is not a URL`)
  }
  const match = /^\/api\/([A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)\/?$/.exec(url.pathname)
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !match) {
    return notCurl(`${url.href} is not a Misskey API address such as https://host/api/notes/create`)
  }
  const warnings = [...parsed.warnings]
  let tokenDropped = parsed.credentials
  let authMode: AuthMode = 'none'
  if (url.searchParams.has('i')) tokenDropped = true
  for (const header of parsed.headers) {
    const colon = header.indexOf(':')
    const name = (colon === -1 ? header : header.slice(0, colon)).trim()
    const value = colon === -1 ? '' : header.slice(colon + 1).trim()
    if (/^authorization$/i.test(name)) {
      tokenDropped = true
      if (/^bearer(\s|$)/i.test(value)) authMode = 'header'
      else warnings.push(`An Authorization header that is not a Bearer token was dropped.`)
    } else if (/^cookie$/i.test(name)) {
      tokenDropped = true
    } else if (!harmlessHeaders.test(name)) {
      warnings.push(`The header ${name} was not kept.`)
    }
  }
  if (parsed.method && parsed.method.toUpperCase() !== 'POST') {
    warnings.push(
      `The command used ${parsed.method.toUpperCase()}; the request will be sent as POST.`,
    )
  }
  const body = readCurlBody(parsed.data, warnings)
  if (body.token || parsed.formFields.includes('i')) {
    tokenDropped = true
    if (authMode === 'none') authMode = 'body'
  }
  return ok({
    draft: {
      name: match[1]!,
      origin: url.origin,
      endpoint: match[1]!,
      authMode,
      accountLabel: null,
      body: body.text,
      notes: '',
      captures: [],
    },
    tokenDropped,
    warnings,
  })
}

function parseOptions(words: string[]): ParsedCommand {
  const parsed: ParsedCommand = {
    url: null,
    method: null,
    headers: [],
    data: [],
    formFields: [],
    warnings: [],
    credentials: false,
  }
  for (let index = 0; index < words.length; index++) {
    let option = words[index]!
    let value: string | undefined
    // `--data=…`, `-XPOST`, `-H'…'`: the value attached to the option.
    const equals = option.startsWith('--') ? option.indexOf('=') : -1
    if (equals > 0) {
      value = option.slice(equals + 1)
      option = option.slice(0, equals)
    } else if (/^-[XHdAebuxmwo]./.test(option)) {
      value = option.slice(2)
      option = option.slice(0, 2)
    }
    const takeValue = () => value ?? words[++index] ?? ''
    if (!option.startsWith('-') || option === '-') parsed.url ??= option
    else if (option === '--url') parsed.url = takeValue()
    else if (option === '-X' || option === '--request') parsed.method = takeValue()
    else if (option === '-H' || option === '--header') parsed.headers.push(takeValue())
    else if (dataOptions.has(option)) {
      const data = takeValue()
      if (option !== '--data-raw' && data.startsWith('@')) {
        parsed.warnings.push(
          `The body is read from the file ${data.slice(1)}, which was not imported.`,
        )
      } else {
        parsed.data.push({ text: data, urlencode: option === '--data-urlencode' })
      }
    } else if (credentialOptions.has(option)) {
      takeValue()
      parsed.credentials = true
    } else if (option === '-F' || option === '--form' || option === '--form-string') {
      // Only the field's name is looked at: `-F i=tok` carries a token, whatever its value.
      const field = takeValue()
      parsed.formFields.push(field.slice(0, Math.max(0, field.indexOf('='))).trim())
      const warning = 'Form uploads (-F) are not imported; use the drive endpoints in the app.'
      if (!parsed.warnings.includes(warning)) parsed.warnings.push(warning)
    } else if (ignoredWithValue.has(option)) takeValue()
  }
  return parsed
}

function notCurl(reason: string): Result<never> {
  return fail(
    'CURL_NOT_RECOGNIZED',
    `This is not a curl command for a Misskey API call: ${reason}.`,
    { reason },
  )
}
