import type { RequestAuth } from './requests.ts'
import type { SnippetKind } from './request-snippets.ts'
import type { UploadFieldValue } from './uploads.ts'

export interface CopySnippetInput {
  kind: SnippetKind
  origin: string
  endpoint: string
  /** The body as typed (JSON or JSON5); ignored for uploads. */
  body: string
  auth: RequestAuth
  /** Put the account's real token in the copied text; otherwise a placeholder. */
  includeToken: boolean
  /** For multipart endpoints: the form fields (the file becomes a path placeholder). */
  upload?: { fields: Record<string, UploadFieldValue> }
}

export interface CopySnippetResult {
  /** The snippet with the token as a placeholder: what the page may show. */
  text: string
  /** The clipboard got the real token (never shown in the page). */
  includesToken: boolean
}
