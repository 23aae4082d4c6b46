// Misskey puts an endpoint's credential and permission requirements only into the markdown of
// its description, e.g. "…\n\n**Credential required**: *Yes* / **Permission**: *write:notes*".

const footer =
  /\n*\*\*Credential required\*\*:\s*\*(Yes|No)\*(?:\s*\/\s*\*\*Permission\*\*:\s*\*([^*]+)\*)?\s*$/

const placeholder = /^No description provided\.?\s*$/

export interface DescriptionFacts {
  /** The description without the footer; empty when Misskey had only its placeholder. */
  text: string
  credentialRequired: boolean | null
  permission: string | null
}

export function readMisskeyDescription(description: unknown): DescriptionFacts {
  const source = typeof description === 'string' ? description : ''
  const match = footer.exec(source)
  const body = (match ? source.slice(0, match.index) : source).trim()
  return {
    text: placeholder.test(body) ? '' : body,
    credentialRequired: match ? match[1] === 'Yes' : null,
    permission: match?.[2]?.trim() || null,
  }
}
