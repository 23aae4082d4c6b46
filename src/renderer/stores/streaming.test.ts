import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StreamingState } from '../../shared/streaming.ts'
import { fail, ok } from '../../shared/result.ts'
import { useStreamingLogStore } from './streaming-log.ts'
import { useStreamingStore } from './streaming.ts'
import { deferred, installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const state = (sessionId: string, phase: StreamingState['phase']): StreamingState => ({
  sessionId,
  origin: 'https://misskey.example',
  accountId: null,
  phase,
  attempt: 0,
  retryAt: null,
  reconnects: 0,
  openedAt: null,
  error: null,
  channels: [],
  capturedNoteIds: [],
})

let main: StandInBridge
beforeEach(() => {
  setActivePinia(createPinia())
  main = installStandInBridge()
})

describe('the streaming store', () => {
  it('keeps the newest state main reported, even when it arrives before connect answers', async () => {
    const answered = deferred<ReturnType<typeof ok<StreamingState>>>()
    main.answer('streaming.connect', () => answered.promise)
    const streaming = useStreamingStore()
    const connecting = streaming.connect('https://misskey.example', null)
    main.emit('streaming.onState', state('s1', 'open'))
    answered.resolve(ok(state('s1', 'connecting')))
    await connecting
    expect(streaming.state?.phase).toBe('open')
  })

  it('passes the messages main pushes to the live log', () => {
    vi.useFakeTimers()
    try {
      main.answer('streaming.getState', async () => ok(null))
      const streaming = useStreamingStore()
      void streaming.load()
      main.emit('streaming.onMessages', {
        sessionId: 's1',
        entries: [
          {
            seq: 1,
            direction: 'in',
            at: 0,
            connectionId: null,
            channel: null,
            type: 'pong',
            noteId: null,
            summary: { kind: 'json', text: '{}' },
            text: '{}',
            size: 2,
          },
        ],
      })
      vi.advanceTimersByTime(100)
      expect(useStreamingLogStore().received).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('explains a join main refused and clears it on the next success', async () => {
    main.answer('streaming.join', async () => fail('STREAM_NOT_CONNECTED', 'Connect first.'))
    const streaming = useStreamingStore()
    expect(await streaming.join('homeTimeline', {})).toBe(false)
    expect(streaming.error?.code).toBe('STREAM_NOT_CONNECTED')
    main.answer('streaming.sendRaw', async () => ok(true))
    expect(await streaming.sendRaw('{"type":"ping"}')).toBe(true)
    expect(streaming.error).toBeNull()
  })
})
