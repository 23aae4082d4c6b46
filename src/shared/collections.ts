// Saved requests as the renderer sees them. A collection is a folder the user picked, meant to be
// shared (git, a zip), so nothing here can hold a token: an account is named by its server and
// label, and main looks the token up in the keychain when it sends.
import type { AuthMode } from './history.ts'

/** Takes a value from a response into a variable, e.g. `createdNote.id` or `notes[0].id`. */
export interface VariableCapture {
  variable: string
  path: string
}

/**
 * What a run checks of a request's response (`misskey-explorer run`, "run folder"). Without a
 * `status` or an `errorCode`, the status must be 2xx.
 */
export interface RequestExpectations {
  /** The exact HTTP status. */
  status?: number
  /** Misskey's `error.code`, e.g. `NO_SUCH_NOTE`. */
  errorCode?: string
  /** The whole response (first byte out to last byte in) took less than this. */
  durationUnderMs?: number
  /** Values in the JSON body, by the same paths as captures (`createdNote.user.username`). */
  json?: JsonPathExpectation[]
}

export type JsonPathExpectation =
  /** The value equals this JSON value (strings, numbers, booleans, null, objects compared whole). */
  | { path: string; equals: unknown }
  /** The path is there (`true`) or is not (`false`). */
  | { path: string; exists: boolean }
  /** The value, as text, matches this regular expression. */
  | { path: string; matches: string }

/** A request as the user edits it. */
export interface SavedRequestDraft {
  name: string
  /** The server, e.g. `https://misskey.example`; null: whichever server is open. */
  origin: string | null
  endpoint: string
  authMode: AuthMode
  /** The label of the account on `origin` to send as; null for none. */
  accountLabel: string | null
  /** The body text as typed, `{{variables}}` included. */
  body: string
  notes: string
  captures: VariableCapture[]
  /** Absent or empty: the run only asks for a 2xx status. */
  expectations?: RequestExpectations
}

export interface SavedRequest extends SavedRequestDraft {
  /** Where it is: a path inside the collection with `/` separators, e.g. `notes/Create.request.json`. */
  path: string
}

/** A file the app recognises by its name but cannot read; listed, never rewritten or deleted. */
export interface InvalidCollectionFile {
  path: string
  error: string
}

export type CollectionNode =
  | { kind: 'folder'; folder: CollectionFolder }
  | { kind: 'request'; request: SavedRequest }
  | { kind: 'invalid'; file: InvalidCollectionFile }

export interface CollectionFolder {
  /** `''` for the collection's own folder. */
  path: string
  name: string
  /** In the saved order; items the order does not name yet come last, by name. */
  children: CollectionNode[]
}

export interface Environment {
  name: string
  variables: Record<string, string>
}

export interface CollectionTree {
  /** The folder on disk. */
  directory: string
  root: CollectionFolder
  environments: Environment[]
  invalidEnvironments: InvalidCollectionFile[]
}

/** What `{{name}}` substitution did to a text. */
export interface Substitution {
  text: string
  /** Names with no value: left in the text as `{{name}}` so the user sees them. */
  unknown: string[]
}

/** A curl command turned into a request; the token it carried, if any, is never kept. */
export interface CurlImport {
  draft: SavedRequestDraft
  /** A token was found (header, `i` field, cookie, user) and dropped: pick an account instead. */
  tokenDropped: boolean
  /** Other things of the command that were not kept, in words. */
  warnings: string[]
}
