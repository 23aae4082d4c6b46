import type { HistoryOutcome, HistoryRecordInput } from '../../shared/history.ts'
import type { ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import type { Result } from '../../shared/result.ts'
import type { RequestSender } from './request-sender.ts'

export interface RecordingDependencies {
  record: (input: HistoryRecordInput) => Promise<unknown>
  /** The label the user gave an account (never its token); null when it is gone. */
  accountLabel: (accountId: string) => Promise<string | null>
  now: () => number
  monotonicNow: () => number
}

/**
 * Every send goes through here, so the history cannot miss one whatever the renderer does:
 * answers and failures alike (refused, timed out, cancelled) are recorded. The record is
 * written after the answer is handed back, so the disk never delays showing a response; the
 * renderer hears `history.onAppended` once the entry is durable.
 */
export function recordSends(sender: RequestSender, dependencies: RecordingDependencies) {
  return {
    cancel: (requestId: string) => sender.cancel(requestId),
    async send(input: SendRequestInput): Promise<Result<ResponseRecord>> {
      const sentAt = dependencies.now()
      const started = dependencies.monotonicNow()
      // The account's label is looked up while the request is out, not after the answer: the
      // record is then under way, and counted as pending, by the time the answer is handed back,
      // without the answer waiting for the lookup.
      const label = accountLabelOf(input, dependencies)
      const result = await sender.send(input)
      const elapsed = dependencies.monotonicNow() - started
      void dependencies.record({ sentAt, ...describe(input, result, elapsed, await label) })
      return result
    },
  } satisfies RequestSender
}

function accountLabelOf(
  input: SendRequestInput,
  dependencies: RecordingDependencies,
): Promise<string | null> {
  const { mode, accountId } = input.auth
  return mode !== 'none' && accountId
    ? dependencies.accountLabel(accountId).catch(() => null)
    : Promise.resolve(null)
}

function describe(
  input: SendRequestInput,
  result: Result<ResponseRecord>,
  elapsedMs: number,
  accountLabel: string | null,
): Omit<HistoryRecordInput, 'sentAt'> {
  const { mode } = input.auth
  const outcome: HistoryOutcome = result.ok
    ? {
        kind: 'response',
        status: result.value.status,
        statusText: result.value.statusText,
        durationMs: result.value.durationMs,
        sizeBytes: result.value.sizeBytes,
        contentType: result.value.contentType,
        headers: result.value.headers,
        body: result.value.body,
        problem: result.value.problem,
      }
    : {
        kind: 'failure',
        code: result.error.code,
        message: result.error.message,
        durationMs: elapsedMs,
      }
  return {
    origin: input.origin,
    accountLabel,
    endpoint: input.endpoint,
    authMode: mode,
    // An upload's body is its form fields (the file itself is not history's to keep).
    requestBody: input.upload ? JSON.stringify(input.upload.fields, null, 2) : input.body,
    outcome,
  }
}
