// requests.* and responses.* — sending a request and the large answers main keeps; answered by
// main's request sender, snippet service (copyAs) and response files.
import * as v from 'valibot'
import type { RequestProgress, ResponseRecord, SendRequestInput } from '../requests.ts'
import type { Result } from '../result.ts'
import type { CopySnippetInput, CopySnippetResult } from '../snippets.ts'
import {
  authSchema,
  endpointNameSchema,
  idSchema,
  maxRequestBodyLength,
  originSchema,
  requestIdSchema,
  type ArgumentSchemasFor,
} from './common-schemas.ts'

export interface RequestMethods {
  /** POST the body to `<origin>/api/<endpoint>` and report what came back. */
  'requests.send'(input: SendRequestInput): Promise<Result<ResponseRecord>>
  /** Abort a running request; answers false when it had already finished. */
  'requests.cancel'(requestId: string): Promise<Result<boolean>>
  /**
   * Copy the request as curl / fetch / misskey-js to the clipboard. With `includeToken`, main
   * writes the real token into the clipboard itself; the page only ever gets the placeholder text.
   */
  'requests.copyAs'(input: CopySnippetInput): Promise<Result<CopySnippetResult>>
}

export interface ResponseMethods {
  /** The whole text of a large response main kept (pretty when JSON). */
  'responses.getFullText'(requestId: string): Promise<Result<{ text: string; json: boolean }>>
  /** Save a large response main kept to a file the user picks; null when they cancelled. */
  'responses.saveToFile'(requestId: string): Promise<Result<{ path: string } | null>>
}

export interface RequestEvents {
  'requests.onProgress': RequestProgress
}

const uploadFieldsSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,64}$/)),
    v.union([v.pipe(v.string(), v.maxLength(65_536)), v.number(), v.boolean(), v.null()]),
  ),
  v.check((fields) => Object.keys(fields).length <= 64, 'has too many fields'),
)
const bodySchema = v.pipe(v.string(), v.maxLength(maxRequestBodyLength))

const sendRequestInputSchema = v.strictObject({
  requestId: requestIdSchema,
  origin: originSchema,
  endpoint: endpointNameSchema,
  body: bodySchema,
  auth: authSchema,
  upload: v.optional(v.strictObject({ fileId: idSchema, fields: uploadFieldsSchema })),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(3_600_000))),
})

export const requestArgumentSchemas = {
  'requests.send': v.strictTuple([sendRequestInputSchema]),
  'requests.cancel': v.strictTuple([requestIdSchema]),
  'requests.copyAs': v.strictTuple([
    v.strictObject({
      kind: v.picklist(['curl', 'fetch', 'misskey-js']),
      origin: originSchema,
      endpoint: endpointNameSchema,
      body: bodySchema,
      auth: authSchema,
      includeToken: v.boolean(),
      upload: v.optional(v.strictObject({ fields: uploadFieldsSchema })),
    }),
  ]),
} satisfies ArgumentSchemasFor<RequestMethods>

export const responseArgumentSchemas = {
  'responses.getFullText': v.strictTuple([requestIdSchema]),
  'responses.saveToFile': v.strictTuple([requestIdSchema]),
} satisfies ArgumentSchemasFor<ResponseMethods>
