import { fail, ok, type Result } from '../../shared/result.ts'
import { decodedNote, formatLimit, readTextWithLimit } from './read-body.ts'

/**
 * A small JSON answer (a token check, a MiAuth or OAuth answer, OAuth metadata), read within a
 * decoded-bytes limit. `undefined` when the body is not JSON: callers decide what that means.
 * A body past the limit is never parsed, and says which answer it was.
 */
export async function readJsonAnswer(
  response: Response,
  limitBytes: number,
  what: string,
): Promise<Result<unknown>> {
  const read = await readTextWithLimit(response, limitBytes)
  if (read.kind === 'too-large') {
    return fail(
      'RESPONSE_TOO_LARGE',
      `${what} is larger than ${formatLimit(limitBytes)}${decodedNote(read.encoding)}, far more than such an answer needs; it was cut off.`,
      { limitBytes, encoding: read.encoding },
    )
  }
  try {
    return ok(JSON.parse(read.text) as unknown)
  } catch {
    return ok(undefined)
  }
}
