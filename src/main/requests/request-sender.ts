import type { ResponseRecord, RequestProgress, SendRequestInput } from '../../shared/requests.ts'
import { parseBodyText } from '../../shared/body-text.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { exchange as undiciExchange, type Exchange } from '../http/exchange.ts'
import { describeNetworkError } from '../http/network-error.ts'
import { decodedNote, formatLimit, readAnswerWithLimit } from '../http/read-body.ts'
import { buildMultipartBody } from './multipart-body.ts'
import { throttledProgress } from './progress-throttle.ts'
import { applyAuth } from './request-auth.ts'
import type { KeptBodies } from './kept-bodies.ts'
import { readResponse } from './response-reading.ts'

export interface RequestSenderDependencies {
  /** How a request goes out and its answer comes back; undici's dispatcher unless a test says. */
  exchange?: Exchange
  /** The token of an account for this origin, read from the keychain at send time. */
  tokenFor: (accountId: string, origin: string) => Promise<Result<string>>
  /** Where a file chosen for upload is (main only); null for an id it never handed out. */
  filePath?: (fileId: string) => string | null
  /** A monotonic clock in milliseconds (performance.now), for durations. */
  monotonicNow: () => number
  emitProgress: (progress: RequestProgress) => void
  /** Where large bodies stay, for the page to fetch whole or save later. */
  keptBodies?: KeptBodies
  defaultTimeoutMs?: number
  maxResponseBytes?: number
  /** No progress during a request's first milliseconds (see progress-throttle.ts); 100 by default. */
  progressQuietMs?: number
}

export interface RequestSender {
  send(input: SendRequestInput): Promise<Result<ResponseRecord>>
  cancel(requestId: string): boolean
}

type Outgoing = {
  headers: Record<string, string>
  body: string | ReadableStream<Uint8Array>
  /** For a streamed upload: how much of it went out. */
  sentBytes: (() => number) | null
}

export function createRequestSender(dependencies: RequestSenderDependencies): RequestSender {
  const running = new Map<string, AbortController>()
  const exchange = dependencies.exchange ?? undiciExchange
  const defaultTimeoutMs = dependencies.defaultTimeoutMs ?? 30_000
  const maxResponseBytes = dependencies.maxResponseBytes ?? 256 * 1024 * 1024

  /** The request body: JSON, or for uploads a multipart stream read from disk as it is sent. */
  async function outgoing(
    input: SendRequestInput,
    progress: ReturnType<typeof throttledProgress>,
  ): Promise<Result<Outgoing>> {
    // JSON5 typed by the user (comments, trailing commas…) goes out as plain JSON.
    const body = parseBodyText(input.body)
    if (!body.ok) return body
    const auth = await applyAuth(input, body.value.value, dependencies.tokenFor)
    if (!auth.ok) return auth
    // No Accept header: Misskey answers JSON whatever it says (misskey-js sends none either), and
    // every header is work on both ends of every call.
    const headers = auth.value.headers
    if (!input.upload) {
      return ok({
        headers: { ...headers, 'content-type': 'application/json' },
        // The parsed body's JSON is already at hand unless the token went into it.
        body:
          auth.value.body === body.value.value ? body.value.json : JSON.stringify(auth.value.body),
        sentBytes: null,
      })
    }
    const path = dependencies.filePath?.(input.upload.fileId) ?? null
    if (path === null) {
      return fail('UNKNOWN_FILE', 'Choose the file again: the app no longer knows that one.', {
        fileId: input.upload.fileId,
      })
    }
    try {
      const multipart = await buildMultipartBody(
        path,
        input.upload.fields,
        auth.value.formToken,
        (sent, total) => progress('upload', sent, total),
      )
      return ok({
        headers: { ...headers, 'content-type': multipart.contentType },
        body: multipart.body,
        sentBytes: multipart.sentBytes,
      })
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      return fail('FILE_UNREADABLE', `The file cannot be read (${reason}).`, { name: path, reason })
    }
  }

  async function send(input: SendRequestInput): Promise<Result<ResponseRecord>> {
    if (running.has(input.requestId)) {
      return fail('INVALID_ARGUMENT', `A request with id ${input.requestId} is already running.`, {
        field: 'requestId',
      })
    }
    const progress = throttledProgress(
      input.requestId,
      dependencies.monotonicNow,
      dependencies.emitProgress,
      dependencies.progressQuietMs,
    )
    const prepared = await outgoing(input, progress)
    if (!prepared.ok) return prepared
    const url = `${input.origin}/api/${input.endpoint}`
    const timeoutMs = input.timeoutMs ?? defaultTimeoutMs
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort('timeout'), timeoutMs)
    running.set(input.requestId, controller)
    const startedAt = dependencies.monotonicNow()
    let phase: 'connect' | 'body' = 'connect'
    try {
      // Never follows a redirect: one to another origin must not get the request (or its token).
      const response = await exchange(url, {
        headers: prepared.value.headers,
        body: prepared.value.body,
        signal: controller.signal,
      })
      // The server answers once it has the whole upload: say so before the download starts.
      const sent = prepared.value.sentBytes?.()
      if (sent !== undefined) progress('upload', sent, sent, true)
      phase = 'body'
      const headers = response.headers
      const header = (name: string) => headers.find(([key]) => key === name)?.[1] ?? null
      const totalBytes = Number(header('content-length')) || null
      const read = await readAnswerWithLimit(response, maxResponseBytes, (bytes) =>
        progress('download', bytes, totalBytes),
      )
      if (read.kind === 'too-large') {
        return fail(
          'RESPONSE_TOO_LARGE',
          `The response is larger than ${formatLimit(maxResponseBytes)}${decodedNote(read.encoding)}; it was cut off.`,
          { limitBytes: maxResponseBytes, encoding: read.encoding },
        )
      }
      const durationMs = dependencies.monotonicNow() - startedAt
      const contentType = header('content-type')
      const { body, problem } = readResponse(
        response.status,
        contentType,
        read.bytes,
        header('location'),
      )
      if (body.kind === 'large') {
        dependencies.keptBodies?.keep(input.requestId, {
          bytes: read.bytes,
          contentType,
          endpoint: input.endpoint,
        })
      }
      return ok({
        requestId: input.requestId,
        origin: input.origin,
        endpoint: input.endpoint,
        auth: input.auth,
        url,
        status: response.status,
        statusText: response.statusText,
        headers,
        durationMs,
        sizeBytes: read.bytes.byteLength,
        contentType,
        body,
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
      return describeNetworkError(error, url, phase)
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
