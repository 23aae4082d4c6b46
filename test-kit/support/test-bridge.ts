import type { Page } from '@playwright/test'
import type { ExplorerEvents } from '../../src/shared/contract/index.ts'
import {
  bridgeGlobalName,
  bridgeMethodNames,
  eventChannels,
} from '../../src/shared/contract/names.ts'
import type { Dispatch } from '../../src/main/ipc/dispatcher.ts'
import { bytesTag, startBridgeSocket, textTag, type CallFrame } from './socket-bridge.ts'

/**
 * How the page's calls reach main: `binding` is Playwright's exposeBinding (over the DevTools
 * protocol; what the stories use), `socket` a loopback WebSocket, as quick as Electron's IPC for
 * a big answer (the page's context needs `bypassCSP: true`: the app's policy allows no socket).
 */
export type BridgeTransport = 'binding' | 'socket'

export interface TestBridge {
  transport: BridgeTransport
  /** Pushes an event to the page, as main does with webContents.send. */
  emit<Name extends keyof ExplorerEvents>(event: Name, payload: ExplorerEvents[Name]): Promise<void>
  close(): Promise<void>
}

interface BridgeShape {
  methods: Record<string, readonly string[]>
  events: Record<string, string>
  globalName: string
  /** The socket to call main through; null: Playwright's binding. */
  socketUrl: string | null
  bytesTag: string
  textTag: string
}

/**
 * Gives the page the same `window.explorer` the preload gives it in Electron, with every call
 * going to main's real dispatcher in the test process. Only Electron's IPC plumbing is replaced;
 * validation, handlers and services are main's own.
 */
export async function installTestBridge(
  page: Page,
  dispatch: Dispatch,
  transport: BridgeTransport = 'binding',
): Promise<TestBridge> {
  const socket = transport === 'socket' ? await startBridgeSocket(dispatch) : null
  if (!socket) {
    await page.exposeBinding('__explorerInvoke', (_source, method: string, args: unknown[]) =>
      dispatch(method, args),
    )
  }
  await page.addInitScript(buildPageBridge, {
    methods: bridgeMethodNames,
    events: eventChannels,
    globalName: bridgeGlobalName,
    socketUrl: socket?.url ?? null,
    bytesTag,
    textTag,
  } satisfies BridgeShape)
  return {
    transport,
    async emit(event, payload) {
      if (socket) return socket.emit(event, payload)
      await page.evaluate(
        ([channel, value]) =>
          (
            globalThis as unknown as { __explorerEmit?: (c: string, p: unknown) => void }
          ).__explorerEmit?.(channel, value),
        [event, payload] as const,
      )
    },
    close: async () => socket?.close(),
  }
}

/** Runs in the page before its own scripts (an init script: it cannot import anything). */
function buildPageBridge({
  methods,
  events,
  globalName,
  socketUrl,
  bytesTag,
  textTag,
}: BridgeShape) {
  type Listener = (payload: unknown) => void
  const scope = globalThis as unknown as Record<string, unknown> & {
    __explorerInvoke(method: string, args: unknown[]): Promise<unknown>
  }
  const listeners = new Map<string, Set<Listener>>()
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
  let invoke = (method: string, args: unknown[]) => scope.__explorerInvoke(method, args)
  if (socketUrl) {
    const socket = new WebSocket(socketUrl)
    socket.binaryType = 'arraybuffer'
    const open = new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve()
      socket.onerror = () => reject(new Error(`The test bridge cannot reach ${socketUrl}.`))
    })
    open.catch(() => undefined) // told to each call; a page that makes none has nothing to hear
    const pending = new Map<number, { resolve: Listener; reject: (error: Error) => void }>()
    let lastId = 0
    const revive = (_key: string, value: unknown) => {
      const bytes = (value as Record<string, unknown> | null)?.[bytesTag]
      return typeof bytes === 'string'
        ? Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))
        : value
    }
    const decoder = new TextDecoder()
    /** A binary frame: its JSON, then the long strings it refers to (see socket-bridge.ts). */
    const parseBinary = (data: ArrayBuffer) => {
      const view = new DataView(data)
      const parts: string[] = []
      for (let offset = 0; offset < data.byteLength;) {
        const length = view.getUint32(offset, true)
        parts.push(decoder.decode(new Uint8Array(data, offset + 4, length)))
        offset += 4 + length
      }
      const [head = 'null', ...texts] = parts
      return JSON.parse(head, (key, value: unknown) => {
        const index = (value as Record<string, unknown> | null)?.[textTag]
        return typeof index === 'number' ? texts[index] : revive(key, value)
      }) as unknown
    }
    socket.onmessage = ({ data }) => {
      const frame = (
        typeof data === 'string' ? JSON.parse(data, revive) : parseBinary(data as ArrayBuffer)
      ) as { id: number; result: unknown } | { channel: string; payload: unknown }
      if ('channel' in frame) return emit(frame.channel, frame.payload)
      pending.get(frame.id)?.resolve(frame.result)
      pending.delete(frame.id)
    }
    socket.onclose = () => {
      for (const call of pending.values()) call.reject(new Error('The test bridge closed.'))
      pending.clear()
    }
    invoke = async (method, args) => {
      await open
      const id = ++lastId
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        socket.send(JSON.stringify({ id, method, args } satisfies CallFrame))
      })
    }
  }
  const bridge: Record<string, Record<string, unknown>> = { events: {} }
  // The same walk over the contract's names as the preload's buildBridge.
  for (const [space, members] of Object.entries(methods)) {
    bridge[space] = {}
    for (const member of members) {
      bridge[space][member] = (...args: unknown[]) => invoke(`${space}.${member}`, args)
    }
  }
  for (const [subscription, channel] of Object.entries(events)) {
    ;(bridge.events as Record<string, unknown>)[subscription] = (listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  }
  scope.__explorerEmit = emit
  Object.defineProperty(globalThis, globalName, { value: Object.freeze(bridge) })
}
