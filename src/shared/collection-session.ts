// The collection the app has open, as main reports it to the renderer: the folder's listing plus
// what lives only in this session (the active environment is remembered per folder in main's
// settings; captured variables only in memory, so ids from a run never churn a file in git).
import type { CollectionTree, InvalidCollectionFile } from './collections.ts'
import type { ResponseRecord } from './requests.ts'
import type { ExpectationCheck } from './expectations.ts'
import type { AppError } from './result.ts'

export interface OpenedCollection {
  tree: CollectionTree
  /** The environment whose variables fill `{{name}}` in sent bodies; null for none. */
  activeEnvironment: string | null
  /** Variables captured from responses in this session; they win over the environment's. */
  captured: Record<string, string>
}

/** One request of a folder run, in the order it was sent. */
export interface RunStepResult {
  name: string
  path: string
  endpoint: string
  /** The body as sent, variables filled in. */
  sentBody: string
  /** The account it was sent as, null without a token. */
  accountLabel: string | null
  unknownVariables: string[]
  outcome: { ok: true; response: ResponseRecord } | { ok: false; error: AppError }
  captured: Record<string, string>
  captureProblems: string[]
  /** The request's expectations against its response (a 2xx status when it has none). */
  checks: ExpectationCheck[]
  /** It got a response and every check passed. */
  passed: boolean
}

export interface RunFolderReport {
  folder: string
  steps: RunStepResult[]
  /** The captured variables after the run (the session's, updated by this run). */
  captured: Record<string, string>
  /**
   * Set when nothing was sent because the user must approve the run first: run again with
   * its `approval` to go ahead.
   */
  confirmation?: RunConfirmation
}

/** Where one request of a run will go, and as whom (null: without a token). */
export interface RunPlanStep {
  name: string
  path: string
  endpoint: string
  origin: string | null
  accountLabel: string | null
}

/** A value captured from one server's answer that a request would send to another server. */
export interface CrossOriginUse {
  variable: string
  capturedFrom: string
  sentTo: string
  /** The name of the request that would send it. */
  request: string
}

export interface RunConfirmation {
  /** Requests the app did not write and the user has not approved (imported, edited outside). */
  changedOutside: boolean
  crossOrigin: CrossOriginUse[]
  steps: RunPlanStep[]
  /** Names exactly this plan and these files. */
  approval: string
}

export interface ZipExported {
  path: string
  files: number
  skipped: InvalidCollectionFile[]
}

export interface ZipImported {
  files: number
  skipped: InvalidCollectionFile[]
  /** The folder the zip was unpacked into, now the open collection. */
  collection: OpenedCollection
}
