import { writeFile } from 'node:fs/promises'
import { fail, ok, type Result } from '../../shared/result.ts'
import type { KeptBodies } from './kept-bodies.ts'
import { fullText } from './response-reading.ts'

export interface ResponseFilesDependencies {
  kept: KeptBodies
  /** The system's save dialog; the chosen path, or null when cancelled. */
  chooseSaveFile: (suggestedName: string) => Promise<string | null>
}

/** What the page can ask of a large body main kept: the whole text, or a file on disk. */
export function createResponseFiles(dependencies: ResponseFilesDependencies) {
  const lookup = (requestId: string) => {
    const body = dependencies.kept.get(requestId)
    return body
      ? ok(body)
      : fail('UNKNOWN_RESPONSE', 'That response is no longer kept; send the request again.', {
          requestId,
        })
  }
  return {
    async fullText(requestId: string): Promise<Result<{ text: string; json: boolean }>> {
      const body = lookup(requestId)
      return body.ok ? ok(fullText(body.value.bytes)) : body
    },

    async saveToFile(requestId: string): Promise<Result<{ path: string } | null>> {
      const body = lookup(requestId)
      if (!body.ok) return body
      const extension = /json/i.test(body.value.contentType ?? '') ? 'json' : 'txt'
      const path = await dependencies.chooseSaveFile(
        `${body.value.endpoint.replace(/\//g, '-')}.${extension}`,
      )
      if (path === null) return ok(null)
      try {
        await writeFile(path, body.value.bytes)
        return ok({ path })
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
        return fail(
          'FILE_UNWRITABLE',
          `${path} cannot be written (${reason}); nothing was saved.`,
          { path, reason },
        )
      }
    },
  }
}

export type ResponseFiles = ReturnType<typeof createResponseFiles>
