import { itemsSchema, resolveSchema, type ResolvedSchema, type SchemaNode } from './schema-nav.ts'

/** How the Preview tab draws an answer. */
export type PreviewKind =
  | 'notes'
  | 'users'
  | 'files'
  | 'notifications'
  | 'emojis'
  | 'table'
  | 'note'
  | 'user'
  | 'file'
  | 'object'

export interface PreviewPlan {
  kind: PreviewKind
  /** What to draw: the answer, or its one array property (`{ emojis: [...] }`). */
  value: unknown
  /** The schema of `value` (of its items for a list), to read columns and ids from. */
  schema: ResolvedSchema
}

const userComponents = new Set([
  'User',
  'UserLite',
  'UserDetailed',
  'UserDetailedNotMe',
  'MeDetailed',
  'UserDetailedNotMeOnly',
  'MeDetailedOnly',
])
const listKinds: Record<string, PreviewKind> = {
  Note: 'notes',
  DriveFile: 'files',
  Notification: 'notifications',
  EmojiSimple: 'emojis',
  EmojiDetailed: 'emojis',
}
const singleKinds: Record<string, PreviewKind> = { Note: 'note', DriveFile: 'file' }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** When the schema says nothing (a fork, a names-only catalog, the stream), the shape does. */
export function componentFromShape(value: unknown): string | null {
  if (!isRecord(value)) return null
  const has = (...keys: string[]) => keys.every((key) => key in value)
  if (has('id', 'createdAt', 'userId', 'visibility')) return 'Note'
  if (has('id', 'username', 'avatarUrl')) return 'UserLite'
  if (has('id', 'md5', 'url', 'type', 'size')) return 'DriveFile'
  if (has('id', 'name', 'url') && ('aliases' in value || 'category' in value)) return 'EmojiSimple'
  if (
    has('id', 'createdAt', 'type') &&
    !('visibility' in value) &&
    ('user' in value || 'note' in value)
  )
    return 'Notification'
  return null
}

function kindOfComponent(component: string | null, list: boolean): PreviewKind | null {
  if (!component) return null
  if (userComponents.has(component)) return list ? 'users' : 'user'
  return (list ? listKinds[component] : singleKinds[component]) ?? null
}

/** Null: nothing to preview (not an object or array, or an empty one). */
export function planPreview(value: unknown, schema: SchemaNode | null): PreviewPlan | null {
  const root = schema ?? {}
  const resolved = resolveSchema(root, root, value)
  if (Array.isArray(value)) {
    if (value.length === 0) return null
    const items = resolveSchema(root, itemsSchema(resolved), value[0])
    const component = items.component ?? componentFromShape(value[0])
    const kind = kindOfComponent(component, true)
    if (kind) return { kind, value, schema: { ...items, component } }
    return value.some(isRecord) ? { kind: 'table', value, schema: items } : null
  }
  if (!isRecord(value)) return null
  const component = resolved.component ?? componentFromShape(value)
  const kind = kindOfComponent(component, false)
  if (kind) return { kind, value, schema: { ...resolved, component } }
  // `{ emojis: [...] }` and the like: the object is only a wrapper around its list.
  const keys = Object.keys(value)
  if (keys.length === 1 && Array.isArray(value[keys[0] as string])) {
    const inner = resolved.schema.properties as SchemaNode | undefined
    const innerSchema: SchemaNode = {
      ...(inner?.[keys[0] as string] as SchemaNode),
      $defs: root.$defs,
    }
    const plan = planPreview(value[keys[0] as string], innerSchema)
    if (plan) return plan
  }
  return keys.length > 0 ? { kind: 'object', value, schema: resolved } : null
}
