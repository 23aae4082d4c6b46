import { eventChannels } from '../src/shared/bridge-names.ts'
import { methodNames } from '../src/shared/contract.ts'

/**
 * Every method of the contract, as `namespace.method`. The one line to change when the contract
 * exports its own run-time list of methods (the list the preload is derived from).
 */
export const contractMethods: readonly string[] = methodNames

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
