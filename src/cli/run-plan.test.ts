import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { serializeRequest } from '../main/collections/request-file.ts'
import { draft } from '../main/collections/testing/collection-fixtures.ts'
import { parseCommand, type RunArguments } from './arguments.ts'
import { planRun } from './run-plan.ts'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'run-plan-'))
  await mkdir(join(directory, 'notes'))
  await mkdir(join(directory, 'environments'))
  const write = (path: string, overrides: Parameters<typeof draft>[0]) =>
    writeFile(join(directory, path), serializeRequest(draft(overrides)))
  await write('notes/Create.request.json', { name: 'Create', authMode: 'none' })
  await write('notes/Show.request.json', { name: 'Show', endpoint: 'notes/show' })
  await write('Meta.request.json', { name: 'Meta', endpoint: 'meta', origin: null })
  await writeFile(join(directory, 'notes', '.order.json'), '{"order": ["Show.request.json"]}')
  await writeFile(
    join(directory, 'environments', 'staging.json'),
    '{"variables": {"server": "https://staging.example", "greeting": "hi"}}',
  )
})
afterEach(() => rm(directory, { recursive: true, force: true }))

function args(...argv: string[]): RunArguments {
  const parsed = parseCommand(['run', directory, ...argv])
  if (parsed.kind !== 'run') throw new Error(parsed.kind)
  return parsed.arguments
}

it('runs the named folders and requests in the app’s order, all sent to the one server', async () => {
  const planned = await planRun(args('notes', 'Meta', '--var', 'greeting=hello'), '/')
  expect(planned.ok).toBe(true)
  if (!planned.ok) return
  expect(planned.plan.requests.map((request) => [request.path, request.origin])).toEqual([
    ['notes/Show.request.json', 'https://misskey.example'],
    ['notes/Create.request.json', 'https://misskey.example'],
    ['Meta.request.json', 'https://misskey.example'],
  ])
  expect(planned.plan).toMatchObject({ needsToken: true, variables: { greeting: 'hello' } })
})

it('takes the server from --server, else the environment, and --auth over every request', async () => {
  const fromEnvironment = await planRun(args('--env', 'staging', '--auth', 'none'), '/')
  expect(fromEnvironment.ok && fromEnvironment.plan.server).toBe('https://staging.example')
  expect(fromEnvironment.ok && fromEnvironment.plan.needsToken).toBe(false)
  const given = await planRun(args('--env', 'staging', '--server', '127.0.0.1:3000'), '/')
  expect(given.ok && given.plan.server).toBe('https://127.0.0.1:3000')
})

it.each([
  [['nowhere'], 'nowhere is neither a folder nor a request of the collection'],
  [['--env', 'production'], 'no environment called production (there are: staging)'],
])('says what is wrong with %j', async (argv, reason) => {
  expect(await planRun(args(...argv), '/')).toEqual({ ok: false, reason })
})

it('refuses to guess between servers, and stops at a file it cannot read', async () => {
  await writeFile(
    join(directory, 'Other.request.json'),
    serializeRequest(draft({ name: 'Other', origin: 'https://other.example' })),
  )
  const twoServers = await planRun(args(), '/')
  expect(twoServers.ok === false && twoServers.reason).toMatch(
    /saved for 2 servers .* choose one with --server/,
  )
  await writeFile(join(directory, 'notes', 'Broken.request.json'), '{ not json')
  const broken = await planRun(args('notes', '--server', 'https://misskey.example'), '/')
  expect(broken.ok === false && broken.reason).toMatch(
    /^notes\/Broken.request.json cannot be read: not JSON/,
  )
})
