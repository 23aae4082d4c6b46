import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { SHOW_RUNNING_AFTER_MS, useRequestStore } from './request.ts'
import { deferred, installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const answerTo = (input: SendRequestInput, status = 200): ResponseRecord => ({
  requestId: input.requestId,
  origin: input.origin,
  endpoint: input.endpoint,
  auth: input.auth,
  url: `${input.origin}/api/${input.endpoint}`,
  status,
  statusText: 'OK',
  headers: [],
  durationMs: 3,
  sizeBytes: 2,
  contentType: 'application/json',
  body: { kind: 'json', text: '{}' },
  problem: null,
})
const sent = (endpoint: string) => ({
  origin: 'https://misskey.example',
  endpoint,
  body: '{}',
  auth: { mode: 'none' as const, accountId: null },
})

let main: StandInBridge
beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  main = installStandInBridge()
})
afterEach(() => vi.useRealTimers())

describe('the request store', () => {
  it('keeps the last answer while a request is in flight, and shows it running only once it runs long', async () => {
    main.answer('requests.send', async (input) => ok(answerTo(input)))
    const request = useRequestStore()
    await request.send(sent('meta'))
    expect(request.response?.endpoint).toBe('meta')

    const pending = deferred<Result<ResponseRecord>>()
    main.answer('requests.send', () => pending.promise)
    const sending = request.send(sent('notes/timeline'))
    expect(request.isSending).toBe(true)
    expect(request.runningLong).toBe(false)
    expect(request.response?.endpoint).toBe('meta')

    vi.advanceTimersByTime(SHOW_RUNNING_AFTER_MS - 1)
    expect(request.runningLong).toBe(false)
    vi.advanceTimersByTime(1)
    expect(request.runningLong).toBe(true)
    expect(request.response?.endpoint).toBe('meta')

    const input = main.argsOf('requests.send')[1]?.[0] as SendRequestInput
    pending.resolve(ok(answerTo(input)))
    await sending
    expect([request.isSending, request.runningLong]).toEqual([false, false])
    expect(request.response?.endpoint).toBe('notes/timeline')
  })

  it('never shows a quick answer as running, even after the time has passed', async () => {
    main.answer('requests.send', async (input) => ok(answerTo(input)))
    const request = useRequestStore()
    await request.send(sent('meta'))
    vi.advanceTimersByTime(SHOW_RUNNING_AFTER_MS * 2)
    expect(request.runningLong).toBe(false)
  })

  it('a failure replaces the last answer, and the page stops showing it running', async () => {
    main.answer('requests.send', async (input) => ok(answerTo(input)))
    const request = useRequestStore()
    await request.send(sent('meta'))
    main.answer('requests.send', async () => {
      vi.advanceTimersByTime(SHOW_RUNNING_AFTER_MS)
      return fail('SERVER_UNREACHABLE', 'The server did not answer.')
    })
    await request.send(sent('meta'))
    expect(request.runningLong).toBe(false)
    expect(request.response).toBeNull()
    expect(request.error?.message).toBe('The server did not answer.')
  })

  it('stops showing a request running when the bridge itself throws', async () => {
    main.answer('requests.send', async () => {
      throw new Error('IPC gone')
    })
    const request = useRequestStore()
    await expect(request.send(sent('meta'))).rejects.toThrow('IPC gone')
    vi.advanceTimersByTime(SHOW_RUNNING_AFTER_MS)
    expect([request.isSending, request.runningLong]).toEqual([false, false])
  })
})
