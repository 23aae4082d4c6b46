import { startFakeMisskey, type FakeMisskey } from '../fake-misskey/server.ts'

/** The server the stories run against: our fake by default, a real Misskey when MISSKEY_URL is set. */
export interface MisskeyTarget {
  kind: 'fake' | 'real'
  origin: string
  /** Present only against the fake, for assertions on what the server received. */
  fake: FakeMisskey | null
  /** A login token of a user of that server: the fake's alice, or MISSKEY_TOKEN. */
  token: string | null
  close(): Promise<void>
}

export async function startMisskeyTarget(): Promise<MisskeyTarget> {
  const realUrl = process.env.MISSKEY_URL
  if (realUrl) {
    return {
      kind: 'real',
      origin: new URL(realUrl).origin,
      fake: null,
      token: process.env.MISSKEY_TOKEN ?? null,
      close: async () => undefined,
    }
  }
  const fake = await startFakeMisskey()
  return {
    kind: 'fake',
    origin: fake.origin,
    fake,
    token: fake.users.alice.token,
    close: () => fake.close(),
  }
}

/** What the server's own spec lists, counted independently of the app's catalog code. */
export async function countSpecEndpoints(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api.json`)
  const spec = (await response.json()) as { paths: Record<string, Record<string, unknown>> }
  return Object.values(spec.paths).filter((item) => 'post' in item || 'get' in item).length
}

/** Who a token belongs to, asked of the server itself (the stories compare the app against it). */
export async function whoIs(
  origin: string,
  token: string,
): Promise<{ id: string; username: string }> {
  const response = await fetch(`${origin}/api/i`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  })
  if (!response.ok) throw new Error(`POST /api/i answered ${response.status}: is the token valid?`)
  return (await response.json()) as { id: string; username: string }
}
