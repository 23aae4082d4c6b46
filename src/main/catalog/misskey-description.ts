// Misskey puts an endpoint's credential and permission requirements only into the markdown of
// its description, e.g. "…\n\n**Credential required**: *Yes* / **Permission**: *write:notes*".
// Its `secure` endpoints (meant for its own web client) get a line of their own just before:
// "**Internal Endpoint**: This endpoint is an API for the misskey mainframe and is not intended
// for use by third parties." (gen-spec.ts since 2024; older servers left them out of the spec).

const footer =
  /\n*\*\*Credential required\*\*:\s*\*(Yes|No)\*(?:\s*\/\s*\*\*Permission\*\*:\s*\*([^*]+)\*)?\s*$/

const internalLine = /(?:^|\n)\*\*Internal Endpoint\*\*:[^\n]*(?=\n|$)/

const placeholder = /^No description provided\.?\s*$/

export interface DescriptionFacts {
  /** The description without the footer; empty when Misskey had only its placeholder. */
  text: string
  credentialRequired: boolean | null
  permission: string | null
  /** The "Internal Endpoint" line was there (it is not part of `text`). */
  internal: boolean
}

export function readMisskeyDescription(description: unknown): DescriptionFacts {
  const source = typeof description === 'string' ? description : ''
  const match = footer.exec(source)
  const withoutFooter = match ? source.slice(0, match.index) : source
  const internal = internalLine.test(withoutFooter)
  const body = withoutFooter.replace(internalLine, '').trim()
  return {
    text: placeholder.test(body) ? '' : body,
    credentialRequired: match ? match[1] === 'Yes' : null,
    permission: match?.[2]?.trim() || null,
    internal,
  }
}
