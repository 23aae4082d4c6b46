import { randomUUID } from 'node:crypto'
import type { CollectionFolder, SavedRequest } from '../../shared/collections.ts'
import type {
  CrossOriginUse,
  RunFolderReport,
  RunStepResult,
} from '../../shared/collection-session.ts'
import type { ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import { fail, type Result } from '../../shared/result.ts'
import { itemNotFound } from './collection-context.ts'
import { runRequests, type RunStep } from './run-requests.ts'

const endpointName = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/

export interface RunFolderDependencies {
  /** Sends (and records in history) one prepared request. */
  send: (input: SendRequestInput) => Promise<Result<ResponseRecord>>
  /**
   * The account to send as: the one with this label on the server, else the server's active
   * one; null when the server has none (the request then goes without a token).
   */
  account: (origin: string, label: string | null) => Promise<{ id: string; label: string } | null>
}

/** The folder at `path` in a listed tree, or null. */
export function findFolder(root: CollectionFolder, path: string): CollectionFolder | null {
  if (root.path === path) return root
  for (const node of root.children) {
    if (node.kind !== 'folder') continue
    const found = findFolder(node.folder, path)
    if (found) return found
  }
  return null
}

/** A folder's requests in the order the user sees them, its sub-folders' included. */
export function requestsIn(folder: CollectionFolder): SavedRequest[] {
  return folder.children.flatMap((node) =>
    node.kind === 'request'
      ? [node.request]
      : node.kind === 'folder'
        ? requestsIn(node.folder)
        : [],
  )
}

/**
 * Runs a folder's requests one after another with `variables`: each body filled in, sent, its
 * captures taken for the requests after it. A request without a server of its own goes to
 * `fallbackOrigin` (the server open in the app).
 */
export async function runFolder(
  root: CollectionFolder,
  path: string,
  options: RunSavedRequestsOptions,
  dependencies: RunFolderDependencies,
): Promise<Result<RunFolderReport & { variables: Record<string, string> }>> {
  const folder = findFolder(root, path)
  if (!folder) return itemNotFound(path)
  const run = await runSavedRequests(requestsIn(folder), options, dependencies)
  return { ok: true, value: { folder: path, ...run } }
}

export interface RunSavedRequestsOptions {
  variables: Record<string, string>
  fallbackOrigin: string | null
  /** Stop at the first request that fails (`--bail`). */
  stopOnFailure?: boolean
  onStep?: (step: RunStepResult, index: number, total: number) => void
  /** Stop before the next request when this says so (the server cannot be reached). */
  shouldStop?: (step: RunStepResult) => boolean
  /** Per request: captured values it would carry to another server (see run-approval.ts). */
  crossingsAt?: CrossOriginUse[][]
  /** The user said yes to those crossings. */
  allowCrossOrigin?: boolean
}

export interface SavedRequestsRun {
  steps: RunStepResult[]
  captured: Record<string, string>
  variables: Record<string, string>
  /** A failure stopped the run before its last request. */
  stopped: boolean
}

/**
 * The one way saved requests are run, by the app's "run folder" and by `misskey-explorer run`:
 * in the order given, each sent as its account (resolved by server and label) through `send`.
 */
export async function runSavedRequests(
  requests: SavedRequest[],
  options: RunSavedRequestsOptions,
  dependencies: RunFolderDependencies,
): Promise<SavedRequestsRun> {
  const sentAs: Array<string | null> = []
  const toResult = (step: RunStep<ResponseRecord>, index: number): RunStepResult => ({
    name: step.name,
    path: requests[index]!.path,
    endpoint: requests[index]!.endpoint,
    sentBody: step.sentBody,
    accountLabel: sentAs[index] ?? null,
    unknownVariables: step.unknownVariables,
    outcome: step.outcome,
    captured: step.captured,
    captureProblems: step.captureProblems,
    checks: step.checks,
    passed: step.passed,
  })
  const { onStep, shouldStop } = options
  const report = await runRequests<ResponseRecord>(requests, {
    variables: options.variables,
    stopOnFailure: options.stopOnFailure ?? false,
    ...(onStep
      ? { onStep: (step, index, total) => onStep(toResult(step, index), index, total) }
      : {}),
    ...(shouldStop ? { shouldStop: (step, index) => shouldStop(toResult(step, index)) } : {}),
    send: async (prepared) => {
      const origin = prepared.origin ?? options.fallbackOrigin
      const crossings = options.crossingsAt?.[sentAs.length] ?? []
      sentAs.push(null)
      if (crossings.length > 0 && !options.allowCrossOrigin) {
        const [first] = crossings as [CrossOriginUse]
        return fail(
          'CAPTURED_VALUE_OTHER_SERVER',
          `{{${first.variable}}} was captured from ${first.capturedFrom}; it is not sent to ${first.sentTo} unless you allow it.`,
          { variable: first.variable, capturedFrom: first.capturedFrom, sentTo: first.sentTo },
        )
      }
      if (!origin) {
        return fail('CATALOG_NOT_LOADED', 'Open a server first: this request names none.')
      }
      // A shared file could name anything; only a real endpoint name goes into the URL.
      if (!endpointName.test(prepared.endpoint)) {
        return fail('INVALID_ARGUMENT', `${prepared.endpoint} is not an endpoint name.`, {
          path: 'endpoint',
          reason: 'not an endpoint name such as notes/create',
        })
      }
      const account =
        prepared.authMode === 'none'
          ? null
          : await dependencies.account(origin, prepared.accountLabel)
      sentAs[sentAs.length - 1] = account?.label ?? null
      return dependencies.send({
        requestId: randomUUID(),
        origin,
        endpoint: prepared.endpoint,
        body: prepared.body,
        auth: account
          ? { mode: prepared.authMode, accountId: account.id }
          : { mode: 'none', accountId: null },
      })
    },
  })
  const steps = report.steps.map(toResult)
  const captured: Record<string, string> = {}
  for (const step of steps) Object.assign(captured, step.captured)
  return { steps, captured, variables: report.variables, stopped: report.stopped }
}
