import type { JsonSchema } from '../../shared/catalog.ts'
import type {
  EndpointDocs,
  EndpointError,
  ResponseBrief,
  ResponseField,
} from '../../shared/endpoint-docs.ts'
import { flattenSchema, isRecord, propertiesOf, requiredNames } from '../../shared/schema-walk.ts'
import { operationFacts } from './operation-facts.ts'
import {
  endpointNameFromPath,
  primaryOperation,
  serversIncludeApi,
  type OpenApiDocument,
} from './openapi-document.ts'
import { extractRequestSchema, selfContainedSchema } from './request-schema.ts'
import { bodyRules, describeType, parameterRows } from './schema-rows.ts'

/**
 * Everything the docs panel shows for one path of the document; null when the path has no
 * operation. Reads defensively: a fork's odd response or example leaves that part empty.
 */
export function buildEndpointDocs(document: OpenApiDocument, pathKey: string): EndpointDocs | null {
  const pathItem = document.paths[pathKey]
  const operation = primaryOperation(pathItem)
  if (!isRecord(pathItem) || !operation) return null
  const endpoint = endpointNameFromPath(pathKey, serversIncludeApi(document))
  const { schema } = extractRequestSchema(document, pathKey, endpoint)
  return {
    endpoint,
    ...operationFacts(pathItem, operation),
    parameters: schema ? parameterRows(schema) : [],
    bodyRules: schema ? bodyRules(schema) : [],
    response: responseBrief(document, operation),
    errors: declaredErrors(operation),
  }
}

function responseBrief(
  document: OpenApiDocument,
  operation: Record<string, unknown>,
): ResponseBrief {
  const responses = isRecord(operation.responses) ? operation.responses : {}
  const successes = Object.keys(responses)
    .filter((status) => /^2\d\d$/.test(status))
    .sort()
  const withBody = successes.find((status) => jsonSchemaOf(responses[status]) !== undefined)
  const status = withBody ?? successes[0] ?? '200'
  const response = responses[status]
  const description =
    isRecord(response) && typeof response.description === 'string' ? response.description : ''
  const mayBeEmpty = withBody !== undefined && successes.includes('204')
  const node = jsonSchemaOf(response)
  if (node === undefined) {
    return {
      status: Number(status),
      description,
      typeLabel: null,
      nullable: false,
      ref: null,
      mayBeEmpty,
      fields: [],
      schema: null,
    }
  }
  // Response schemas point into `#/components/schemas`, so the document is their root.
  const root = document as unknown as JsonSchema
  const type = describeType(root, node)
  const schema = flattenSchema(root, node)
  const shape = type.types.includes('array') ? flattenSchema(root, schema.items) : schema
  const required = requiredNames(shape)
  const fields: ResponseField[] = Object.entries(propertiesOf(shape)).map(([name, field]) => {
    const fieldType = describeType(root, field)
    const fieldSchema = flattenSchema(root, field)
    return {
      name,
      typeLabel: fieldType.label,
      nullable: fieldType.nullable,
      ref: fieldType.ref,
      required: required.includes(name),
      description: typeof fieldSchema.description === 'string' ? fieldSchema.description : '',
    }
  })
  return {
    status: Number(status),
    description,
    typeLabel: type.label,
    nullable: type.nullable,
    ref: type.ref,
    mayBeEmpty,
    fields,
    schema: selfContainedSchema(document, node),
  }
}

function jsonSchemaOf(response: unknown): unknown {
  if (!isRecord(response) || !isRecord(response.content)) return undefined
  const media = response.content['application/json']
  return isRecord(media) ? media.schema : undefined
}

// The errors gen-spec.ts adds to every endpoint (its errors.ts), by their static ids.
const commonErrorIds = new Set([
  '3d81ceae-475f-4600-b2a8-2bc116157532', // INVALID_PARAM
  '1384574d-a912-4b81-8601-c7b1c4085df1', // CREDENTIAL_REQUIRED
  'b0a7f5f8-dc2f-4171-b91f-de88ad238e14', // AUTHENTICATION_FAILED
  '60c46cd1-f23a-46b1-bebe-5d2b73951a84', // I_AM_AI
  'd5826d14-3982-4d2e-8011-b9e9f02499ef', // RATE_LIMIT_EXCEEDED
  '5d37dbcb-891e-41ca-a3d6-e690c97775ac', // INTERNAL_ERROR
])
// What a real 2025.5 server sends where the spec says otherwise (../shared observed.md).
const observedStatuses = new Map([['b0a7f5f8-dc2f-4171-b91f-de88ad238e14', 401]])

/** The error examples of the 4xx and 5xx responses, in the spec's order. */
function declaredErrors(operation: Record<string, unknown>): EndpointError[] {
  const responses = isRecord(operation.responses) ? operation.responses : {}
  const errors: EndpointError[] = []
  const seen = new Set<string>()
  for (const [key, response] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(key) || !isRecord(response) || !isRecord(response.content)) continue
    const media = response.content['application/json']
    const examples = isRecord(media) && isRecord(media.examples) ? media.examples : {}
    for (const example of Object.values(examples)) {
      const error = isRecord(example) && isRecord(example.value) ? example.value.error : undefined
      if (!isRecord(error) || typeof error.code !== 'string') continue
      // gen-spec.ts files every endpoint-specific error under 400, with its real status beside it.
      const status = typeof error.httpStatusCode === 'number' ? error.httpStatusCode : Number(key)
      const id = typeof error.id === 'string' ? error.id : null
      const identity = `${status} ${error.code} ${id}`
      if (seen.has(identity)) continue
      seen.add(identity)
      const observed = id !== null ? observedStatuses.get(id) : undefined
      errors.push({
        status,
        observedStatus: observed !== undefined && observed !== status ? observed : null,
        code: error.code,
        id,
        message: typeof error.message === 'string' ? error.message : '',
        kind: typeof error.kind === 'string' ? error.kind : null,
        common: id !== null && commonErrorIds.has(id),
      })
    }
  }
  return errors
}
