// A stand-in for main behind `window.explorer`, so the stores' behaviour is checked in Node
// without a browser. It is built by the same buildBridge the preload uses, so it has exactly the
// contract's methods; each answers what the test told it to, and a call nobody expected fails
// loudly instead of hanging.
import { buildBridge } from '../../../shared/contract/build-bridge.ts'
import type {
  EventName,
  ExplorerBridge,
  ExplorerEvents,
  ExplorerMethods,
  MethodName,
} from '../../../shared/contract/index.ts'
import { fail } from '../../../shared/result.ts'

type Answer<Name extends MethodName> = (
  ...args: Parameters<ExplorerMethods[Name]>
) => ReturnType<ExplorerMethods[Name]> | Awaited<ReturnType<ExplorerMethods[Name]>>

export interface StandInBridge {
  bridge: ExplorerBridge
  /** Every call the stores made, in order. */
  calls: Array<{ method: MethodName; args: unknown[] }>
  /** How main answers a method from now on. */
  answer<Name extends MethodName>(method: Name, answer: Answer<Name>): void
  /** Pushes an event, as main does with webContents.send. */
  emit<Name extends EventName>(event: Name, payload: ExplorerEvents[Name]): void
  /** The arguments of each call of one method. */
  argsOf(method: MethodName): unknown[][]
}

/** Creates the stand-in and puts it where the stores look (window.explorer, localStorage). */
export function installStandInBridge(): StandInBridge {
  const answers = new Map<string, (...args: unknown[]) => unknown>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: StandInBridge['calls'] = []
  const bridge = buildBridge(
    async (channel, ...args) => {
      calls.push({ method: channel as MethodName, args })
      const answer = answers.get(channel)
      if (!answer) return fail('INTERNAL', `The stand-in bridge has no answer for ${channel}.`)
      return answer(...args)
    },
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  )
  const scope = globalThis as unknown as { window?: { explorer?: ExplorerBridge } }
  scope.window = { ...scope.window, explorer: bridge }
  installMemoryStorage()
  return {
    bridge,
    calls,
    answer: (method, answer) => answers.set(method, answer as (...args: unknown[]) => unknown),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    argsOf: (method) => calls.filter((call) => call.method === method).map((call) => call.args),
  }
}

/** Some stores remember small, non-secret things in the page's localStorage. */
function installMemoryStorage() {
  const values = new Map<string, string>()
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, String(value)),
      removeItem: (key: string) => void values.delete(key),
      clear: () => values.clear(),
    },
  })
}

/** A promise the test resolves when it chooses: for answers that arrive out of order. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((settle) => (resolve = settle))
  return { promise, resolve }
}
