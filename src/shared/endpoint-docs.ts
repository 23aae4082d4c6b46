import type { JsonSchema } from './catalog.ts'

// What the docs panel shows for one endpoint, built by main from the server's OpenAPI document
// (src/main/catalog/endpoint-docs.ts). Plain data: it crosses IPC.

export interface EndpointDocs {
  /** The path after `/api/`, e.g. `notes/create`. */
  endpoint: string
  tags: string[]
  /** Markdown from the server, without Misskey's footer and "Internal Endpoint" line. */
  description: string
  credentialRequired: boolean | null
  permission: string | null
  /**
   * Misskey's `secure` endpoints, meant for its own web client: the spec says "**Internal
   * Endpoint**", and a real server answers an app (MiAuth/OAuth) token with 400 ACCESS_DENIED.
   */
  internal: boolean
  deprecated: boolean
  allowGet: boolean
  /** Null when the spec describes no body (Misskey still wants `{}`). */
  contentType: 'application/json' | 'multipart/form-data' | null
  sourceUrl: string | null
  /** Depth-first: each object property or array item right after its parent. */
  parameters: ParameterRow[]
  /** Requirements on the body as a whole: "one of these sets", if/then. */
  bodyRules: BodyRule[]
  response: ResponseBrief
  errors: EndpointError[]
}

export interface ParameterRow {
  /** `poll.choices[]`: dots for properties, `[]` for array items. */
  path: string
  /** The last step of the path: a property name, or `[]` for an array's items. */
  name: string
  /** 0 for a top-level field. */
  depth: number
  kind: 'property' | 'item'
  /** e.g. `string | null`, `string[]`, `Note`, `string | string[]`, `any`. */
  typeLabel: string
  /** The JSON types allowed, `null` included when nullable. */
  types: string[]
  nullable: boolean
  /** The component it refers to (`Note`), shown as its type. */
  ref: string | null
  /** `conditional`: required by one branch of a body rule (see `bodyRules`). */
  required: 'yes' | 'no' | 'conditional'
  /** Wrapped so that a default of `null` differs from no default. */
  default: { value: unknown } | null
  enumValues: unknown[] | null
  format: string | null
  constraints: ParameterConstraints
  /** Markdown. */
  description: string
  deprecated: boolean
  /** Children left out: a `$ref` cycle or the depth limit. */
  truncated: boolean
}

export interface ParameterConstraints {
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  multipleOf?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
}

export type BodyRule =
  | {
      /** `anyOf`: at least one of the sets; `oneOf`: exactly one. Each set is field names. */
      kind: 'anyOf' | 'oneOf'
      alternatives: string[][]
    }
  | {
      /**
       * if/then/else, as in `notes/create`. `when` lists the fields the condition reads and the
       * type each must have; an absent field satisfies its part (JSON Schema `properties`).
       */
      kind: 'conditional'
      when: Array<{ field: string; typeLabel: string }>
      thenRequired: string[]
      elseRequired: string[]
    }

export interface ResponseBrief {
  /** 200 (or the first success the spec lists); 204 when the endpoint answers without a body. */
  status: number
  description: string
  /** Null when there is no body. */
  typeLabel: string | null
  nullable: boolean
  ref: string | null
  /** The spec lists 204 too: the endpoint may answer with nothing (e.g. `notes/translate`). */
  mayBeEmpty: boolean
  /** The first level of the object, or of the array's items. */
  fields: ResponseField[]
  /**
   * The whole response schema, self-contained (components under `$defs`, as in RequestSchema);
   * the preview reads which kind of object came back and which ids point at which objects.
   */
  schema: JsonSchema | null
}

export interface ResponseField {
  name: string
  typeLabel: string
  nullable: boolean
  ref: string | null
  required: boolean
  description: string
}

export interface EndpointError {
  /** The status the spec gives; an example's own `httpStatusCode` wins over its response key. */
  status: number
  /**
   * Where a real server answers differently from the spec: Misskey 2025.5 lists
   * AUTHENTICATION_FAILED under 403 but sends it with 401. Null when they agree or we do not know.
   */
  observedStatus: number | null
  code: string
  id: string | null
  message: string
  kind: string | null
  /** One of the errors every Misskey endpoint declares (INVALID_PARAM, CREDENTIAL_REQUIRED…). */
  common: boolean
}
