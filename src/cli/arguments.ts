import { parseArgs } from 'node:util'
import type { AuthMode } from '../shared/accounts.ts'

/** `misskey-explorer run …`, read and checked; nothing here touches the disk or the network. */
export interface RunArguments {
  collection: string
  /** Sub-folders or requests of the collection, in the order to run them; empty for all. */
  selectors: string[]
  server: string | null
  environment: string | null
  /** `--var key=value`, later ones winning. */
  variables: Record<string, string>
  /** The environment variable that holds the token. */
  tokenVariable: string
  /** An account of the app's (keychain) by label, instead of the environment variable. */
  account: string | null
  /** Overrides each request's own auth mode. */
  auth: AuthMode | null
  reporter: { kind: 'junit' | 'json'; path: string } | null
  bail: boolean
  delayMs: number
  timeoutMs: number
  /** The longest Retry-After a 429 is waited for (once) before the request fails. */
  maxRetryWaitMs: number
}

export type ParsedCommand =
  | { kind: 'run'; arguments: RunArguments }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; reason: string }

export const usage = `Usage: misskey-explorer run <collection folder> [sub-folder or request …] [options]

Runs a collection's saved requests in order, as "run folder" does in the app, and checks each
request's expectations (a 2xx status when it has none).

Server and token
  --server URL          the Misskey server (else the environment's "server" variable, else the
                        server the requests were saved for)
  --token-env NAME      the environment variable holding the token (default MISSKEY_TOKEN)
  --account LABEL       the token of the app's account with this label (from the system keychain)
  --auth i|header|none  send the token as the "i" body field, as a Bearer header, or not at all
                        (default: as each request was saved)
Variables
  --env NAME            the collection's environment (environments/NAME.json)
  --var KEY=VALUE       a variable, over the environment's (repeatable)
Run
  --bail                stop at the first failed request
  --delay MS            wait between requests (default 0)
  --timeout S           give up on a request after S seconds (default 30)
  --max-retry-wait S    on a 429, wait for Retry-After once if it is at most S seconds (default 60)
Reports
  --reporter junit|json write a report file for CI
  --reporter-out PATH   where (default misskey-explorer-report.xml or .json)

Exit codes: 0 every request passed, 1 a check failed, 2 a usage or setup error.
The token is never taken from the command line: it would end up in shell history and process lists.`

const options = {
  server: { type: 'string' },
  env: { type: 'string' },
  var: { type: 'string', multiple: true },
  'token-env': { type: 'string' },
  account: { type: 'string' },
  auth: { type: 'string' },
  reporter: { type: 'string' },
  'reporter-out': { type: 'string' },
  bail: { type: 'boolean' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  'max-retry-wait': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

const authModes: Record<string, AuthMode> = {
  i: 'body',
  body: 'body',
  header: 'header',
  none: 'none',
}

/** Reads the command line. A token given on it is refused with the reason, never echoed. */
export function parseCommand(argv: string[]): ParsedCommand {
  // Before the parser, so that even `--token=…` mixed with other mistakes is refused for this.
  if (argv.some((argument) => /^--?(token|i)(=|$)/.test(argument))) {
    return usageError(
      'a token is never taken from the command line (it would end up in shell history and process lists); set MISSKEY_TOKEN, or name another variable with --token-env',
    )
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    return usageError((error as Error).message.split('\n')[0]!)
  }
  const { values, positionals } = parsed
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  const [command, collection, ...selectors] = positionals
  if (command !== 'run') {
    return usageError(
      command
        ? `unknown command "${command}"; the command is run`
        : 'no command; try: misskey-explorer run <collection folder>',
    )
  }
  if (!collection) return usageError('no collection folder given')

  const variables: Record<string, string> = {}
  for (const pair of values.var ?? []) {
    const match = /^([A-Za-z_][\w.-]*)=(.*)$/s.exec(pair)
    if (!match)
      return usageError(`--var needs KEY=VALUE with a variable name as KEY, got "${pair}"`)
    variables[match[1]!] = match[2]!
  }
  const tokenVariable = values['token-env'] ?? 'MISSKEY_TOKEN'
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
    return usageError(`--token-env needs an environment variable name, got "${tokenVariable}"`)
  }
  let auth: AuthMode | null = null
  if (values.auth !== undefined) {
    auth = authModes[values.auth] ?? null
    if (auth === null) return usageError(`--auth is i, header or none, not "${values.auth}"`)
  }
  let reporter: RunArguments['reporter'] = null
  if (values.reporter !== undefined) {
    if (values.reporter !== 'junit' && values.reporter !== 'json') {
      return usageError(`--reporter is junit or json, not "${values.reporter}"`)
    }
    const extension = values.reporter === 'junit' ? 'xml' : 'json'
    reporter = {
      kind: values.reporter,
      path: values['reporter-out'] ?? `misskey-explorer-report.${extension}`,
    }
  } else if (values['reporter-out'] !== undefined) {
    return usageError('--reporter-out needs --reporter junit or --reporter json')
  }
  const delay = number('--delay', values.delay, 0, 3_600_000)
  const timeout = number('--timeout', values.timeout, 30, 3600, true)
  const maxWait = number('--max-retry-wait', values['max-retry-wait'], 60, 3600)
  for (const value of [delay, timeout, maxWait])
    if (typeof value === 'string') return usageError(value)

  return {
    kind: 'run',
    arguments: {
      collection,
      selectors,
      server: values.server ?? null,
      environment: values.env ?? null,
      variables,
      tokenVariable,
      account: values.account ?? null,
      auth,
      reporter,
      bail: values.bail ?? false,
      delayMs: delay as number,
      timeoutMs: Math.round((timeout as number) * 1000),
      maxRetryWaitMs: Math.round((maxWait as number) * 1000),
    },
  }
}

/** A number option, or why it is not one. */
function number(
  name: string,
  text: string | undefined,
  fallback: number,
  max: number,
  positive = false,
): number | string {
  if (text === undefined) return fallback
  const value = Number(text)
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > max ||
    (positive && value === 0)
  ) {
    return `${name} needs a number from ${positive ? 'above 0' : '0'} to ${max}, got "${text}"`
  }
  return value
}

function usageError(reason: string): ParsedCommand {
  return { kind: 'usage-error', reason }
}
