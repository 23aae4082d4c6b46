// Builds `window.explorer` from names.ts: one named function per method, each calling its own
// channel, never a generic invoke the page could point anywhere. The preload passes Electron's
// ipcRenderer; a unit test can pass anything. Imports only names (types are erased), so the
// sandboxed preload bundles no schema library.
import type { EventName, ExplorerBridge } from './index.ts'
import { bridgeMethodNames, eventChannels } from './names.ts'

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>
export type Subscribe = (channel: EventName, listener: (payload: unknown) => void) => () => void

export function buildBridge(invoke: Invoke, subscribe: Subscribe): ExplorerBridge {
  const bridge: Record<string, Record<string, unknown>> = {}
  for (const [space, members] of Object.entries(bridgeMethodNames)) {
    bridge[space] = Object.fromEntries(
      members.map((member) => [
        member,
        (...args: unknown[]) => invoke(`${space}.${member}`, ...args),
      ]),
    )
  }
  bridge.events = Object.fromEntries(
    Object.entries(eventChannels).map(([subscription, channel]) => [
      subscription,
      (listener: (payload: unknown) => void) => subscribe(channel, listener),
    ]),
  )
  // Sound because index.ts checks names.ts against the signatures both ways.
  return bridge as unknown as ExplorerBridge
}
