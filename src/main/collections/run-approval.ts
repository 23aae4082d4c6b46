import { createHash } from 'node:crypto'
import type { SavedRequest, SavedRequestDraft } from '../../shared/collections.ts'
import type {
  CrossOriginUse,
  RunConfirmation,
  RunPlanStep,
} from '../../shared/collection-session.ts'
import { placeholderNames } from '../../shared/variables.ts'
import { serializeRequest } from './request-file.ts'

// A collection from a zip or a git pull is someone else's text: running it sends requests as
// the user's accounts. So the first run of a folder whose requests the app did not write (or
// the user did not approve) shows what will be sent where, as whom, and waits for a yes. The
// same goes for a value captured from one server's answer that a later request would carry to
// another server: it is planned here, before anything is sent, and needs the user's yes.

/** The request's meaning on disk, as a hash: what the app wrote, or what the user approved. */
export function requestHash(draft: SavedRequestDraft): string {
  return createHash('sha256').update(serializeRequest(draft)).digest('hex')
}

export interface RunPlan {
  steps: RunPlanStep[]
  crossOrigin: CrossOriginUse[]
  /** Per request, in order: the uses of captured values that would cross servers. */
  crossingsAt: CrossOriginUse[][]
  /** The server each variable's value will have come from after the run. */
  capturedOrigins: Record<string, string>
}

/**
 * Where each request goes and as whom, and which captured values would travel from one server
 * to another: worked out from the files before anything is sent (each request's server is fixed
 * by its file or the fallback, so a capture's server is known in advance).
 */
export async function planRun(
  requests: SavedRequest[],
  options: {
    fallbackOrigin: string | null
    capturedOrigins: Record<string, string>
    account: (origin: string, label: string | null) => Promise<{ label: string } | null>
  },
): Promise<RunPlan> {
  const from = { ...options.capturedOrigins }
  const steps: RunPlanStep[] = []
  const crossingsAt: CrossOriginUse[][] = []
  for (const request of requests) {
    const origin = request.origin ?? options.fallbackOrigin
    const account =
      origin && request.authMode !== 'none'
        ? await options.account(origin, request.accountLabel)
        : null
    steps.push({
      name: request.name,
      path: request.path,
      endpoint: request.endpoint,
      origin,
      accountLabel: account?.label ?? null,
    })
    const crossings: CrossOriginUse[] = []
    for (const variable of placeholderNames(request.body)) {
      const source = from[variable]
      if (source && origin && source !== origin) {
        crossings.push({
          variable,
          capturedFrom: source,
          sentTo: origin,
          request: request.name,
        })
      }
    }
    crossingsAt.push(crossings)
    for (const { variable } of request.captures) if (origin) from[variable] = origin
  }
  return { steps, crossOrigin: crossingsAt.flat(), crossingsAt, capturedOrigins: from }
}

/**
 * What the user must approve before the run, or null when nothing needs it. `approval` names
 * exactly this plan and these files: a yes given to it is no yes for what changes afterwards.
 */
export function confirmationFor(
  requests: SavedRequest[],
  plan: RunPlan,
  trusted: ReadonlySet<string>,
): RunConfirmation | null {
  const changedOutside = requests.some((request) => !trusted.has(requestHash(request)))
  if (!changedOutside && plan.crossOrigin.length === 0) return null
  const approval = createHash('sha256')
    .update(JSON.stringify([requests.map(requestHash), plan.steps, plan.crossOrigin]))
    .digest('hex')
  return { changedOutside, crossOrigin: plan.crossOrigin, steps: plan.steps, approval }
}
