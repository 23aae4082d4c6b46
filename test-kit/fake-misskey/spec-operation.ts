// One OpenAPI operation per endpoint, built the way Misskey's gen-spec.ts builds them.
import { AUTHENTICATION_FAILED, CREDENTIAL_REQUIRED, I_AM_AI, INTERNAL_ERROR } from './errors.ts'
import { INVALID_PARAM, RATE_LIMIT_EXCEEDED } from './errors.ts'
import type { ApiErrorDef, EndpointDef, JsonObject } from './types.ts'

const SOURCE_BASE =
  'https://github.com/misskey-dev/misskey/blob/develop/packages/backend/src/server/api/endpoints/'

/** Examples carry the error as declared, so extra fields such as `kind` or `httpStatusCode` stay. */
function examples(errors: ApiErrorDef[]): JsonObject {
  const out: JsonObject = {}
  for (const error of errors) out[error.code] = { value: { error: { ...error } } }
  return out
}

// The spec's generic examples omit the `kind`/`httpStatusCode` the server adds on the wire.
const bare = ({ message, code, id }: ApiErrorDef): ApiErrorDef => ({ message, code, id })

function errorResponse(description: string, errors: ApiErrorDef[]): JsonObject {
  return {
    description,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        examples: examples(errors),
      },
    },
  }
}

/** The description footer exactly as the real server writes it. */
export function describeEndpoint(def: EndpointDef): string {
  let text = `${def.description ?? 'No description provided.'}\n\n`
  if (def.secure) {
    text +=
      '**Internal Endpoint**: This endpoint is an API for the misskey mainframe and is not intended for use by third parties.\n'
  }
  text += `**Credential required**: *${def.requireCredential ? 'Yes' : 'No'}*`
  if (def.kind) text += ` / **Permission**: *${def.kind}*`
  return text
}

function requestBody(def: EndpointDef): JsonObject | undefined {
  const properties = def.params.properties
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return
  if (Object.keys(properties).length === 0) return
  let schema: JsonObject = def.params
  if (def.requireFile) {
    const file = { type: 'string', format: 'binary', description: 'The file contents.' }
    const required = Array.isArray(def.params.required) ? def.params.required : []
    schema = { ...def.params, properties: { ...properties, file }, required: [...required, 'file'] }
  }
  const mediaType = def.requireFile ? 'multipart/form-data' : 'application/json'
  return { required: true, content: { [mediaType]: { schema } } }
}

function responses(def: EndpointDef): JsonObject {
  const out: JsonObject = {}
  if (def.res) {
    out['200'] = {
      description: 'OK (with results)',
      content: { 'application/json': { schema: def.res } },
    }
  }
  if (!def.res || def.resNullable) out['204'] = { description: 'OK (without any results)' }
  out['400'] = errorResponse('Client error', [...(def.errors ?? []), bare(INVALID_PARAM)])
  out['401'] = errorResponse('Authentication error', [bare(CREDENTIAL_REQUIRED)])
  // The real spec files AUTHENTICATION_FAILED under 403 although the wire says 401: copied as is.
  out['403'] = errorResponse('Forbidden error', [bare(AUTHENTICATION_FAILED)])
  out['418'] = errorResponse("I'm Ai", [I_AM_AI])
  if (def.limit) out['429'] = errorResponse('Too many requests', [bare(RATE_LIMIT_EXCEEDED)])
  out['500'] = errorResponse('Internal server error', [bare(INTERNAL_ERROR)])
  return out
}

export function buildOperation(def: EndpointDef, method: 'get' | 'post'): JsonObject {
  const operation: JsonObject = {
    operationId: `${method}___${def.name.replaceAll('/', '___')}`,
    summary: def.name,
    description: describeEndpoint(def),
    externalDocs: { description: 'Source code', url: `${SOURCE_BASE}${def.name}.ts` },
    tags: def.tags,
  }
  if (def.requireCredential) operation.security = [{ bearerAuth: [] }]
  const body = requestBody(def)
  if (body) operation.requestBody = body
  operation.responses = responses(def)
  return operation
}
