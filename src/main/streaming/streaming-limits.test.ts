import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { createHarness, type Harness } from './testing/streaming-test-harness.ts'

// A server that sends one message bigger than the socket's limit: the socket stops reading it
// (ws `maxPayload`), closes with 1009, and the state says why instead of main buffering it all.
const mib = 1024 * 1024
let server: WebSocketServer | null = null
let harness: Harness | null = null

afterEach(async () => {
  harness?.service.dispose()
  harness = null
  const closing = server
  server = null
  if (closing) await new Promise((resolve) => closing.close(resolve))
})

/** A streaming endpoint that sends each of `sizes` as one text message once a client connects. */
async function serverSending(sizes: number[]): Promise<string> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 64 * mib })
  await new Promise((resolve) => server!.once('listening', resolve))
  server.on('connection', (socket) => {
    for (const size of sizes) {
      const padding = 'x'.repeat(size - '{"type":"big","body":""}'.length)
      socket.send(`{"type":"big","body":"${padding}"}`)
    }
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('the streaming socket’s message limit', () => {
  it('takes a message under the limit, and closes on one over it, saying why', async () => {
    const origin = await serverSending([3 * mib, 5 * mib])
    harness = createHarness({})
    await harness.service.connect(origin, null)
    const failed = await harness.until(
      () => harness!.states.find((state) => state.phase === 'failed'),
      10_000,
    )
    expect(failed.error).toMatchObject({
      code: 'STREAM_CLOSED',
      detail: { code: 1009, reason: 'tooLarge', limit: '4 MiB' },
    })
    expect(failed.error?.message).toContain('sent a message larger than 4 MiB')
    // The 3 MiB message arrived; the 5 MiB one never reached the log.
    const big = harness.entries.filter((entry) => entry.type === 'big')
    expect(big.map((entry) => entry.size)).toEqual([3 * mib])
    // It does not reconnect to be flooded again: the user decides.
    expect(harness.sockets).toHaveLength(1)
  })

  it('uses the limit it is tuned with', async () => {
    const origin = await serverSending([200 * 1024])
    harness = createHarness({}, { tuning: { maxMessageBytes: 100 * 1024 } })
    await harness.service.connect(origin, null)
    const failed = await harness.until(() =>
      harness!.states.find((state) => state.phase === 'failed'),
    )
    expect(failed.error?.detail).toMatchObject({ reason: 'tooLarge' })
    expect(harness.entries.filter((entry) => entry.type === 'big')).toEqual([])
  })
})
