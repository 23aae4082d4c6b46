// `npm run check:server`: does the app work with this server? Four checks, each run through the
// very modules the app uses (the catalog service, the request sender, the streaming service), so
// a pass here means the app's own code got through, not a second client written for the check.
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { fail, ok, type AppError, type Result } from '../../shared/result.ts'
import type { SendRequestInput } from '../../shared/requests.ts'
import type { StreamingState } from '../../shared/streaming.ts'
import { createCatalogService } from '../catalog/catalog-service.ts'
import { createSpecCache } from '../catalog/spec-cache.ts'
import { createRequestSender } from '../requests/request-sender.ts'
import { createStreamingService } from '../streaming/streaming-service.ts'
import type { SocketConstructor } from '../streaming/streaming-types.ts'
import { describeResponse, describeStreamState } from './check-wording.ts'

export type CheckName = 'catalog' | 'public call' | 'token call' | 'stream'

export interface CheckResult {
  name: CheckName
  outcome: 'pass' | 'fail' | 'skip'
  /** One line for the user: what was seen, or why it failed or was skipped. */
  detail: string
}

export interface ServerCheckOptions {
  address: string
  /** A token of a user of that server (MISSKEY_TOKEN); without it the token call is skipped. */
  token: string | null
  /** How long each check may take before it is reported as failed. */
  timeoutMs?: number
  fetch?: typeof fetch
  WebSocket?: SocketConstructor
}

/** The account id the checks' stand-in keychain knows: the token never goes anywhere else. */
const checkAccount = 'check-server'

export async function checkServer(options: ServerCheckOptions): Promise<CheckResult[]> {
  const timeoutMs = options.timeoutMs ?? 20_000
  const fetchImpl = options.fetch ?? globalThis.fetch
  const tokenFor = async (accountId: string): Promise<Result<string>> =>
    accountId === checkAccount && options.token
      ? ok(options.token)
      : fail('UNKNOWN_ACCOUNT', 'No token was given for this check.', { accountId })
  const cacheFolder = await mkdtemp(join(tmpdir(), 'check-server-'))
  const results: CheckResult[] = []
  try {
    const catalog = createCatalogService({
      fetch: fetchImpl,
      cache: createSpecCache(cacheFolder),
      now: Date.now,
      log: () => undefined,
      timeoutMs,
    })
    const opened = await catalog.open(options.address)
    if (!opened.ok) {
      results.push({ name: 'catalog', outcome: 'fail', detail: reason(opened.error) })
      const after = 'the server could not be opened, so this was not tried'
      for (const name of ['public call', 'token call', 'stream'] as const) {
        results.push({ name, outcome: 'skip', detail: after })
      }
      return results
    }
    const { origin } = opened.value
    const version = opened.value.serverVersion ? `Misskey ${opened.value.serverVersion}, ` : ''
    const namesOnly = opened.value.namesOnly ? ' (names only: no usable api.json)' : ''
    results.push({
      name: 'catalog',
      outcome: 'pass',
      detail: `${version}${opened.value.endpoints.length} endpoints${namesOnly}`,
    })

    const sender = createRequestSender({
      tokenFor,
      monotonicNow: () => performance.now(),
      emitProgress: () => undefined,
      defaultTimeoutMs: timeoutMs,
    })
    const send = (input: Omit<SendRequestInput, 'requestId' | 'origin'>) =>
      sender.send({ requestId: randomUUID(), origin, ...input })

    const meta = await send({
      endpoint: 'meta',
      body: '{ "detail": false }',
      auth: { mode: 'none', accountId: null },
    })
    results.push(
      meta.ok
        ? { name: 'public call', ...describeResponse('meta', meta.value, () => 'answered 200') }
        : { name: 'public call', outcome: 'fail', detail: reason(meta.error) },
    )

    if (!options.token) {
      results.push({ name: 'token call', outcome: 'skip', detail: 'no MISSKEY_TOKEN given' })
    } else {
      const me = await send({
        endpoint: 'i',
        body: '{}',
        auth: { mode: 'header', accountId: checkAccount },
      })
      results.push(
        me.ok
          ? {
              name: 'token call',
              ...describeResponse('i', me.value, (json) => {
                const user = json as { username?: unknown }
                return `the token belongs to @${String(user.username)}`
              }),
            }
          : { name: 'token call', outcome: 'fail', detail: reason(me.error) },
      )
    }

    results.push({
      name: 'stream',
      ...(await checkStream(origin, options.token ? checkAccount : null, tokenFor, options)),
    })
    return results
  } finally {
    await rm(cacheFolder, { recursive: true, force: true })
  }
}

/**
 * Opens the streaming socket as the app does (the token on the upgrade request when there is
 * one) and joins a channel asking for its acknowledgement: `main` with a token (it needs the
 * account), `serverStats` without (open to anyone).
 */
async function checkStream(
  origin: string,
  accountId: string | null,
  tokenFor: (accountId: string) => Promise<Result<string>>,
  options: ServerCheckOptions,
): Promise<Omit<CheckResult, 'name'>> {
  const timeoutMs = options.timeoutMs ?? 20_000
  let notify: (state: StreamingState) => void = () => undefined
  const service = createStreamingService({
    WebSocket: options.WebSocket ?? (WebSocket as unknown as SocketConstructor),
    tokenFor,
    now: Date.now,
    timers: {
      set: (callback, ms) => setTimeout(callback, ms),
      clear: (h) => clearTimeout(h as never),
    },
    random: Math.random,
    randomId: randomUUID,
    emitState: (state) => notify(state),
    emitMessages: () => undefined,
    log: () => undefined,
    chooseSaveFile: async () => null,
    writeFile: async () => undefined,
    tuning: { handshakeTimeoutMs: timeoutMs, confirmTimeoutMs: Math.min(timeoutMs, 10_000) },
  })
  const until = (settled: (state: StreamingState) => boolean) =>
    new Promise<StreamingState | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs)
      timer.unref()
      notify = (state) => {
        if (!settled(state)) return
        clearTimeout(timer)
        resolve(state)
      }
    })
  try {
    const opening = until((state) => state.phase !== 'connecting')
    const connected = await service.connect(origin, accountId)
    if (!connected.ok) return { outcome: 'fail', detail: reason(connected.error) }
    const opened = connected.value.phase === 'connecting' ? await opening : connected.value
    if (opened?.phase !== 'open') return describeStreamState(opened, null)
    const channel = accountId ? 'main' : 'serverStats'
    const answered = until((state) =>
      state.channels.some((joined) => joined.channel === channel && joined.status !== 'pending'),
    )
    const joined = service.join(channel, {})
    if (!joined.ok) return { outcome: 'fail', detail: reason(joined.error) }
    return describeStreamState(await answered, channel)
  } finally {
    service.dispose()
  }
}

function reason(error: AppError): string {
  return `${error.message} (${error.code})`
}
