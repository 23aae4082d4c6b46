import { startFakeMisskey, type FakeMisskey } from '../fake-misskey/server.ts'

/** The server the stories run against: our fake by default, a real Misskey when MISSKEY_URL is set. */
export interface MisskeyTarget {
  kind: 'fake' | 'real'
  origin: string
  /** Present only against the fake, for assertions on what the server received. */
  fake: FakeMisskey | null
  /** A login token of a user of that server: the fake's alice, or MISSKEY_TOKEN. */
  token: string | null
  /**
   * A user's own login token, which may call the `secure` endpoint miauth/gen-token as Misskey's
   * web UI does when the user approves a MiAuth request: the fake's alice, or MISSKEY_TOKEN when
   * it is such a token (null when it is an app's token, which the server refuses there).
   */
  approvalToken(): Promise<string | null>
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
      approvalToken: async () => {
        const token = process.env.MISSKEY_TOKEN
        return token && (await isLoginToken(new URL(realUrl).origin, token)) ? token : null
      },
      close: async () => undefined,
    }
  }
  const fake = await startFakeMisskey()
  return {
    kind: 'fake',
    origin: fake.origin,
    fake,
    token: fake.users.alice.token,
    approvalToken: async () => fake.users.alice.token,
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

/**
 * Whether the token is a user's own login token: asked of miauth/gen-token with a parameter of the
 * wrong type, so nothing is created. A login token gets as far as the parameter check (400
 * INVALID_PARAM); an app's token is turned away first (403 ACCESS_DENIED).
 */
export async function isLoginToken(origin: string, token: string): Promise<boolean> {
  const response = await fetch(`${origin}/api/miauth/gen-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ i: token, permission: 42 }),
  })
  const answer = (await response.json().catch(() => null)) as { error?: { code?: string } } | null
  return response.status === 400 && answer?.error?.code === 'INVALID_PARAM'
}
