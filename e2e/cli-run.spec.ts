// `misskey-explorer run` as CI runs it: the BUILT command (out/cli, `npm run build`) as a child
// process with plain Node, against the fake Misskey on loopback. No browser is involved.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import type { SavedRequestDraft } from '../src/shared/collections.ts'
import { serializeRequest } from '../src/main/collections/request-file.ts'
import { createKeytarSecretStore } from '../src/main/secrets/keytar-secret-store.ts'
import { startFakeMisskey, type FakeMisskey } from '../test-kit/fake-misskey/server.ts'

const command = resolve(import.meta.dirname, '../out/cli/misskey-explorer.js')

interface Ran {
  code: number
  stdout: string
  stderr: string
}

let fake: FakeMisskey
let folder: string

test.beforeAll(async () => {
  test.skip(!existsSync(command), `${command} is not built: run npm run build`)
  fake = await startFakeMisskey()
})
test.afterAll(async () => {
  await fake?.close()
})
test.beforeEach(async () => {
  fake.reset()
  folder = await mkdtemp(join(tmpdir(), 'cli-run-'))
})
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function run(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [command, ...args],
      // Only what the command needs: no token leaks in from the test's own environment.
      { cwd: folder, env: { PATH: process.env.PATH ?? '', HOME: folder, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout, stderr })
      },
    )
  })
}

function request(name: string, overrides: Partial<SavedRequestDraft>): SavedRequestDraft {
  return {
    name,
    origin: null,
    endpoint: 'i',
    authMode: 'header',
    accountLabel: null,
    body: '{}',
    notes: '',
    captures: [],
    ...overrides,
  }
}

/** Writes request files as the app does, in this order (the file names sort that way). */
async function collection(requests: SavedRequestDraft[], subfolder = 'requests'): Promise<string> {
  const root = join(folder, 'collection')
  for (const [index, draft] of requests.entries()) {
    const file = join(
      root,
      subfolder,
      `${String(index + 1).padStart(2, '0')} ${draft.name}.request.json`,
    )
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, serializeRequest(draft))
  }
  return root
}

const token = () => fake.users.alice.token

test('a collection with passing and failing checks: captures flow, exit 1, the JUnit file says which failed', async () => {
  const root = await collection([
    request('Create', {
      endpoint: 'notes/create',
      body: '{"text": "{{greeting}}"}',
      captures: [{ variable: 'noteId', path: 'createdNote.id' }],
      expectations: { status: 200, json: [{ path: 'createdNote.text', equals: 'hello' }] },
    }),
    request('Show', {
      endpoint: 'notes/show',
      body: '{"noteId": "{{noteId}}"}',
      expectations: {
        json: [
          { path: 'text', equals: 'hello' },
          { path: 'user.username', matches: '^ali' },
          { path: 'fileIds', exists: true },
        ],
      },
    }),
    request('Missing note', {
      endpoint: 'notes/show',
      body: '{"noteId": "0000000000"}',
      expectations: { status: 400, errorCode: 'NO_SUCH_NOTE' },
    }),
    request('Wrong text', {
      endpoint: 'notes/show',
      body: '{"noteId": "{{noteId}}"}',
      expectations: { json: [{ path: 'text', equals: 'goodbye' }] },
    }),
    request('Without expectations', { endpoint: 'notes/show', body: '{"noteId": "nope"}' }),
  ])
  const ran = await run(
    [
      'run',
      root,
      '--server',
      fake.origin,
      '--var',
      'greeting=hello',
      '--reporter',
      'junit',
      '--reporter-out',
      'out/junit.xml',
    ],
    { MISSKEY_TOKEN: token() },
  )
  expect(ran.stderr).toBe('')
  expect(ran.code).toBe(1)
  expect(ran.stdout).toMatch(/PASS 1\/5 notes\/create 200/)
  expect(ran.stdout).toMatch(/PASS 2\/5 notes\/show 200/)
  expect(ran.stdout).toMatch(/PASS 3\/5 notes\/show 400/)
  expect(ran.stdout).toMatch(/FAIL 4\/5 .*\n.*text equals "goodbye": got "hello"/)
  expect(ran.stdout).toMatch(/FAIL 5\/5 .*\n.*status is 2xx: got 400 NO_SUCH_NOTE/)
  expect(ran.stdout).toMatch(/passed\s+3\n\s+failed\s+2/)
  // The note Show found is the one Create made: the capture went from one request to the next.
  const shown = fake.received.filter((item) => item.path === '/api/notes/show')
  const created = fake.received.find((item) => item.path === '/api/notes/create')
  expect(created?.token).toBe(token())
  expect((shown[0]?.json as { noteId: string }).noteId).toMatch(/^[0-9a-z]{16}$/)

  const junit = await readFile(join(folder, 'out/junit.xml'), 'utf8')
  expect(junit).toContain('<testsuites name="misskey-explorer run" tests="5" failures="2"')
  expect(junit).toMatch(/<testcase name="Show" classname="collection\/requests" time="[\d.]+"\/>/)
  expect(junit).toMatch(
    /<testcase name="Wrong text"[^>]*>\s*<failure message="text equals &quot;goodbye&quot;: got &quot;hello&quot;"/,
  )
  expect(`${ran.stdout}${junit}`).not.toContain(token())
})

test('all passing exits 0, with a JSON report', async () => {
  const root = await collection([
    request('Who am I', { expectations: { json: [{ path: 'username', equals: 'alice' }] } }),
    request('Meta', {
      endpoint: 'meta',
      authMode: 'none',
      expectations: { durationUnderMs: 60_000 },
    }),
  ])
  const ran = await run(['run', root, '--reporter', 'json', '--server', fake.origin], {
    MISSKEY_TOKEN: token(),
  })
  expect(ran.code).toBe(0)
  const report = JSON.parse(await readFile(join(folder, 'misskey-explorer-report.json'), 'utf8'))
  expect(report.totals).toEqual({ requests: 2, passed: 2, failed: 0, notRun: 0 })
  expect(report.requests[0].checks).toEqual([
    { name: 'status is 2xx', passed: true },
    { name: 'username equals "alice"', passed: true },
  ])
})

test('a 429 is waited out once as Retry-After asks; a second one fails the request with the reason', async () => {
  // notes/delete allows one call a second; drive/folders/create ten an hour.
  const root = await collection([
    request('Create A', {
      endpoint: 'notes/create',
      body: '{"text":"a"}',
      captures: [{ variable: 'a', path: 'createdNote.id' }],
    }),
    request('Create B', {
      endpoint: 'notes/create',
      body: '{"text":"b"}',
      captures: [{ variable: 'b', path: 'createdNote.id' }],
    }),
    request('Delete A', { endpoint: 'notes/delete', body: '{"noteId":"{{a}}"}' }),
    request('Delete B', { endpoint: 'notes/delete', body: '{"noteId":"{{b}}"}' }),
  ])
  const waited = await run(['run', root, '--server', fake.origin], { MISSKEY_TOKEN: token() })
  expect(waited.stdout).toMatch(/PASS 4\/4 notes\/delete 204/)
  expect(waited.code).toBe(0)
  const deletes = fake.received.filter((item) => item.path === '/api/notes/delete')
  expect(deletes).toHaveLength(3)

  await rm(root, { recursive: true })
  const folders = Array.from({ length: 11 }, (_, index) =>
    request(`Folder ${index + 1}`, {
      endpoint: 'drive/folders/create',
      body: `{"name":"f${index}"}`,
    }),
  )
  const limited = await run(
    [
      'run',
      await collection(folders),
      '--server',
      fake.origin,
      '--reporter',
      'junit',
      '--reporter-out',
      'junit.xml',
    ],
    { MISSKEY_TOKEN: token() },
  )
  expect(limited.code).toBe(1)
  expect(limited.stdout).toMatch(/FAIL 11\/11 drive\/folders\/create 429/)
  expect(limited.stdout).toMatch(
    /rate limited \(429\): Retry-After asks for \d+ s, more than --max-retry-wait 60 s/,
  )
  const junit = await readFile(join(folder, 'junit.xml'), 'utf8')
  expect(junit).toMatch(/<failure message="status is 2xx: got 429 RATE_LIMIT_EXCEEDED"/)
})

test('--bail stops at the first failure; the rest are reported as not run', async () => {
  const root = await collection([
    request('Fails', { endpoint: 'notes/show', body: '{"noteId":"nope"}' }),
    request('Never sent', {}),
  ])
  const ran = await run(['run', root, '--server', fake.origin, '--bail', '--reporter', 'junit'], {
    MISSKEY_TOKEN: token(),
  })
  expect(ran.code).toBe(1)
  expect(fake.received.filter((item) => item.path === '/api/i')).toHaveLength(0)
  expect(ran.stdout).toMatch(/not run\s+1/)
  const junit = await readFile(join(folder, 'misskey-explorer-report.xml'), 'utf8')
  expect(junit).toMatch(/<testcase name="02 Never sent"[^>]*>\s*<skipped/)
})

test('usage and setup errors exit 2 with a one-line reason', async () => {
  const root = await collection([request('Who am I', {})])
  const unknownFolder = await run(['run', join(folder, 'nowhere'), '--server', fake.origin], {
    MISSKEY_TOKEN: token(),
  })
  expect(unknownFolder).toMatchObject({ code: 2, stdout: '' })
  expect(unknownFolder.stderr).toMatch(
    /^misskey-explorer: .*nowhere is not a collection folder \(no such folder\)\n$/,
  )

  const noToken = await run(['run', root, '--server', fake.origin])
  expect(noToken.code).toBe(2)
  expect(noToken.stderr).toMatch(/^misskey-explorer: no token: set MISSKEY_TOKEN/)
  expect(fake.received).toHaveLength(0)

  const tokenArgument = await run(['run', root, '--server', fake.origin, `--token=${token()}`])
  expect(tokenArgument.code).toBe(2)
  expect(tokenArgument.stderr).toMatch(
    /a token is never taken from the command line \(it would end up in shell history and process lists\)/,
  )
  expect(tokenArgument.stderr).not.toContain(token())

  const closedPort = await freePort()
  const unreachable = await run(
    ['run', root, '--server', `http://127.0.0.1:${closedPort}`, '--reporter', 'junit'],
    {
      MISSKEY_TOKEN: token(),
    },
  )
  expect(unreachable.code).toBe(2)
  expect(unreachable.stderr).toBe(
    `misskey-explorer: 127.0.0.1:${closedPort} refused the connection. Is the server running?\n`,
  )
})

test('the token is in nothing the command prints or writes, even when a response carries it', async () => {
  // The note's text is the token itself (given as a variable), so a failing check would show it.
  const root = await collection([
    request('Echo', {
      endpoint: 'notes/create',
      body: '{"text": "{{secret}}"}',
      expectations: { json: [{ path: 'createdNote.text', equals: 'something else' }] },
    }),
  ])
  const ran = await run(
    [
      'run',
      root,
      '--server',
      fake.origin,
      '--var',
      `secret=${token()}`,
      '--reporter',
      'json',
      '--reporter-out',
      'report.json',
    ],
    { MISSKEY_TOKEN: token() },
  )
  expect(ran.code).toBe(1)
  expect(ran.stdout).toContain('createdNote.text equals "something else": got "***"')
  const report = await readFile(join(folder, 'report.json'), 'utf8')
  for (const text of [ran.stdout, ran.stderr, report]) expect(text).not.toContain(token())
})

test('--account takes the token of the app’s account from the system keychain', async () => {
  // The throwaway Secret Service that `npm test` starts (scripts/with-test-env.sh).
  test.skip(
    process.env.KEYCHAIN_REQUIRED !== '1',
    'no test keychain: run under scripts/with-test-env.sh',
  )
  const dataFolder = join(folder, 'app-data')
  const accountId = `cli-test-${Date.now()}`
  await mkdir(dataFolder)
  await writeFile(
    join(dataFolder, 'accounts.json'),
    JSON.stringify({
      accounts: [
        { id: accountId, origin: fake.origin, label: 'bot', tokenTail: token().slice(-4) },
      ],
      activeByOrigin: {},
    }),
  )
  // A keychain service of its own: the built-bundles story lists the app's default one at the
  // same time, in another worker.
  const keychainService = `misskey-api-explorer-cli-test-${randomUUID()}`
  const secrets = createKeytarSecretStore(keychainService)
  await secrets.set(`account:${accountId}`, token())
  try {
    const root = await collection([
      request('Who am I', { expectations: { json: [{ path: 'username', equals: 'alice' }] } }),
    ])
    const keychainEnv = {
      MISSKEY_EXPLORER_DATA: dataFolder,
      MISSKEY_EXPLORER_KEYCHAIN_SERVICE: keychainService,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
    }
    const ran = await run(['run', root, '--server', fake.origin, '--account', 'bot'], keychainEnv)
    expect(ran.stdout).toContain('(token of the app\'s account "bot")')
    expect(ran.code).toBe(0)
    expect(ran.stdout).not.toContain(token())

    const unknown = await run(
      ['run', root, '--server', fake.origin, '--account', 'nobody'],
      keychainEnv,
    )
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe(
      `misskey-explorer: --account nobody: the app has no account labelled "nobody" on ${fake.origin} (there: bot)\n`,
    )
  } finally {
    await secrets.delete(`account:${accountId}`)
  }
})

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}
