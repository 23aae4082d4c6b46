import type { Page } from '@playwright/test'
import type { ExplorerEvents } from '../../src/shared/contract/index.ts'
import {
  bridgeGlobalName,
  bridgeMethodNames,
  eventChannels,
} from '../../src/shared/contract/names.ts'
import type { Dispatch } from '../../src/main/ipc/dispatcher.ts'

export interface TestBridge {
  /** Pushes an event to the page, as main does with webContents.send. */
  emit<Name extends keyof ExplorerEvents>(event: Name, payload: ExplorerEvents[Name]): Promise<void>
}

interface BridgeShape {
  methods: Record<string, readonly string[]>
  events: Record<string, string>
  globalName: string
}

/**
 * Gives the page the same `window.explorer` the preload gives it in Electron, with every call
 * going through Playwright's binding to main's real dispatcher in the test process. Only
 * Electron's IPC plumbing is replaced; validation, handlers and services are main's own.
 */
export async function installTestBridge(page: Page, dispatch: Dispatch): Promise<TestBridge> {
  await page.exposeBinding('__explorerInvoke', (_source, method: string, args: unknown[]) =>
    dispatch(method, args),
  )
  await page.addInitScript(
    ({ methods, events, globalName }: BridgeShape) => {
      type Listener = (payload: unknown) => void
      const scope = globalThis as unknown as Record<string, unknown> & {
        __explorerInvoke(method: string, args: unknown[]): Promise<unknown>
      }
      const listeners = new Map<string, Set<Listener>>()
      const bridge: Record<string, Record<string, unknown>> = { events: {} }
      // The same walk over the contract's names as the preload's buildBridge (an init script
      // runs in the page and cannot import it).
      for (const [space, members] of Object.entries(methods)) {
        bridge[space] = {}
        for (const member of members) {
          bridge[space][member] = (...args: unknown[]) =>
            scope.__explorerInvoke(`${space}.${member}`, args)
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
      scope.__explorerEmit = (channel: string, payload: unknown) => {
        for (const listener of listeners.get(channel) ?? []) listener(payload)
      }
      Object.defineProperty(globalThis, globalName, { value: Object.freeze(bridge) })
    },
    {
      methods: bridgeMethodNames,
      events: eventChannels,
      globalName: bridgeGlobalName,
    } satisfies BridgeShape,
  )
  return {
    async emit(event, payload) {
      await page.evaluate(
        ([channel, value]) =>
          (
            globalThis as unknown as { __explorerEmit?: (c: string, p: unknown) => void }
          ).__explorerEmit?.(channel, value),
        [event, payload] as const,
      )
    },
  }
}
