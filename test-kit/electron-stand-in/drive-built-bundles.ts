// node --import ./register.mjs drive-built-bundles.ts <out/main/index.js> <out/preload/index.cjs>
//
// Loads the built main (which registers its IPC handlers with the stand-in electron) and the
// built preload (which exposes the bridge), then calls every contract method through the
// preload's bridge and prints, as JSON, what reached main: the channel, the arguments, the answer.
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { bridgeGlobalName } from '../../src/shared/contract/names.ts'
import { contractMethods } from '../../e2e/electron-contract.ts'
import { contractSamples } from './contract-samples.ts'

interface StandIn {
  handlers: Map<string, unknown>
  invoked: Array<{ channel: string; args: unknown[] }>
  subscribed: Map<string, unknown>
  exposed: Map<string, Record<string, Record<string, (...args: unknown[]) => unknown>>>
}

export interface MethodReport {
  method: string
  /** The channels the preload's function invoked (one, named as the method, when right). */
  channels: string[]
  /** Whether main received the arguments exactly as the page passed them, in order. */
  argumentsInOrder: boolean
  /** 'ok', an AppError code, or the message of what was thrown (no handler for the channel). */
  answer: string
}

export interface BundleReport {
  /** Methods the contract has and the samples lack (the test asks for one each). */
  withoutSample: string[]
  /** Channels main registered handlers on. */
  handled: string[]
  /** Channels the preload subscribed to for events, after subscribing to each. */
  subscribed: string[]
  methods: MethodReport[]
}

async function closedOrigin(): Promise<string> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise((done) => server.close(done))
  return `http://127.0.0.1:${port}`
}

const [mainPath, preloadPath] = process.argv.slice(2).map((path) => resolve(path))
const userData = await mkdtemp(join(tmpdir(), 'built-bundles-'))
process.env.STAND_IN_USER_DATA = userData
await import(pathToFileURL(mainPath!).href)
// Set by the stand-in electron module when the built main imported it.
const standIn = (globalThis as unknown as { __electronStandIn: StandIn }).__electronStandIn
// index.ts registers its handlers once app.whenReady() resolves.
await new Promise((done) => setTimeout(done, 0))
createRequire(import.meta.url)(preloadPath!)
const bridge = standIn.exposed.get(bridgeGlobalName) ?? {}

const samples = contractSamples(await closedOrigin())
const report: BundleReport = {
  withoutSample: contractMethods.filter((method) => !(method in samples)),
  handled: [...standIn.handlers.keys()].sort(),
  subscribed: [],
  methods: [],
}
for (const method of contractMethods) {
  const args = samples[method]
  if (!args) continue
  const [space, name] = method.split('.') as [string, string]
  const before = standIn.invoked.length
  let answer: string
  try {
    const fn = bridge[space]?.[name]
    if (typeof fn !== 'function') throw new Error(`the bridge has no ${method}`)
    const result = (await fn(...structuredClone(args))) as
      { ok: true } | { ok: false; error: { code: string } }
    answer = result.ok ? 'ok' : result.error.code
  } catch (error) {
    answer = error instanceof Error ? error.message : String(error)
  }
  const calls = standIn.invoked.slice(before)
  report.methods.push({
    method,
    channels: calls.map((call) => call.channel),
    argumentsInOrder: calls.length === 1 && JSON.stringify(calls[0]!.args) === JSON.stringify(args),
    answer,
  })
}
for (const subscribe of Object.values(bridge.events ?? {})) subscribe(() => undefined)
report.subscribed = [...standIn.subscribed.keys()].sort()

process.stdout.write(`${JSON.stringify(report)}\n`)
await rm(userData, { recursive: true, force: true })
// Sign-in flows and the streaming socket leave timers behind; the report is all we need.
process.exit(0)
