import type { CopySnippetInput, CopySnippetResult } from '../../shared/snippets.ts'
import { parseBodyText } from '../../shared/body-text.ts'
import { requestSnippet } from '../../shared/request-snippets.ts'
import { ok, type Result } from '../../shared/result.ts'

export interface SnippetServiceDependencies {
  tokenFor: (accountId: string, origin: string) => Promise<Result<string>>
  writeClipboard: (text: string) => void
}

/**
 * "Copy as" runs in main so that a snippet can carry the real token, when the user asks for it,
 * without the token ever reaching the renderer: main writes it straight to the clipboard and
 * gives the page back only the placeholder version.
 */
export function createSnippetService(dependencies: SnippetServiceDependencies) {
  return {
    async copy(input: CopySnippetInput): Promise<Result<CopySnippetResult>> {
      let value: Record<string, unknown>
      if (input.upload) {
        value = { ...input.upload.fields }
      } else {
        const parsed = parseBodyText(input.body)
        if (!parsed.ok) return parsed
        value = parsed.value.value
      }
      const request = {
        origin: input.origin,
        endpoint: input.endpoint,
        body: value,
        authMode: input.auth.mode,
        ...(input.upload ? { contentType: 'multipart/form-data' as const } : {}),
      }
      const placeholder = requestSnippet(input.kind, request)
      if (!input.includeToken || input.auth.mode === 'none' || input.auth.accountId === null) {
        dependencies.writeClipboard(placeholder)
        return ok({ text: placeholder, includesToken: false })
      }
      const token = await dependencies.tokenFor(input.auth.accountId, input.origin)
      if (!token.ok) return token
      dependencies.writeClipboard(requestSnippet(input.kind, { ...request, token: token.value }))
      return ok({ text: placeholder, includesToken: true })
    },
  }
}

export type SnippetService = ReturnType<typeof createSnippetService>
