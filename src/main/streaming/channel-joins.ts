import type { StreamingChannelState, StreamingParams } from '../../shared/streaming.ts'
import type { Timers } from './streaming-types.ts'

export interface ChannelJoins {
  readonly list: StreamingChannelState[]
  add(id: string, channel: string, params: StreamingParams): StreamingChannelState
  remove(id: string): StreamingChannelState | null
  /** Sends `connect` (with `pong: true`) and starts waiting for its `connected`. */
  sendJoin(channel: StreamingChannelState): void
  /** Answers whether the `connected` changed anything. */
  confirm(id: string): boolean
  /** The socket is gone: every join waits for the next one. */
  reset(): void
}

/**
 * The channels joined on a session. Misskey answers a join only when asked (`pong: true`) and
 * says nothing when it ignores one, so a join without an answer in time is marked unconfirmed.
 */
export function createChannelJoins(
  send: (message: unknown) => void,
  timers: Timers,
  confirmTimeoutMs: number,
  changed: () => void,
): ChannelJoins {
  let list: StreamingChannelState[] = []
  const waiting = new Map<string, unknown>()

  function stopWaiting(id: string) {
    const timer = waiting.get(id)
    if (timer !== undefined) timers.clear(timer)
    waiting.delete(id)
  }

  return {
    get list() {
      return list
    },
    add(id, channel, params) {
      const joined: StreamingChannelState = { id, channel, params, status: 'pending' }
      list.push(joined)
      return joined
    },
    remove(id) {
      const joined = list.find((candidate) => candidate.id === id) ?? null
      list = list.filter((candidate) => candidate.id !== id)
      stopWaiting(id)
      return joined
    },
    sendJoin(joined) {
      joined.status = 'pending'
      stopWaiting(joined.id)
      send({
        type: 'connect',
        body: { channel: joined.channel, id: joined.id, params: joined.params, pong: true },
      })
      const timer = timers.set(() => {
        waiting.delete(joined.id)
        if (joined.status !== 'pending' || !list.includes(joined)) return
        joined.status = 'unconfirmed'
        changed()
      }, confirmTimeoutMs)
      waiting.set(joined.id, timer)
    },
    confirm(id) {
      const joined = list.find((candidate) => candidate.id === id)
      if (!joined || joined.status === 'confirmed') return false
      joined.status = 'confirmed'
      stopWaiting(id)
      return true
    },
    reset() {
      for (const id of [...waiting.keys()]) stopWaiting(id)
      for (const joined of list) joined.status = 'pending'
    },
  }
}
