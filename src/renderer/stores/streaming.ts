import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError, Result } from '../../shared/result.ts'
import type {
  StreamingExportResult,
  StreamingParams,
  StreamingState,
} from '../../shared/streaming.ts'
import { getBridge } from '../bridge.ts'
import { useStreamingLogStore } from './streaming-log.ts'

/** The streaming connection main holds, as the last state main reported, and its actions. */
export const useStreamingStore = defineStore('streaming', () => {
  const state = shallowRef<StreamingState | null>(null)
  /** The last action that failed (a join, a raw message, an export), explained. */
  const error = ref<AppError | null>(null)
  const exported = ref<Extract<StreamingExportResult, { saved: true }> | null>(null)
  let listening = false

  function listen() {
    const bridge = getBridge()
    if (listening || !bridge) return
    listening = true
    const log = useStreamingLogStore()
    // Main reports only its current session, so the newest report is always the truth.
    bridge.events.onStreamingState((next) => (state.value = next))
    bridge.events.onStreamingMessages((batch) => log.ingest(batch))
  }

  async function run<T>(
    call: (bridge: NonNullable<ReturnType<typeof getBridge>>) => Promise<Result<T>>,
  ): Promise<T | null> {
    const bridge = getBridge()
    if (!bridge) return null
    error.value = null
    const result = await call(bridge)
    if (result.ok) return result.value
    error.value = result.error
    return null
  }

  async function load() {
    listen()
    const current = await run((bridge) => bridge.streaming.getState())
    if (current) state.value = current
  }

  async function connect(origin: string, accountId: string | null) {
    listen()
    const started = await run((bridge) => bridge.streaming.connect(origin, accountId))
    // An event of the new session may already have brought a later state.
    if (started && state.value?.sessionId !== started.sessionId) state.value = started
  }

  async function disconnect() {
    await run((bridge) => bridge.streaming.disconnect())
  }

  async function join(channel: string, params: StreamingParams): Promise<boolean> {
    return (await run((bridge) => bridge.streaming.join(channel, params))) !== null
  }

  async function leave(connectionId: string) {
    await run((bridge) => bridge.streaming.leave(connectionId))
  }

  async function capture(noteId: string): Promise<boolean> {
    return (await run((bridge) => bridge.streaming.subscribeNote(noteId))) !== null
  }

  async function release(noteId: string) {
    await run((bridge) => bridge.streaming.unsubscribeNote(noteId))
  }

  async function sendRaw(text: string): Promise<boolean> {
    return (await run((bridge) => bridge.streaming.sendRaw(text))) === true
  }

  async function exportLog(
    entries: Parameters<NonNullable<ReturnType<typeof getBridge>>['streaming']['exportLog']>[0],
  ) {
    exported.value = null
    const result = await run((bridge) => bridge.streaming.exportLog(entries))
    if (result?.saved) exported.value = result
  }

  return {
    state,
    error,
    exported,
    load,
    connect,
    disconnect,
    join,
    leave,
    capture,
    release,
    sendRaw,
    exportLog,
  }
})
