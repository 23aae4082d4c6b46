import { startFakeMisskey, type FakeMisskey } from '../fake-misskey/server.ts'

/** The server the stories run against: our fake by default, a real Misskey when MISSKEY_URL is set. */
export interface MisskeyTarget {
  kind: 'fake' | 'real'
  origin: string
  /** Present only against the fake, for assertions on what the server received. */
  fake: FakeMisskey | null
  close(): Promise<void>
}

export async function startMisskeyTarget(): Promise<MisskeyTarget> {
  const realUrl = process.env.MISSKEY_URL
  if (realUrl) {
    return {
      kind: 'real',
      origin: new URL(realUrl).origin,
      fake: null,
      close: async () => undefined,
    }
  }
  const fake = await startFakeMisskey()
  return { kind: 'fake', origin: fake.origin, fake, close: () => fake.close() }
}

/** What the server's own spec lists, counted independently of the app's catalog code. */
export async function countSpecEndpoints(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api.json`)
  const spec = (await response.json()) as { paths: Record<string, Record<string, unknown>> }
  return Object.values(spec.paths).filter((item) => 'post' in item || 'get' in item).length
}
