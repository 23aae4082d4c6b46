import { startFakeMisskey } from '../e2e/fake-misskey/server.ts'
import { createRequestSender } from '../src/main/requests/request-sender.ts'
import { ms, report, timeAsync } from './measure.ts'

/** Our request path (parse, send, read, classify) against a bare fetch of the same call on loopback. */
export async function benchRequests(): Promise<void> {
  const fake = await startFakeMisskey()
  try {
    const sender = createRequestSender({
      fetch,
      monotonicNow: () => performance.now(),
      emitProgress: () => undefined,
    })
    let id = 0
    const ours = await timeAsync(200, async () => {
      const result = await sender.send({
        requestId: `bench-${id++}`,
        origin: fake.origin,
        endpoint: 'meta',
        body: '{}',
      })
      if (!result.ok) throw new Error(result.error.message)
    })
    const raw = await timeAsync(200, async () => {
      const response = await fetch(`${fake.origin}/api/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      await response.text()
    })
    report('POST /api/meta on loopback (fake server), 200 runs each', [
      ['raw fetch + text (baseline)', `median ${ms(raw.median)}, p95 ${ms(raw.p95)}`],
      ['requests.send (ours)', `median ${ms(ours.median)}, p95 ${ms(ours.p95)}`],
      ['ratio ours / raw', `${(ours.median / raw.median).toFixed(2)}×`],
    ])
  } finally {
    await fake.close()
  }
}
