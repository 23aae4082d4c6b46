// The streaming explorer's side of main: one session at a time (the server and account the user
// connected to last), the calls the renderer makes on it, and the log export.
import { fail, ok, type Result } from '../../shared/result.ts'
import type {
  StreamingChannelState,
  StreamingExportEntry,
  StreamingExportResult,
  StreamingParams,
  StreamingState,
} from '../../shared/streaming.ts'
import { toJsonLines } from './export-log.ts'
import { createStreamingSession, type StreamingSession } from './streaming-session.ts'
import { defaultTuning, type StreamingDependencies } from './streaming-types.ts'

export interface StreamingService {
  getState(): Result<StreamingState | null>
  connect(origin: string, accountId: string | null): Promise<Result<StreamingState>>
  disconnect(): Result<StreamingState | null>
  join(channel: string, params: StreamingParams): Result<StreamingChannelState>
  leave(connectionId: string): Result<StreamingState>
  subscribeNote(noteId: string): Result<StreamingState>
  unsubscribeNote(noteId: string): Result<StreamingState>
  sendRaw(text: string): Result<true>
  exportLog(entries: StreamingExportEntry[]): Promise<Result<StreamingExportResult>>
  /** Closes the socket without a word (app shutdown, tests). */
  dispose(): void
}

export function createStreamingService(dependencies: StreamingDependencies): StreamingService {
  const tuning = { ...defaultTuning, ...dependencies.tuning }
  let session: StreamingSession | null = null

  const notConnected = (): Result<never> =>
    fail('STREAM_NOT_CONNECTED', 'There is no streaming connection; connect first.')

  function fileStamp(time: number): string {
    return new Date(time).toISOString().replace(/[:]/g, '').replace(/\..*$/, '')
  }

  return {
    getState: () => ok(session?.snapshot() ?? null),

    async connect(origin, accountId) {
      if (accountId !== null) {
        // Refuse at once (unknown account, another server's account, no keychain) rather than
        // report it as a failed connection.
        const token = await dependencies.tokenFor(accountId, origin)
        if (!token.ok) return token
      }
      session?.dispose()
      session = createStreamingSession(origin, accountId, dependencies, tuning)
      session.start()
      return ok(session.snapshot())
    },

    disconnect() {
      session?.close()
      return ok(session?.snapshot() ?? null)
    },

    join: (channel, params) => session?.join(channel, params) ?? notConnected(),
    leave: (connectionId) => session?.leave(connectionId) ?? notConnected(),
    subscribeNote: (noteId) => session?.subscribeNote(noteId) ?? notConnected(),
    unsubscribeNote: (noteId) => session?.unsubscribeNote(noteId) ?? notConnected(),
    sendRaw: (text) => session?.sendRaw(text) ?? notConnected(),

    async exportLog(entries) {
      const host = session
        ? new URL(session.snapshot().origin).host.replace(/[^\w.-]/g, '_')
        : 'misskey'
      const path = await dependencies.chooseSaveFile(
        `streaming-${host}-${fileStamp(dependencies.now())}.jsonl`,
      )
      if (path === null) return ok({ saved: false })
      try {
        await dependencies.writeFile(path, toJsonLines(entries))
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        return fail('STREAM_LOG_EXPORT_FAILED', `The log could not be saved: ${reason}`, { reason })
      }
      dependencies.log(`streaming: exported ${entries.length} messages`)
      return ok({ saved: true, path, count: entries.length })
    },

    dispose() {
      session?.dispose()
      session = null
    },
  }
}
