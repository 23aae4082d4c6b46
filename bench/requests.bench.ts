import { startFakeMisskey } from '../test-kit/fake-misskey/server.ts'
import { createRequestSender } from '../src/main/requests/request-sender.ts'
import { ms, report, timeSideBySide } from './measure.ts'

/** Our request path (parse, send, read, classify) against a bare fetch of the same call on loopback. */
export async function benchRequests(): Promise<void> {
  const fake = await startFakeMisskey()
  try {
    const sender = createRequestSender({
      fetch,
      // The token comes from memory here: the keychain's own latency is not what this measures.
      tokenFor: async () => ({ ok: true, value: fake.users.alice.token }),
      monotonicNow: () => performance.now(),
      emitProgress: () => undefined,
    })
    let id = 0
    const [ours, raw] = await timeSideBySide(
      600,
      async () => {
        const result = await sender.send({
          requestId: `bench-${id++}`,
          origin: fake.origin,
          endpoint: 'i',
          body: '{}',
          auth: { mode: 'header', accountId: 'bench' },
        })
        if (!result.ok || result.value.status !== 200)
          throw new Error('the benchmark request failed')
      },
      async () => {
        const response = await fetch(`${fake.origin}/api/i`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${fake.users.alice.token}`,
          },
          body: '{}',
        })
        await response.text()
      },
    )
    report(
      'POST /api/i with a Bearer token on loopback (fake server), 600 runs each, interleaved',
      [
        ['raw fetch + text (baseline)', `median ${ms(raw.median)}, p95 ${ms(raw.p95)}`],
        ['requests.send (ours)', `median ${ms(ours.median)}, p95 ${ms(ours.p95)}`],
        ['ratio ours / raw', `${(ours.median / raw.median).toFixed(2)}×  (target ≤ 1.05)`],
      ],
    )
  } finally {
    await fake.close()
  }
}
