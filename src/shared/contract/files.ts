// files.* — files the user picks for an upload; answered by main's chosen-files service, which
// hands the page an id, never a path it could change.
import * as v from 'valibot'
import type { Result } from '../result.ts'
import type { ChosenFile } from '../uploads.ts'
import type { ArgumentSchemasFor } from './common-schemas.ts'

export interface FileMethods {
  /** Pick a file to upload in the system dialog; null when the user cancelled. */
  'files.chooseUpload'(): Promise<Result<ChosenFile | null>>
}

export const fileArgumentSchemas = {
  'files.chooseUpload': v.strictTuple([]),
} satisfies ArgumentSchemasFor<FileMethods>
