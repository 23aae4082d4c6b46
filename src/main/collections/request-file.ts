import * as v from 'valibot'
import type { Environment, SavedRequestDraft } from '../../shared/collections.ts'
import { hasExpectations } from '../../shared/expectations.ts'
import { expectationsSchema } from '../../shared/expectations-schema.ts'
import { removeTypedToken } from '../secrets/typed-token.ts'

// A saved request on disk: pretty JSON, keys always in this order, the body and notes as arrays of
// lines. A git diff of an edited body then shows the lines that changed, not one long string.
export const requestFileSuffix = '.request.json'
export const requestFileVersion = 1

const linesSchema = v.array(v.string())
const requestFileSchema = v.object({
  version: v.literal(requestFileVersion),
  name: v.pipe(v.string(), v.minLength(1)),
  origin: v.nullable(v.pipe(v.string(), v.regex(/^https?:\/\/[^/?#\s]+$/, 'must be an origin'))),
  endpoint: v.pipe(v.string(), v.minLength(1)),
  authMode: v.picklist(['body', 'header', 'none']),
  accountLabel: v.nullable(v.string()),
  body: linesSchema,
  notes: v.optional(linesSchema, []),
  captures: v.optional(v.array(v.object({ variable: v.string(), path: v.string() })), []),
  expectations: v.optional(expectationsSchema),
})

/** The file's text. A token typed into the body as `i` is left out: collections are shared. */
export function serializeRequest(draft: SavedRequestDraft): string {
  const file = {
    version: requestFileVersion,
    name: draft.name,
    origin: draft.origin,
    endpoint: draft.endpoint,
    authMode: draft.authMode,
    accountLabel: draft.accountLabel,
    body: toLines(removeTypedToken(draft.body).text),
    notes: toLines(draft.notes),
    captures: draft.captures.map(({ variable, path }) => ({ variable, path })),
    // Only a request that has some: files saved before expectations existed stay byte for byte.
    ...(hasExpectations(draft.expectations) ? { expectations: stableExpectations(draft) } : {}),
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** The request a file holds, or why it cannot be read (in words for the list). */
export function parseRequest(
  text: string,
): { ok: true; draft: SavedRequestDraft } | { ok: false; error: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` }
  }
  const parsed = v.safeParse(requestFileSchema, json)
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) }
  const file = parsed.output
  return {
    ok: true,
    draft: {
      name: file.name,
      origin: file.origin,
      endpoint: file.endpoint,
      authMode: file.authMode,
      accountLabel: file.accountLabel,
      body: file.body.join('\n'),
      notes: file.notes.join('\n'),
      captures: file.captures,
      ...(file.expectations ? { expectations: file.expectations } : {}),
    },
  }
}

/** The expectations in a fixed key order, so a file diffs the same whoever saved it. */
function stableExpectations(draft: SavedRequestDraft) {
  const { status, errorCode, durationUnderMs, json } = draft.expectations ?? {}
  return {
    ...(status !== undefined ? { status } : {}),
    ...(errorCode !== undefined ? { errorCode } : {}),
    ...(durationUnderMs !== undefined ? { durationUnderMs } : {}),
    ...(json && json.length > 0
      ? {
          json: json.map((item) =>
            'equals' in item
              ? { path: item.path, equals: item.equals }
              : 'exists' in item
                ? { path: item.path, exists: item.exists }
                : { path: item.path, matches: item.matches },
          ),
        }
      : {}),
  }
}

const environmentFileSchema = v.object({ variables: v.record(v.string(), v.string()) })

/** Variables sorted by name, so adding one is a one-line diff. */
export function serializeEnvironment(environment: Environment): string {
  const variables = Object.fromEntries(
    Object.entries(environment.variables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  )
  return `${JSON.stringify({ variables }, null, 2)}\n`
}

export function parseEnvironment(
  name: string,
  text: string,
): { ok: true; environment: Environment } | { ok: false; error: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` }
  }
  const parsed = v.safeParse(environmentFileSchema, json)
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) }
  return { ok: true, environment: { name, variables: parsed.output.variables } }
}

function toLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n/g, '\n').split('\n')
}

function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue)
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
}
