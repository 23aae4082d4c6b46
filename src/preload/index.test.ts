/* eslint-disable @typescript-eslint/no-unsafe-function-type -- the stand-in records whatever functions the code hands to electron */
import { describe, expect, it, vi } from 'vitest'
import { bridgeArgumentSchemas, methodNames } from '../shared/contract/index.ts'

const recorded = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, Record<string, Function>>>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, Function>(),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, value: never) => recorded.exposed.set(name, value),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => void recorded.invoked.push(args),
    on: (channel: string, listener: Function) => recorded.listeners.set(channel, listener),
    removeListener: (channel: string) => recorded.listeners.delete(channel),
  },
}))

describe('preload', () => {
  it('exposes one named function per contract method under window.explorer, each on its own channel', async () => {
    await import('./index.ts')
    const bridge = recorded.exposed.get('explorer')!
    for (const method of methodNames) {
      const [space, name] = method.split('.') as [string, string]
      expect(typeof bridge[space]?.[name], method).toBe('function')
    }
    await bridge.catalog!.open!('misskey.io')
    await bridge.catalog!.getRequestSchema!('https://misskey.io', 'notes/create')
    expect(recorded.invoked).toEqual([
      ['catalog.open', 'misskey.io'],
      ['catalog.getRequestSchema', 'https://misskey.io', 'notes/create'],
    ])
    // Every method calls its own channel with the arguments it was given.
    recorded.invoked.length = 0
    for (const method of methodNames) {
      const [space, name] = method.split('.') as [string, string]
      await bridge[space]![name]!('argument')
    }
    expect(recorded.invoked).toEqual(methodNames.map((method) => [method, 'argument']))
  })

  it('lists exactly the methods main validates, so no channel is missing on either side', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(bridgeArgumentSchemas).sort())
  })

  it('subscribes to pushed events and unsubscribes', async () => {
    await import('./index.ts')
    const bridge = recorded.exposed.get('explorer')!
    const seen: unknown[] = []
    const unsubscribe = bridge.events!.onRequestProgress!((progress: unknown) =>
      seen.push(progress),
    )
    recorded.listeners.get('requests.onProgress')?.(
      {},
      { requestId: 'r1', receivedBytes: 10, totalBytes: null },
    )
    expect(seen).toEqual([{ requestId: 'r1', receivedBytes: 10, totalBytes: null }])
    unsubscribe()
    expect(recorded.listeners.has('requests.onProgress')).toBe(false)
  })
})
