import { readMisskeyDescription } from './misskey-description.ts'
import {
  isObject,
  requestBodyContent,
  sourceUrlOf,
  type JsonObject,
  type RequestContentType,
} from './openapi-document.ts'

/** What the catalog row and the docs panel both say about an operation. */
export interface OperationFacts {
  tags: string[]
  description: string
  credentialRequired: boolean | null
  permission: string | null
  internal: boolean
  deprecated: boolean
  allowGet: boolean
  contentType: RequestContentType | null
  sourceUrl: string | null
}

export function operationFacts(pathItem: JsonObject, operation: JsonObject): OperationFacts {
  const facts = readMisskeyDescription(operation.description)
  return {
    tags: Array.isArray(operation.tags)
      ? operation.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    description: facts.text,
    credentialRequired: facts.credentialRequired ?? credentialFromSecurity(operation),
    permission: facts.permission,
    internal: facts.internal,
    deprecated: operation.deprecated === true,
    allowGet: isObject(pathItem.get),
    contentType: requestBodyContent(operation)?.contentType ?? null,
    sourceUrl: sourceUrlOf(operation),
  }
}

/** Forks without Misskey's description footer may still list `security` on the operation. */
function credentialFromSecurity(operation: JsonObject): boolean | null {
  return Array.isArray(operation.security) ? operation.security.length > 0 : null
}
