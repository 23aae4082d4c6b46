import type { RequestProgress, ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { describeNetworkError } from '../http/network-error.ts'
import { readBodyWithLimit } from '../http/read-body.ts'
import { parseRequestBody } from '../../shared/request-body.ts'
import { applyAuth } from './request-auth.ts'
import { readResponse } from './response-reading.ts'

export interface RequestSenderDependencies {
  fetch: typeof fetch
  /** The token of an account for this origin, read from the keychain at send time. */
  tokenFor: (accountId: string, origin: string) => Promise<Result<string>>
  /** A monotonic clock in milliseconds (performance.now), for durations. */
  monotonicNow: () => number
  emitProgress: (progress: RequestProgress) => void
  defaultTimeoutMs?: number
  maxResponseBytes?: number
}

export interface RequestSender {
  send(input: SendRequestInput): Promise<Result<ResponseRecord>>
  cancel(requestId: string): boolean
}

const progressIntervalMs = 100

export function createRequestSender(dependencies: RequestSenderDependencies): RequestSender {
  const running = new Map<string, AbortController>()
  const defaultTimeoutMs = dependencies.defaultTimeoutMs ?? 30_000
  const maxResponseBytes = dependencies.maxResponseBytes ?? 256 * 1024 * 1024

  async function send(input: SendRequestInput): Promise<Result<ResponseRecord>> {
    const body = parseRequestBody(input.body)
    if (!body.ok) return body
    const prepared = await applyAuth(input, body.value, dependencies.tokenFor)
    if (!prepared.ok) return prepared
    if (running.has(input.requestId)) {
      return fail('INVALID_ARGUMENT', `A request with id ${input.requestId} is already running.`, {
        field: 'requestId',
      })
    }
    const url = `${input.origin}/api/${input.endpoint}`
    const timeoutMs = input.timeoutMs ?? defaultTimeoutMs
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort('timeout'), timeoutMs)
    running.set(input.requestId, controller)
    const startedAt = dependencies.monotonicNow()
    try {
      const response = await dependencies.fetch(url, {
        method: 'POST',
        headers: prepared.value.headers,
        body: JSON.stringify(prepared.value.body),
        // Never follow: a redirect to another origin must not get the request (or, later, a token).
        redirect: 'manual',
        signal: controller.signal,
      })
      const totalBytes = Number(response.headers.get('content-length')) || null
      let lastProgressAt = -Infinity
      const read = await readBodyWithLimit(response, maxResponseBytes, (receivedBytes) => {
        const now = dependencies.monotonicNow()
        if (now - lastProgressAt < progressIntervalMs) return
        lastProgressAt = now
        dependencies.emitProgress({ requestId: input.requestId, receivedBytes, totalBytes })
      })
      if (read.kind === 'too-large') {
        return fail(
          'RESPONSE_TOO_LARGE',
          `The response is larger than ${maxResponseBytes} bytes; it was cut off.`,
          {
            limitBytes: maxResponseBytes,
          },
        )
      }
      const durationMs = dependencies.monotonicNow() - startedAt
      const contentType = response.headers.get('content-type')
      const { body: responseBody, problem } = readResponse(
        response.status,
        contentType,
        read.bytes,
        response.headers.get('location'),
      )
      return ok({
        requestId: input.requestId,
        origin: input.origin,
        endpoint: input.endpoint,
        auth: input.auth,
        url,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        durationMs,
        sizeBytes: read.bytes.byteLength,
        contentType,
        body: responseBody,
        problem,
      })
    } catch (error) {
      if (controller.signal.aborted) {
        return controller.signal.reason === 'timeout'
          ? fail('TIMEOUT', `${new URL(url).host} did not answer within ${timeoutMs / 1000} s.`, {
              host: new URL(url).host,
              seconds: timeoutMs / 1000,
            })
          : fail('CANCELLED', 'The request was cancelled.')
      }
      return describeNetworkError(error, url)
    } finally {
      clearTimeout(timer)
      running.delete(input.requestId)
    }
  }

  return {
    send,
    cancel(requestId) {
      const controller = running.get(requestId)
      if (!controller) return false
      controller.abort('cancelled')
      return true
    },
  }
}
