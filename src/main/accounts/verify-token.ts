import type { AccountUser } from '../../shared/accounts.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { describeNetworkError } from '../http/network-error.ts'
import { readJsonAnswer } from '../http/read-json-answer.ts'

/** A user object with pinned notes and fields is tens of KiB; 1 MiB is plenty. */
const maxUserAnswerBytes = 1024 * 1024

/**
 * Asks the server who a token belongs to (`POST /api/i`), so a token is saved only once the
 * server accepts it, and the account list shows a real user.
 */
export async function verifyToken(
  fetcher: typeof fetch,
  origin: string,
  token: string,
  timeoutMs = 20_000,
): Promise<Result<AccountUser>> {
  const url = `${origin}/api/i`
  let response: Response
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      return fail(
        'TIMEOUT',
        `${new URL(origin).host} did not answer within ${timeoutMs / 1000} s.`,
        {
          host: new URL(origin).host,
          seconds: timeoutMs / 1000,
        },
      )
    }
    return describeNetworkError(error, url)
  }
  let answer: Result<unknown>
  try {
    answer = await readJsonAnswer(response, maxUserAnswerBytes, `${url}'s answer`)
  } catch (error) {
    return describeNetworkError(error, url, 'body')
  }
  if (!answer.ok) return answer
  const body = answer.value ?? null
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
    const code = typeof error?.code === 'string' ? error.code : `HTTP ${response.status}`
    const message = typeof error?.message === 'string' ? error.message : response.statusText
    return fail('TOKEN_REFUSED', `The server refused the token: ${code} (${message}).`, {
      status: response.status,
      serverCode: code,
      serverMessage: message,
    })
  }
  const user = body as {
    id?: unknown
    username?: unknown
    name?: unknown
    avatarUrl?: unknown
  } | null
  if (!user || typeof user.id !== 'string' || typeof user.username !== 'string') {
    return fail('NOT_MISSKEY', `${url} did not answer with a Misskey user.`, {
      host: new URL(origin).host,
      specProblem: 'POST /api/i gave no user',
      endpointsProblem: '',
    })
  }
  return ok({
    id: user.id,
    username: user.username,
    name: typeof user.name === 'string' ? user.name : null,
    avatarUrl: typeof user.avatarUrl === 'string' ? user.avatarUrl : null,
  })
}
