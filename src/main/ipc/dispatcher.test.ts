import { describe, expect, it } from 'vitest'
import type { ExplorerMethods } from '../../shared/contract/index.ts'
import { ok } from '../../shared/result.ts'
import { createDispatcher } from './dispatcher.ts'

const calls: unknown[][] = []
const notUsedHere = async () => {
  throw new Error('not used in this test')
}
// The methods this test calls; any other one fails loudly if the dispatcher ever reached it.
const handlers = new Proxy(
  {
    'catalog.open': async (address) => (calls.push(['open', address]), ok({} as never)),
    'catalog.getRequestSchema': async () => {
      throw new Error('boom')
    },
    'requests.send': async (input) => (calls.push(['send', input]), ok({} as never)),
    'requests.cancel': async () => ok(false),
  } as Partial<ExplorerMethods>,
  { get: (target, name: string) => target[name as keyof ExplorerMethods] ?? notUsedHere },
) as ExplorerMethods

const logged: string[] = []
const dispatch = createDispatcher(handlers, (message) => logged.push(message))

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) })
const validSend = {
  requestId: 'r1',
  origin: 'https://misskey.example',
  endpoint: 'notes/create',
  body: '{}',
  auth: { mode: 'header', accountId: 'a1' },
}

describe('dispatcher at the IPC boundary', () => {
  it('passes well-formed calls to the handler', async () => {
    expect(await dispatch('catalog.open', ['misskey.io'])).toEqual({ ok: true, value: {} })
    expect(await dispatch('requests.send', [validSend])).toEqual({ ok: true, value: {} })
    expect(calls).toEqual([
      ['open', 'misskey.io'],
      ['send', validSend],
    ])
  })

  it.each([
    ['an unknown method', 'shell.openExternal', ['https://x']],
    ['an inherited property as method', '__proto__', []],
    ['a missing argument', 'catalog.open', []],
    ['an extra argument', 'catalog.open', ['a', 'b']],
    ['a wrong type', 'catalog.open', [42]],
    ['arguments that are not a list', 'catalog.open', 'misskey.io'],
    ['a huge string', 'catalog.open', ['x'.repeat(100_000)]],
    ['a non-origin', 'catalog.getRequestSchema', ['file:///etc', 'meta']],
    [
      'a path-traversing endpoint',
      'catalog.getRequestSchema',
      ['https://a.example', '../../etc/passwd'],
    ],
    ['an extra field', 'requests.send', [{ ...validSend, token: 'secret' }]],
    [
      'a __proto__ key',
      'requests.send',
      [JSON.parse(`{"__proto__":{"polluted":true},"requestId":"r"}`)],
    ],
    ['deep nesting', 'requests.send', [nested(5000)]],
    [
      'a body beyond the limit',
      'requests.send',
      [{ ...validSend, body: 'x'.repeat(9 * 1024 * 1024) }],
    ],
    ['a timeout out of range', 'requests.send', [{ ...validSend, timeoutMs: -1 }]],
    [
      'an unknown auth mode',
      'requests.send',
      [{ ...validSend, auth: { mode: 'cookie', accountId: null } }],
    ],
    [
      'a token smuggled into auth',
      'requests.send',
      [{ ...validSend, auth: { mode: 'header', accountId: 'a1', token: 'x' } }],
    ],
    [
      'a javascript: client id',
      'accounts.startOAuth',
      [
        {
          origin: 'https://a.example',
          clientId: 'javascript:alert(1)',
          redirectUri: 'http://127.0.0.1:1/cb',
          scopes: [],
        },
      ],
    ],
  ])('answers %s with INVALID_ARGUMENT and never calls a handler', async (_case, method, args) => {
    calls.length = 0
    const result = await dispatch(method, args)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(calls).toEqual([])
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('answers a handler that throws with INTERNAL and logs the stack', async () => {
    const result = await dispatch('catalog.getRequestSchema', ['https://misskey.example', 'meta'])
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', detail: { method: 'catalog.getRequestSchema' } },
    })
    expect(logged.join('\n')).toContain('boom')
  })
})
