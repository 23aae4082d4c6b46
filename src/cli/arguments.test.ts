import { describe, expect, it } from 'vitest'
import { parseCommand, type RunArguments } from './arguments.ts'

function runArguments(argv: string[]): RunArguments {
  const parsed = parseCommand(argv)
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(parsed)}`)
  return parsed.arguments
}

function reason(argv: string[]): string {
  const parsed = parseCommand(argv)
  if (parsed.kind !== 'usage-error') throw new Error(`expected a usage error, got ${parsed.kind}`)
  return parsed.reason
}

describe('misskey-explorer run arguments', () => {
  it('reads the collection, the selectors in order and every option', () => {
    const args = runArguments([
      'run',
      'smoke',
      'notes',
      'users/Show.request.json',
      '--server',
      'https://staging.example',
      '--env',
      'staging',
      '--var',
      'greeting=hello=world',
      '--var',
      'limit=5',
      '--token-env',
      'STAGING_TOKEN',
      '--auth',
      'i',
      '--reporter',
      'junit',
      '--reporter-out',
      'reports/api.xml',
      '--bail',
      '--delay',
      '250',
      '--timeout',
      '2.5',
      '--max-retry-wait',
      '5',
    ])
    expect(args).toEqual({
      collection: 'smoke',
      selectors: ['notes', 'users/Show.request.json'],
      server: 'https://staging.example',
      environment: 'staging',
      variables: { greeting: 'hello=world', limit: '5' },
      tokenVariable: 'STAGING_TOKEN',
      account: null,
      auth: 'body',
      reporter: { kind: 'junit', path: 'reports/api.xml' },
      bail: true,
      delayMs: 250,
      timeoutMs: 2500,
      maxRetryWaitMs: 5000,
    })
  })

  it('has defaults a CI step can rely on', () => {
    expect(runArguments(['run', '.'])).toMatchObject({
      selectors: [],
      server: null,
      tokenVariable: 'MISSKEY_TOKEN',
      auth: null,
      reporter: null,
      bail: false,
      delayMs: 0,
      timeoutMs: 30_000,
      maxRetryWaitMs: 60_000,
    })
    expect(runArguments(['run', '.', '--reporter', 'json']).reporter).toEqual({
      kind: 'json',
      path: 'misskey-explorer-report.json',
    })
  })

  it.each([['--token', 'abcd'], ['--token=abcd'], ['-i', 'abcd'], ['--i=abcd']])(
    'refuses a token on the command line (%s), saying why and without repeating it',
    (...option) => {
      const text = reason(['run', '.', ...option])
      expect(text).toContain('it would end up in shell history and process lists')
      expect(text).toContain('MISSKEY_TOKEN')
      expect(text).not.toContain('abcd')
    },
  )

  it.each([
    [['run'], 'no collection folder given'],
    [['walk', '.'], 'unknown command "walk"'],
    [[], 'no command'],
    [['run', '.', '--auth', 'cookie'], '--auth is i, header or none, not "cookie"'],
    [['run', '.', '--reporter', 'tap'], '--reporter is junit or json'],
    [['run', '.', '--reporter-out', 'x.xml'], '--reporter-out needs --reporter'],
    [['run', '.', '--var', 'no-equals'], '--var needs KEY=VALUE'],
    [['run', '.', '--var', '1x=2'], '--var needs KEY=VALUE'],
    [['run', '.', '--delay', 'soon'], '--delay needs a number'],
    [['run', '.', '--timeout', '0'], '--timeout needs a number from above 0'],
    [['run', '.', '--token-env', 'MY-TOKEN'], '--token-env needs an environment variable name'],
    [['run', '.', '--colour'], "Unknown option '--colour'"],
    [['run', '.', '--server'], "Option '--server <value>' argument missing"],
  ])('%j is a usage error: %s', (argv, expected) => {
    expect(reason(argv)).toContain(expected)
  })

  it('answers help and version', () => {
    expect(parseCommand(['--help']).kind).toBe('help')
    expect(parseCommand(['run', '-h']).kind).toBe('help')
    expect(parseCommand(['--version']).kind).toBe('version')
  })
})
