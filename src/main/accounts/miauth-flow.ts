import { randomUUID } from 'node:crypto'
import type { Account, MiAuthRequest } from '../../shared/accounts.ts'
import { fail, type Result } from '../../shared/result.ts'
import { readJsonAnswer } from '../http/read-json-answer.ts'
import { normalizeServerAddress } from '../server-address.ts'
import { callbackPage, listenForCallback } from './loopback-callback.ts'
import { pause, type FlowContext } from './sign-in-flows.ts'

/** The check answers a token and a user object: 1 MiB is far more than it needs. */
const maxCheckAnswerBytes = 1024 * 1024

interface CheckAnswer {
  ok?: unknown
  token?: unknown
  user?: { id?: unknown; username?: unknown; name?: unknown; avatarUrl?: unknown }
}

/**
 * MiAuth: the user approves in the browser at /miauth/<session>; the token is then fetched once
 * with POST /api/miauth/<session>/check. The browser's return to a one-shot loopback callback
 * triggers the check at once; polling covers a browser that never comes back (or a server that
 * ignores the callback).
 */
export async function runMiAuth(
  request: MiAuthRequest,
  context: FlowContext,
): Promise<Result<Account>> {
  const origin = normalizeServerAddress(request.origin)
  if (!origin.ok) return origin
  if (request.permissions.length === 0) {
    return fail('SIGN_IN_FAILED', 'Pick at least one permission to ask for.')
  }
  const session = randomUUID()
  const callback = await listenForCallback({
    port: 0,
    path: '/miauth-callback',
    accept: (url) => url.searchParams.get('session') === session,
    page: callbackPage('Signed in', 'You can close this tab and return to Misskey API Explorer.'),
  })
  try {
    const page = new URL(`${origin.value}/miauth/${session}`)
    page.searchParams.set('name', request.appName ?? 'Misskey API Explorer')
    page.searchParams.set('permission', request.permissions.join(','))
    page.searchParams.set('callback', callback.url)
    context.started(page.toString())
    await context.openExternal(page.toString())

    let returned = false
    void callback.received.then(() => (returned = true))
    for (;;) {
      const answer = await check(context, origin.value, session)
      if (!answer.ok) return answer
      const { token, user } = answer.value
      if (
        typeof token === 'string' &&
        user &&
        typeof user.id === 'string' &&
        typeof user.username === 'string'
      ) {
        return context.accounts.save({
          origin: origin.value,
          token,
          user: {
            id: user.id,
            username: user.username,
            name: typeof user.name === 'string' ? user.name : null,
            avatarUrl: typeof user.avatarUrl === 'string' ? user.avatarUrl : null,
          },
          source: 'miauth',
          permissions: request.permissions,
        })
      }
      if (returned) {
        // Back from the browser, yet no token: the server hands it out only once, or it was denied.
        return fail(
          'SIGN_IN_FAILED',
          'The browser came back, but the server gave no token: was the request denied?',
        )
      }
      await Promise.race([pause(context.pollIntervalMs, context.signal), callback.received])
    }
  } finally {
    // The app may finish by polling before the browser comes back: keep the page up a moment.
    callback.close(5000)
  }
}

async function check(
  context: FlowContext,
  origin: string,
  session: string,
): Promise<Result<CheckAnswer>> {
  try {
    const response = await context.fetch(`${origin}/api/miauth/${session}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      redirect: 'manual',
      signal: context.signal,
    })
    if (!response.ok) {
      return fail(
        'SIGN_IN_FAILED',
        `The server answered ${response.status} to the MiAuth check; does it support MiAuth?`,
      )
    }
    const answer = await readJsonAnswer(response, maxCheckAnswerBytes, 'The MiAuth check answer')
    if (!answer.ok) return answer
    if (typeof answer.value !== 'object' || answer.value === null) {
      return fail('SIGN_IN_FAILED', 'The MiAuth check answer is not a JSON object.')
    }
    return { ok: true, value: answer.value as CheckAnswer }
  } catch (error) {
    if (context.signal.aborted) throw error
    return fail('SIGN_IN_FAILED', `The MiAuth check failed: ${(error as Error).message}`)
  }
}
