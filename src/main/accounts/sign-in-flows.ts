import { randomUUID } from 'node:crypto'
import type {
  Account,
  MiAuthRequest,
  OAuthRequest,
  OAuthSupport,
  SignInProgress,
  SignInStarted,
} from '../../shared/accounts.ts'
import { normalizeServerAddress } from '../server-address.ts'
import { fetchOAuthMetadata, supportOf } from './oauth-metadata.ts'
import { fail, ok, type AppError, type Result } from '../../shared/result.ts'
import type { AccountService } from './account-service.ts'
import { runMiAuth } from './miauth-flow.ts'
import { runOAuth } from './oauth-flow.ts'

export interface SignInDependencies {
  fetch: typeof fetch
  accounts: AccountService
  /** Opens a page in the system browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>
  emit: (progress: SignInProgress) => void
  /** How long a sign-in may wait for the user; MiAuth also polls at `pollIntervalMs`. */
  timeoutMs?: number
  pollIntervalMs?: number
}

/** What a flow gets to run with; it returns the saved account or why there is none. */
export interface FlowContext {
  signal: AbortSignal
  fetch: typeof fetch
  accounts: AccountService
  openExternal: (url: string) => Promise<void>
  pollIntervalMs: number
  /** Called once the browser page is known, so the renderer can show it too. */
  started: (url: string) => void
}

export type Flow = (context: FlowContext) => Promise<Result<Account>>

export interface SignInFlows {
  /** Whether the server offers OAuth 2, and which scopes it lists. */
  oauthSupport(address: string): Promise<Result<OAuthSupport>>
  startMiAuth(request: MiAuthRequest): Promise<Result<SignInStarted>>
  startOAuth(request: OAuthRequest): Promise<Result<SignInStarted>>
  cancel(flowId: string): boolean
}

/**
 * Runs browser sign-ins (MiAuth, OAuth 2) in the background: each has an id, reports its progress
 * as events, can be cancelled, and times out with a clear message.
 */
export function createSignInFlows(dependencies: SignInDependencies): SignInFlows {
  const running = new Map<string, AbortController>()
  const timeoutMs = dependencies.timeoutMs ?? 5 * 60_000

  function start(flow: Flow): Promise<Result<SignInStarted>> {
    const flowId = randomUUID()
    const controller = new AbortController()
    running.set(flowId, controller)
    const timer = setTimeout(() => controller.abort('timeout'), timeoutMs)
    return new Promise((resolve) => {
      let announced = false
      const context: FlowContext = {
        signal: controller.signal,
        fetch: dependencies.fetch,
        accounts: dependencies.accounts,
        openExternal: dependencies.openExternal,
        pollIntervalMs: dependencies.pollIntervalMs ?? 2000,
        started: (url) => {
          announced = true
          resolve(ok({ flowId, url }))
          dependencies.emit({ flowId, status: 'waiting' })
        },
      }
      flow(context)
        .catch((error: unknown): Result<Account> =>
          fail('SIGN_IN_FAILED', `Sign-in failed: ${(error as Error).message}`),
        )
        .then((result) => {
          clearTimeout(timer)
          running.delete(flowId)
          // A flow that fails before opening the browser answers the start call itself.
          if (!announced) return resolve(result.ok ? ok({ flowId, url: '' }) : result)
          dependencies.emit(progressOf(flowId, result, controller.signal, timeoutMs))
        })
    })
  }

  return {
    async oauthSupport(address) {
      const origin = normalizeServerAddress(address)
      if (!origin.ok) return origin
      const metadata = await fetchOAuthMetadata(dependencies.fetch, origin.value)
      return metadata.ok ? ok(supportOf(metadata.value)) : metadata
    },
    startMiAuth: (request) => start((context) => runMiAuth(request, context)),
    startOAuth: (request) => start((context) => runOAuth(request, context)),
    cancel(flowId) {
      const controller = running.get(flowId)
      if (!controller) return false
      controller.abort('cancelled')
      return true
    },
  }
}

function progressOf(
  flowId: string,
  result: Result<Account>,
  signal: AbortSignal,
  timeoutMs: number,
): SignInProgress {
  if (result.ok) return { flowId, status: 'completed', account: result.value }
  if (signal.aborted && signal.reason === 'cancelled') return { flowId, status: 'cancelled' }
  const error: AppError =
    signal.aborted && signal.reason === 'timeout'
      ? {
          code: 'TIMEOUT',
          message: `The sign-in was not approved within ${Math.round(timeoutMs / 60_000)} minutes.`,
        }
      : result.error
  return { flowId, status: 'failed', code: error.code, message: error.message }
}

/** Resolves after `ms`, or rejects as soon as the flow is cancelled or times out. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error(String(signal.reason)))
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(new Error(String(signal.reason)))
      },
      { once: true },
    )
  })
}
