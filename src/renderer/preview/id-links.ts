import {
  isIdFormat,
  propertySchema,
  resolveSchema,
  type ResolvedSchema,
  type SchemaNode,
} from './schema-nav.ts'
import { componentOfParam, showEndpointOf } from './show-endpoints.ts'

/**
 * Which component the id in `field` of an object identifies, read from the schema: `id` is the
 * object's own; `replyId` is the object `reply` beside it is; `fileIds` are the `files` beside
 * them; else a field named as a show endpoint's parameter (`channelId`, `userId`). Null: not an
 * id of anything we can show.
 */
export function idFieldTarget(
  root: SchemaNode,
  resolved: ResolvedSchema,
  field: string,
): string | null {
  const node = propertySchema(resolved, field)
  const items = isNode(node) ? resolveSchema(root, node, undefined).schema.items : undefined
  const isId = isIdFormat(resolveSchema(root, node, undefined).schema) || isIdFormat(items)
  if (field === 'id')
    return (isId || node === undefined) && showEndpointOf(resolved.component)
      ? resolved.component
      : null
  if (!isId && node !== undefined) return null
  const single = /^(.+)Id$/.exec(field)
  const plural = /^(.+)Ids$/.exec(field)
  const base = single?.[1] ?? (plural ? `${plural[1]}s` : null)
  if (base) {
    const sibling = propertySchema(resolved, base)
    if (sibling !== undefined) {
      let target = resolveSchema(root, sibling, undefined)
      if (plural) target = resolveSchema(root, target.schema.items, undefined)
      if (showEndpointOf(target.component)) return target.component
    }
  }
  const param = plural ? `${plural[1]}Id` : field
  return componentOfParam(param)
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What following an id prepares: the show endpoint and its body. */
export interface FollowTarget {
  endpoint: string
  body: Record<string, string>
}

export function followTargetFor(component: string | null, id: string): FollowTarget | null {
  const show = showEndpointOf(component)
  return show ? { endpoint: show.endpoint, body: { [show.param]: id } } : null
}
