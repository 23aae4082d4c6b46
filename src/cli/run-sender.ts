import type { ResponseRecord, SendRequestInput } from '../shared/requests.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import { createRequestSender } from '../main/requests/request-sender.ts'

export interface RunSenderOptions {
  /** The one server the token may go to. */
  server: string
  token: string | null
  timeoutMs: number
  delayMs: number
  maxRetryWaitMs: number
  sleep?: (ms: number) => Promise<void>
}

export interface RunSender {
  send(input: SendRequestInput): Promise<Result<ResponseRecord>>
  /** What happened with a rate limit on this request, in words (for the report); else undefined. */
  rateLimitNote(requestId: string): string | undefined
}

/**
 * Main's own request sender, with what a run adds around it: the token from the command line's
 * source (and only for the run's server), a pause between requests, a timeout, and one wait on
 * a 429 for as long as Retry-After asks (if that is not too long).
 */
export function createRunSender(options: RunSenderOptions): RunSender {
  const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)))
  const sender = createRequestSender({
    tokenFor: async (_accountId, origin) => {
      if (options.token === null)
        return fail('UNKNOWN_ACCOUNT', 'No token was given.', { accountId: '' })
      if (origin !== options.server) {
        return fail(
          'ACCOUNT_SERVER_MISMATCH',
          `The token is for ${options.server}, not ${origin}.`,
          {
            accountOrigin: options.server,
            origin,
          },
        )
      }
      return ok(options.token)
    },
    monotonicNow: () => performance.now(),
    emitProgress: () => undefined,
    defaultTimeoutMs: options.timeoutMs,
  })
  const notes = new Map<string, string>()
  let sent = 0

  return {
    async send(input) {
      if (sent++ > 0 && options.delayMs > 0) await sleep(options.delayMs)
      const first = await sender.send(input)
      if (!first.ok || first.value.status !== 429) return first
      const waitMs = retryAfterMs(first.value)
      if (waitMs === null) {
        notes.set(input.requestId, 'rate limited (429) without a Retry-After to wait for')
        return first
      }
      if (waitMs > options.maxRetryWaitMs) {
        notes.set(
          input.requestId,
          `rate limited (429): Retry-After asks for ${waitMs / 1000} s, more than --max-retry-wait ${options.maxRetryWaitMs / 1000} s`,
        )
        return first
      }
      await sleep(waitMs)
      const second = await sender.send({ ...input, requestId: `${input.requestId}-retry` })
      if (second.ok && second.value.status === 429) {
        notes.set(
          input.requestId,
          `rate limited (429) again after waiting ${waitMs / 1000} s as Retry-After asked`,
        )
        return ok({ ...second.value, requestId: input.requestId })
      }
      return second.ok ? ok({ ...second.value, requestId: input.requestId }) : second
    },
    rateLimitNote: (requestId) => notes.get(requestId),
  }
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(
  response: Pick<ResponseRecord, 'headers'>,
  now = Date.now(),
): number | null {
  const value = response.headers.find(([name]) => name.toLowerCase() === 'retry-after')?.[1]?.trim()
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
