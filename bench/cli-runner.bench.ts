// The command-line runner against Bruno's (`bru run`, @usebruno/cli) and against 200 bare
// sequential fetch calls: the same 200 requests to the fake Misskey on loopback, each tool a fresh
// Node process, run in turns so the shared machine's noise falls on all three alike.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serializeRequest } from '../src/main/collections/request-file.ts'
import { startFakeMisskey } from '../test-kit/fake-misskey/server.ts'
import { ms, report, summarize } from './measure.ts'

const requestCount = 200
const rounds = 3
const ours = resolve(import.meta.dirname, '../out/cli/misskey-explorer.js')

interface Measured {
  wallMs: number
  peakRssMb: number
}

export async function benchCliRunner(): Promise<void> {
  const title = `Collection run, ${requestCount} saved requests (POST /api/ping with a Bearer token, status checked) on loopback`
  if (!existsSync(ours)) {
    console.log(`\n${title}\n  (No built runner at out/cli: run \`npm run build\`.)`)
    return
  }
  const bruno = findBruno()
  const fake = await startFakeMisskey()
  const directory = await mkdtemp(join(tmpdir(), 'bench-cli-'))
  try {
    const token = fake.users.alice.token
    const paths = await seed(directory, fake.origin, token)
    const env = { PATH: process.env.PATH ?? '', HOME: directory, MISSKEY_TOKEN: token }
    const contenders: Array<[string, string[]]> = [
      ['200 bare sequential fetch calls (baseline)', [paths.baseline, fake.origin, token]],
      ['misskey-explorer run (ours)', [ours, 'run', paths.ours, '--server', fake.origin]],
    ]
    if (bruno.ok) {
      contenders.push([
        `bru run (@usebruno/cli ${bruno.version})`,
        // The token on Bruno's command line is the fake's: Bruno has no other way to take one.
        [
          bruno.bin,
          'run',
          '-r',
          '--env-var',
          `server=${fake.origin}`,
          '--env-var',
          `token=${token}`,
        ],
      ])
    }
    const samples = contenders.map(() => [] as Measured[])
    for (let round = 0; round <= rounds; round++) {
      // Round 0 warms the disk cache and the fake; it is not counted.
      for (let turn = 0; turn < contenders.length; turn++) {
        const index = (turn + round) % contenders.length
        const [name, args] = contenders[index]!
        const cwd = name.startsWith('bru') ? paths.bruno : directory
        const measured = await measure(args, cwd, env, paths.peakHook, name)
        if (round > 0) samples[index]!.push(measured)
      }
    }
    const medians = samples.map((list) => ({
      wall: summarize(list.map((item) => item.wallMs)),
      peak: Math.max(...list.map((item) => item.peakRssMb)),
    }))
    const rows: Array<[string, string]> = contenders.map(([name], index) => [
      name,
      `median ${ms(medians[index]!.wall.median)}, p95 ${ms(medians[index]!.wall.p95)}, peak RSS ${medians[index]!.peak.toFixed(0)} MB`,
    ])
    const [baseline, mine, theirs] = medians
    rows.push([
      'ratio ours / bare fetch',
      `${(mine!.wall.median / baseline!.wall.median).toFixed(2)}×  (target ≤ 1.50)`,
    ])
    if (theirs) {
      rows.push([
        'ratio Bruno / ours',
        `${(theirs.wall.median / mine!.wall.median).toFixed(2)}× the time, ${(theirs.peak / mine!.peak).toFixed(2)}× the memory  (target: > 1, ours faster)`,
      ])
    } else {
      rows.push(['bru run', `not measured: ${bruno.ok ? '' : bruno.reason}`])
    }
    report(`${title}; ${rounds} runs each, a fresh Node process per run, in turns`, rows)
  } finally {
    await fake.close()
    await rm(directory, { recursive: true, force: true })
  }
}

/** The same 200 requests three ways: our collection, a Bruno collection, a plain fetch loop. */
async function seed(directory: string, origin: string, token: string) {
  const paths = {
    ours: join(directory, 'collection'),
    bruno: join(directory, 'bruno'),
    baseline: join(directory, 'baseline.mjs'),
    peakHook: join(directory, 'peak.mjs'),
  }
  await mkdir(join(paths.ours, 'bench'), { recursive: true })
  await mkdir(join(paths.bruno, 'bench'), { recursive: true })
  await writeFile(
    join(paths.bruno, 'bruno.json'),
    JSON.stringify({
      version: '1',
      name: 'bench',
      type: 'collection',
      ignore: ['node_modules', '.git'],
    }),
  )
  for (let index = 1; index <= requestCount; index++) {
    const name = `request ${String(index).padStart(3, '0')}`
    await writeFile(
      join(paths.ours, 'bench', `${name}.request.json`),
      serializeRequest({
        name,
        origin,
        endpoint: 'ping',
        authMode: 'header',
        accountLabel: null,
        body: '{}',
        notes: '',
        captures: [],
        expectations: { status: 200 },
      }),
    )
    await writeFile(
      join(paths.bruno, 'bench', `${name}.bru`),
      [
        `meta {\n  name: ${name}\n  type: http\n  seq: ${index}\n}\n`,
        'post {\n  url: {{server}}/api/ping\n  body: json\n  auth: bearer\n}\n',
        'auth:bearer {\n  token: {{token}}\n}\n',
        'body:json {\n  {}\n}\n',
        'assert {\n  res.status: eq 200\n}\n',
      ].join('\n'),
    )
  }
  await writeFile(
    paths.baseline,
    `const [origin, token] = process.argv.slice(2)
for (let index = 0; index < ${requestCount}; index++) {
  const response = await fetch(origin + '/api/ping', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
    body: '{}',
  })
  await response.text()
  if (response.status !== 200) process.exit(1)
}
`,
  )
  // Loaded into each measured process: its own peak resident memory, written as it exits.
  await writeFile(
    paths.peakHook,
    `import { writeFileSync } from 'node:fs'
process.on('exit', () => writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS)))
`,
  )
  void token
  return paths
}

function measure(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  peakHook: string,
  name: string,
): Promise<Measured> {
  const peakFile = join(dirname(peakHook), `peak-${Math.random().toString(36).slice(2)}.txt`)
  return new Promise((done, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        ...env,
        BENCH_PEAK_FILE: peakFile,
        NODE_OPTIONS: `--import=${pathToFileURL(peakHook).href}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', async (code) => {
      const wallMs = performance.now() - started
      if (code !== 0) {
        reject(new Error(`${name} exited with ${code}:\n${output.slice(-2000)}`))
        return
      }
      const kilobytes = Number(await readFile(peakFile, 'utf8').catch(() => '0'))
      await rm(peakFile, { force: true })
      done({ wallMs, peakRssMb: kilobytes / 1024 })
    })
  })
}

/** Bruno's command, or exactly why it cannot run here. */
function findBruno(): { ok: true; bin: string; version: string } | { ok: false; reason: string } {
  try {
    const require = createRequire(import.meta.url)
    const manifest = require.resolve('@usebruno/cli/package.json')
    const { version, bin } = JSON.parse(
      require('node:fs').readFileSync(manifest, 'utf8') as string,
    ) as { version: string; bin: string | Record<string, string> }
    const relative = typeof bin === 'string' ? bin : (bin.bru ?? Object.values(bin)[0]!)
    return { ok: true, bin: join(dirname(manifest), relative), version }
  } catch (error) {
    return { ok: false, reason: `@usebruno/cli is not installed (${(error as Error).message})` }
  }
}
