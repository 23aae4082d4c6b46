// Walking the self-contained response schema (components under `$defs`, see ResponseBrief.schema)
// alongside the answer, so the preview knows which Misskey object each part of it is.
export type SchemaNode = Record<string, unknown>

/** A schema node with its `$ref`s and `allOf` merged, and the component it came from. */
export interface ResolvedSchema {
  schema: SchemaNode
  /** `Note`, `UserLite`…: the last component the walk went through; null for inline schemas. */
  component: string | null
}

const emptyResolved: ResolvedSchema = { schema: {}, component: null }
// $ref chains and allOf nests deeper than this are a cycle or a hostile spec: stop there.
const maxSteps = 16

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function definition(root: SchemaNode, ref: string): { node: unknown; name: string } | null {
  const match = /^#\/\$defs\/(.+)$/.exec(ref)
  if (!match || !isNode(root.$defs)) return null
  const name = (match[1] as string).replace(/~1/g, '/').replace(/~0/g, '~')
  return Object.hasOwn(root.$defs, name) ? { node: root.$defs[name], name } : null
}

function typesOf(node: SchemaNode): string[] {
  if (typeof node.type === 'string') return [node.type]
  return Array.isArray(node.type) ? node.type.filter((type) => typeof type === 'string') : []
}

/** Which of `oneOf`/`anyOf`'s alternatives fits the value best (by type, then by a `type` enum). */
function pickAlternative(root: SchemaNode, alternatives: unknown[], value: unknown): unknown {
  const wanted = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value
  let fallback: unknown
  for (const alternative of alternatives) {
    const resolved = resolveSchema(root, alternative, undefined)
    const types = typesOf(resolved.schema)
    if (types.length > 0 && !types.includes(wanted)) continue
    const typeField = isNode(resolved.schema.properties) ? resolved.schema.properties.type : null
    if (isNode(value) && isNode(typeField) && Array.isArray(typeField.enum)) {
      if (typeField.enum.includes(value.type)) return alternative
      continue
    }
    fallback ??= alternative
  }
  return fallback ?? alternatives[0]
}

/** Follows `$ref`s, merges `allOf` and picks the `oneOf`/`anyOf` branch the value fits. */
export function resolveSchema(root: SchemaNode, node: unknown, value: unknown): ResolvedSchema {
  let current = node
  let component: string | null = null
  for (let step = 0; step < maxSteps; step++) {
    if (!isNode(current)) return { schema: {}, component }
    if (typeof current.$ref === 'string') {
      const target = definition(root, current.$ref)
      if (!target) return { schema: {}, component }
      component = target.name
      current = target.node
      continue
    }
    let node: SchemaNode = current
    if (Array.isArray(node.allOf) && node.allOf.length > 0) {
      const merged: SchemaNode = { ...node, allOf: undefined }
      const properties: SchemaNode = isNode(node.properties) ? { ...node.properties } : {}
      for (const part of node.allOf) {
        const resolved = resolveSchema(root, part, value)
        component ??= resolved.component
        if (isNode(resolved.schema.properties))
          Object.assign(properties, resolved.schema.properties)
        for (const key of ['type', 'items', 'oneOf', 'anyOf'])
          if (merged[key] === undefined && resolved.schema[key] !== undefined)
            merged[key] = resolved.schema[key]
      }
      merged.properties = properties
      node = merged
      if (!Array.isArray(merged.oneOf) && !Array.isArray(merged.anyOf))
        return { schema: merged, component }
    }
    const alternatives = Array.isArray(node.oneOf)
      ? node.oneOf
      : Array.isArray(node.anyOf)
        ? node.anyOf
        : null
    if (alternatives && alternatives.length > 0) {
      const chosen = pickAlternative(root, alternatives, value)
      const rest: SchemaNode = { ...node, oneOf: undefined, anyOf: undefined }
      const resolved = resolveSchema(root, chosen, value)
      return {
        schema: {
          ...rest,
          ...resolved.schema,
          properties: {
            ...(isNode(rest.properties) ? rest.properties : {}),
            ...(isNode(resolved.schema.properties) ? resolved.schema.properties : {}),
          },
        },
        component: resolved.component ?? component,
      }
    }
    return { schema: node, component }
  }
  return emptyResolved
}

/** The schema of one property of an object (unresolved: resolve it with its own value). */
export function propertySchema(resolved: ResolvedSchema, key: string): unknown {
  const properties = resolved.schema.properties
  return isNode(properties) && Object.hasOwn(properties, key) ? properties[key] : undefined
}

export function propertyNames(resolved: ResolvedSchema): string[] {
  return isNode(resolved.schema.properties) ? Object.keys(resolved.schema.properties) : []
}

export function itemsSchema(resolved: ResolvedSchema): unknown {
  return resolved.schema.items
}

export function isIdFormat(node: unknown): boolean {
  return isNode(node) && node.format === 'id'
}
