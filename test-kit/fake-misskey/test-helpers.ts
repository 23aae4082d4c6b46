// Small fetch helpers shared by the fake's own tests.
import type { FakeMisskey } from './server.ts'

export interface Answer {
  status: number
  headers: Headers
  text: string
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown
}

export async function answer(response: Response): Promise<Answer> {
  const text = await response.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

/** POST /api/<name> with a JSON body (or none when `body` is undefined). */
export async function post(
  fake: FakeMisskey,
  name: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = { method: 'POST', headers }
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json', ...headers }
    init.body = JSON.stringify(body)
  }
  return answer(await fetch(`${fake.origin}/api/${name}`, init))
}

export const bearer = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
})

/** The `error` object of a Misskey envelope. */
export function misskeyError(a: Answer): Record<string, unknown> {
  const body = a.json
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    throw new Error(`not a Misskey error: ${a.status} ${a.text}`)
  }
  return body.error as Record<string, unknown>
}

export function upload(
  fake: FakeMisskey,
  parts: Array<[string, string | Blob, string?]>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = new FormData()
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value)
    else form.append(name, value, filename)
  }
  return fetch(`${fake.origin}/api/drive/files/create`, {
    method: 'POST',
    body: form,
    headers,
  }).then(answer)
}
