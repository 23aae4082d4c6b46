// Schemas as the docs panel shows them: a type in words, and a request body as rows. Works on a
// request schema from extractRequestSchema (refs into `$defs`) and on the raw document (refs
// into `#/components/schemas`, OpenAPI 3.0 `nullable`) alike.
import type { JsonSchema } from '../../shared/catalog.ts'
import type { BodyRule, ParameterConstraints, ParameterRow } from '../../shared/endpoint-docs.ts'
import {
  flattenSchema,
  isRecord,
  propertiesOf,
  refName,
  requiredNames,
  resolveSchema,
  schemaTypes,
} from '../../shared/schema-walk.ts'

export interface TypeDescription {
  label: string
  types: string[]
  nullable: boolean
  ref: string | null
}

const maxLabelDepth = 4

/** `string | null`, `Note[]`, `string | string[]`, `"a" | "b"` stays `string` (enums are listed apart). */
export function describeType(root: JsonSchema, node: unknown, depth = 0): TypeDescription {
  const ref = refName(node)
  const schema = flattenSchema(root, node)
  const alternatives = (Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf) as
    unknown[] | undefined
  const branches = (alternatives ?? []).map((branch) => describeType(root, branch, depth + 1))
  let types = schemaTypes(schema) as string[]
  if (types.length === 0) types = [...new Set(branches.flatMap((branch) => branch.types))]
  const nullable =
    types.includes('null') || schema.nullable === true || branches.some((b) => b.nullable)
  let base: string
  if (ref) base = ref
  else if (branches.length > 0) {
    base = unique(branches.filter((b) => b.label !== 'null').map((b) => stripNull(b.label)))
  } else {
    const named = types.filter((type) => type !== 'null')
    base = unique(named.map((type) => (type === 'array' ? arrayLabel(root, schema, depth) : type)))
  }
  if (base === '') base = nullable ? '' : 'any'
  const label = base === '' ? 'null' : nullable ? `${base} | null` : base
  const allTypes = nullable && !types.includes('null') ? [...types, 'null'] : types
  return { label, types: allTypes, nullable, ref }
}

function arrayLabel(root: JsonSchema, schema: JsonSchema, depth: number): string {
  if (schema.items === undefined || depth >= maxLabelDepth) return 'array'
  const item = describeType(root, schema.items, depth + 1).label
  return item.includes(' ') ? `(${item})[]` : `${item}[]`
}

const unique = (labels: string[]) => [...new Set(labels)].join(' | ')
const stripNull = (label: string) => label.replace(/ \| null$/, '')

const constraintKeys = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const satisfies ReadonlyArray<keyof ParameterConstraints>

// Deep enough for Misskey's nested settings (i/update, admin/roles/create); a limit still
// matters for forks whose schemas nest without end.
const maxRowDepth = 6

/** One row per property and array item, depth-first, for a request body schema. */
export function parameterRows(root: JsonSchema): ParameterRow[] {
  const rows: ParameterRow[] = []
  const body = flattenSchema(root, root)
  const conditional = new Set(bodyRules(root).flatMap(namesIn))
  addProperties(root, body, '', 0, [], rows, (name) =>
    requiredNames(body).includes(name) ? 'yes' : conditional.has(name) ? 'conditional' : 'no',
  )
  return rows
}

function addProperties(
  root: JsonSchema,
  schema: JsonSchema,
  prefix: string,
  depth: number,
  refs: string[],
  rows: ParameterRow[],
  requiredness: (name: string) => ParameterRow['required'],
): void {
  for (const [name, property] of Object.entries(propertiesOf(schema))) {
    const path = prefix === '' ? name : `${prefix}.${name}`
    const row = makeRow(root, property, name, path, depth, 'property', requiredness(name))
    rows.push(row)
    addChildren(root, property, row, depth + 1, refs, rows)
  }
}

function addChildren(
  root: JsonSchema,
  node: unknown,
  parent: ParameterRow,
  depth: number,
  refs: string[],
  rows: ParameterRow[],
): void {
  const ref = refName(node)
  const schema = flattenSchema(root, node)
  const alternatives = (Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf) as
    unknown[] | undefined
  const shapes = alternatives ? alternatives.map((branch) => flattenSchema(root, branch)) : [schema]
  const hasChildren = shapes.some(
    (shape) => Object.keys(propertiesOf(shape)).length > 0 || isRecord(shape.items),
  )
  if (!hasChildren) return
  if ((ref && refs.includes(ref)) || depth > maxRowDepth) {
    parent.truncated = true
    return
  }
  const inner = ref ? [...refs, ref] : refs
  const required = new Set(shapes.flatMap(requiredNames))
  const seen = new Set(rows.map((row) => row.path))
  const fresh: ParameterRow[] = []
  for (const shape of shapes) {
    addProperties(root, shape, parent.path, depth, inner, fresh, (name) =>
      required.has(name) ? 'yes' : 'no',
    )
    if (isRecord(shape.items)) {
      const path = `${parent.path}[]`
      const item = makeRow(root, shape.items, '[]', path, depth, 'item', 'no')
      fresh.push(item)
      addChildren(root, shape.items, item, depth + 1, inner, fresh)
    }
  }
  for (const row of fresh) {
    if (seen.has(row.path)) continue
    seen.add(row.path)
    rows.push(row)
  }
}

function makeRow(
  root: JsonSchema,
  node: unknown,
  name: string,
  path: string,
  depth: number,
  kind: ParameterRow['kind'],
  required: ParameterRow['required'],
): ParameterRow {
  const schema = flattenSchema(root, node)
  const type = describeType(root, node)
  const constraints: ParameterConstraints = {}
  for (const key of constraintKeys) {
    const value = schema[key]
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      ;(constraints as Record<string, unknown>)[key] = value
    }
  }
  const description = typeof schema.description === 'string' ? schema.description : ''
  return {
    path,
    name,
    depth,
    kind,
    typeLabel: type.label,
    types: type.types,
    nullable: type.nullable,
    ref: type.ref,
    required,
    default: schema.default !== undefined ? { value: schema.default } : null,
    enumValues: Array.isArray(schema.enum)
      ? schema.enum
      : 'const' in schema
        ? [schema.const]
        : null,
    format: typeof schema.format === 'string' ? schema.format : null,
    constraints,
    description,
    deprecated: schema.deprecated === true || /^\s*\[deprecated\]/i.test(description),
    truncated: false,
  }
}

/** Body-level anyOf/oneOf of required sets, and if/then/else, as `notes/create` has them. */
export function bodyRules(root: JsonSchema): BodyRule[] {
  const body = flattenSchema(root, root)
  const rules: BodyRule[] = []
  for (const kind of ['anyOf', 'oneOf'] as const) {
    const branches = body[kind]
    if (!Array.isArray(branches)) continue
    const alternatives = branches.map((branch) => requiredNames(resolveSchema(root, branch)))
    if (alternatives.some((names) => names.length > 0)) rules.push({ kind, alternatives })
  }
  if (body.if !== undefined) {
    const condition = flattenSchema(root, body.if)
    rules.push({
      kind: 'conditional',
      when: Object.entries(propertiesOf(condition)).map(([field, schema]) => ({
        field,
        typeLabel: describeType(root, schema).label,
      })),
      thenRequired: requiredNames(flattenSchema(root, body.then)),
      elseRequired: requiredNames(flattenSchema(root, body.else)),
    })
  }
  return rules
}

function namesIn(rule: BodyRule): string[] {
  return rule.kind === 'conditional'
    ? [...rule.thenRequired, ...rule.elseRequired]
    : rule.alternatives.flat()
}
