import * as v from 'valibot'
import {
  bridgeArgumentSchemas,
  type ExplorerMethods,
  type MethodName,
} from '../../shared/contract/index.ts'
import { withoutQuotedValues } from '../http/network-error.ts'
import { fail, type Result } from '../../shared/result.ts'

export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>

/**
 * The transport-free heart of the IPC boundary, used by Electron's ipcMain and by the e2e bridge
 * alike: an unknown method or malformed arguments get INVALID_ARGUMENT, a handler that throws gets
 * INTERNAL, and nothing the page sends can crash main.
 */
export function createDispatcher(
  handlers: ExplorerMethods,
  log: (message: string) => void,
): Dispatch {
  return async (method, args) => {
    if (!Object.hasOwn(bridgeArgumentSchemas, method)) {
      return fail('INVALID_ARGUMENT', `There is no method called ${String(method).slice(0, 80)}.`, {
        method: String(method).slice(0, 80),
      })
    }
    const name = method as MethodName
    let parsed: ReturnType<typeof v.safeParse>
    try {
      parsed = v.safeParse(bridgeArgumentSchemas[name], args)
    } catch (error) {
      // A check that cannot even look at the value (nesting too deep to walk, a BigInt in JSON).
      return fail(
        'INVALID_ARGUMENT',
        `${name}: the arguments cannot be checked (${(error as Error).message}).`,
        {
          method: name,
          path: '(arguments)',
          reason: (error as Error).message,
        },
      )
    }
    if (!parsed.success) {
      const issue = parsed.issues[0]
      const path = v.getDotPath(issue) ?? '(arguments)'
      return fail('INVALID_ARGUMENT', `${name}: ${path} ${issue.message}`, {
        method: name,
        path,
        reason: issue.message,
      })
    }
    try {
      const handler = handlers[name] as (...values: unknown[]) => Promise<Result<unknown>>
      return await handler(...(parsed.output as unknown[]))
    } catch (error) {
      // A quoted part of an error may be a header value, token and all: it never reaches the log.
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
      log(`${name} failed: ${withoutQuotedValues(text)}`)
      return fail('INTERNAL', `Something went wrong in ${name}; the details are in the log.`, {
        method: name,
      })
    }
  }
}
