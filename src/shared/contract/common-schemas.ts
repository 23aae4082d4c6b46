// Argument schemas more than one domain's contract uses, so every method checks an origin, an
// endpoint name or an id alike.
import * as v from 'valibot'
import type { Result } from '../result.ts'

export const maxAddressLength = 2048
/** Generous for a hand-written body, far below what would hurt main. */
export const maxRequestBodyLength = 8 * 1024 * 1024

export const originSchema = v.pipe(
  v.string(),
  v.maxLength(maxAddressLength),
  v.regex(/^https?:\/\/[^/?#\s]+$/, 'must be an origin such as https://misskey.example'),
)
export const endpointNameSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(256),
  v.regex(
    // Misskey's names use letters, digits, - and _ only; no dots, so never a `..` segment.
    /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/,
    'must be an endpoint name such as notes/create',
  ),
)
export const requestIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))
export const idSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))
export const labelSchema = v.pipe(v.string(), v.maxLength(200))
export const addressSchema = v.pipe(v.string(), v.maxLength(maxAddressLength))
export const authSchema = v.strictObject({
  mode: v.picklist(['body', 'header', 'none']),
  accountId: v.nullable(idSchema),
})

/** One schema per method of `Methods`, accepting exactly that method's parameters. */
export type ArgumentSchemasFor<Methods> = {
  [Name in keyof Methods]: Methods[Name] extends (...args: infer Args) => Promise<Result<unknown>>
    ? v.GenericSchema<unknown, Args>
    : never
}
