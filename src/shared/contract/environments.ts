// environments.* — the `{{variables}}` of the open collection; answered by main's collection
// service, which owns the environment files and the captured values.
import * as v from 'valibot'
import type { Environment } from '../collections.ts'
import type { Result } from '../result.ts'
import type { ArgumentSchemasFor } from './common-schemas.ts'
import { itemNameSchema, variableNameSchema } from './collection-schemas.ts'

export interface EnvironmentMethods {
  'environments.save'(environment: Environment): Promise<Result<Environment>>
  /**
   * The names of variables that look like they hold a secret (a saved account's token, or a
   * name such as `token`); the page warns that environment files are plain shared files.
   */
  'environments.findSecrets'(environment: Environment): Promise<Result<string[]>>
  'environments.delete'(name: string): Promise<Result<void>>
  /** The environment whose variables fill `{{name}}` when sending; null for none. */
  'environments.setActive'(name: string | null): Promise<Result<string | null>>
  /** Forget the variables captured from responses in this session. */
  'environments.clearCaptured'(): Promise<Result<void>>
}

const environmentSchema = v.strictObject({
  name: itemNameSchema,
  variables: v.pipe(
    v.record(variableNameSchema, v.pipe(v.string(), v.maxLength(65_536))),
    v.check((variables) => Object.keys(variables).length <= 500, 'has too many variables'),
  ),
})

export const environmentArgumentSchemas = {
  'environments.save': v.strictTuple([environmentSchema]),
  'environments.findSecrets': v.strictTuple([environmentSchema]),
  'environments.delete': v.strictTuple([itemNameSchema]),
  'environments.setActive': v.strictTuple([v.nullable(itemNameSchema)]),
  'environments.clearCaptured': v.strictTuple([]),
} satisfies ArgumentSchemasFor<EnvironmentMethods>
