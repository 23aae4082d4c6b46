import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../test-kit/fake-misskey/server.ts'
import { startLocalServer, type LocalServer } from '../../../test-kit/support/local-server.ts'
import { checkServer } from './server-check.ts'

let fake: FakeMisskey
let html: LocalServer
beforeAll(async () => {
  fake = await startFakeMisskey()
  html = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>a blog')
  })
})
afterAll(async () => {
  await fake.close()
  await html.close()
})

const outcomes = (results: Awaited<ReturnType<typeof checkServer>>) =>
  Object.fromEntries(results.map((result) => [result.name, result.outcome]))

describe('checkServer, against the fake Misskey', () => {
  it('passes all four with a user token, saying whose it is', async () => {
    const results = await checkServer({ address: fake.origin, token: fake.users.alice.token })
    expect(outcomes(results)).toEqual({
      catalog: 'pass',
      'public call': 'pass',
      'token call': 'pass',
      stream: 'pass',
    })
    expect(results.find((r) => r.name === 'catalog')?.detail).toMatch(
      /^Misskey 2025\.5\.0-fake, \d+ endpoints$/,
    )
    expect(results.find((r) => r.name === 'token call')?.detail).toBe(
      'POST /api/i: the token belongs to @alice',
    )
    // The stream joined `main`, which needs the account: the token went on the upgrade.
    expect(results.find((r) => r.name === 'stream')?.detail).toBe(
      'the socket opened and main confirmed the join',
    )
    const sentToken = fake.received.filter((request) => request.path === '/api/i')
    expect(sentToken.at(-1)?.headers.authorization).toBe(`Bearer ${fake.users.alice.token}`)
  })

  it('skips the token call without a token and joins a channel open to anyone', async () => {
    const results = await checkServer({ address: fake.origin, token: null })
    expect(outcomes(results)).toMatchObject({ 'token call': 'skip', stream: 'pass' })
    expect(results.find((r) => r.name === 'token call')?.detail).toBe('no MISSKEY_TOKEN given')
    expect(results.find((r) => r.name === 'stream')?.detail).toContain('serverStats')
  })

  it('fails the token call and the stream with the server’s reason for a refused token', async () => {
    const results = await checkServer({ address: fake.origin, token: 'not-a-token' })
    expect(outcomes(results)).toEqual({
      catalog: 'pass',
      'public call': 'pass',
      'token call': 'fail',
      stream: 'fail',
    })
    expect(results.find((r) => r.name === 'token call')?.detail).toContain(
      '401 Unauthorized, Misskey error AUTHENTICATION_FAILED',
    )
    expect(results.find((r) => r.name === 'stream')?.detail).toContain('(401)')
  })

  it('names a host that is not Misskey and tries nothing else', async () => {
    const results = await checkServer({ address: html.origin, token: 'x' })
    expect(outcomes(results)).toEqual({
      catalog: 'fail',
      'public call': 'skip',
      'token call': 'skip',
      stream: 'skip',
    })
    expect(results[0]?.detail).toContain('(NOT_MISSKEY)')
  })
})

describe('npm run check:server', () => {
  const run = promisify(execFile)
  const script = resolve(import.meta.dirname, '../../../scripts/check-server.ts')
  const exitOf = async (args: string[], token?: string) => {
    try {
      const { stdout } = await run(process.execPath, [script, ...args], {
        env: { ...process.env, MISSKEY_TOKEN: token ?? '', MISSKEY_URL: '' },
      })
      return { code: 0, stdout }
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string }
      return { code: failed.code, stdout: failed.stdout + failed.stderr }
    }
  }

  it('exits 0 when every check passes, 1 when one fails, 2 without an address', async () => {
    const passed = await exitOf([fake.origin], fake.users.alice.token)
    expect(passed.code).toBe(0)
    expect(passed.stdout).toContain('PASS  token call   POST /api/i: the token belongs to @alice')
    expect(passed.stdout).toContain('The app works with this server.')
    const failed = await exitOf([html.origin])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('FAIL  catalog')
    expect((await exitOf([])).code).toBe(2)
  }, 120_000)
})
