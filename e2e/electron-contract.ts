import { eventChannels, listMethodChannels } from '../src/shared/contract/names.ts'

/** Every method of the contract, as `namespace.method`: the list the preload is built from. */
export const contractMethods: readonly string[] = listMethodChannels()

/** What `window.explorer` must hold: each namespace with its methods, plus the event subscriptions. */
export function expectedBridgeShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {}
  for (const method of contractMethods) {
    const [space, name] = method.split('.') as [string, string]
    ;(shape[space] ??= []).push(name)
  }
  shape.events = Object.keys(eventChannels)
  for (const members of Object.values(shape)) members.sort()
  return shape
}
