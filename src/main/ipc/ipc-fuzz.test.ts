import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methodNames } from '../../shared/contract/index.ts'
import { appErrorCodes } from '../../shared/result.ts'
import { createMemorySecretStore } from '../secrets/testing/memory-secret-store.ts'
import { createMainServices, type MainDependencies } from '../services.ts'
import { createDispatcher, type Dispatch } from './dispatcher.ts'
import { createHandlers } from './handlers.ts'

// Every method of the contract, called with what a compromised or buggy page could send, must
// be answered with a typed Result: main never throws, never crashes, never pollutes prototypes.
let dispatch: Dispatch
let folder: string
let closeServices: () => Promise<void>
const logged: string[] = []

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ipc-fuzz-'))
  const services = createMainServices({
    // The fuzz is about the boundary, not the network: every request fails at once.
    fetch: async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    },
    storageDirectory: folder,
    secrets: createMemorySecretStore(),
    now: Date.now,
    monotonicNow: () => performance.now(),
    log: (message) => logged.push(message),
    openExternal: async () => undefined,
    chooseFile: async () => null,
    chooseFolder: async () => null,
    chooseSaveFile: async () => null,
    writeClipboard: () => undefined,
    emit: () => undefined,
    // Nor does any socket open.
    WebSocket: class {
      constructor() {
        throw new Error('no sockets in the fuzz')
      }
    } as unknown as MainDependencies['WebSocket'],
  })
  dispatch = createDispatcher(createHandlers(services), (message) => logged.push(message))
  closeServices = () => services.close()
})
afterAll(async () => {
  await closeServices()
  await rm(folder, { recursive: true, force: true })
})

/** Nested objects `depth` levels deep, built without recursion (as JSON.parse would). */
function deep(depth: number): unknown {
  let value: unknown = {}
  for (let level = 0; level < depth; level++) value = { nested: value }
  return value
}
const hostile = fc.oneof(
  fc.anything(),
  fc.string({ minLength: 100_000, maxLength: 100_000 }),
  fc.constant(deep(10_000)),
  fc.constant(
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  ),
  fc.constant(Object.create(null)),
  fc.constant('javascript:alert(1)'),
  fc.constant('file:///etc/passwd'),
  fc.constant('../../../../etc/passwd'),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.bigInt().map((value) => value),
)

describe('IPC fuzzing against the real handlers', () => {
  it.each(methodNames)('%s answers anything with a typed Result', async (method) => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 4 }), async (args) => {
        const result = await dispatch(method, args)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(appErrorCodes).toContain(result.error.code)
      }),
      { numRuns: 60 },
    )
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('refuses malformed calls of every method with INVALID_ARGUMENT, before any handler runs', async () => {
    const malformed: unknown[] = [
      undefined,
      null,
      'not a list',
      [Symbol('x')],
      [deep(10_000)],
      ['x'.repeat(10_000_000)],
      [JSON.parse('{"__proto__":{"polluted":true}}')],
      new Array(50).fill(1),
    ]
    for (const method of methodNames) {
      for (const args of malformed) {
        const result = await dispatch(method, args)
        expect(result, `${method} with case ${malformed.indexOf(args)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_ARGUMENT' },
        })
      }
    }
    expect(logged.filter((line) => line.includes('failed:'))).toEqual([])
  })

  it('answers an unknown method or a prototype key as a method name', async () => {
    for (const method of [
      '__proto__',
      'constructor',
      'toString',
      'shell.openExternal',
      '',
      'catalog',
    ]) {
      expect(await dispatch(method, [])).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      })
    }
  })
})
