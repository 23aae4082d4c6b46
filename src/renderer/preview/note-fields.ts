// Reading Misskey objects defensively: an answer is data from a server, any field may be odd.
import { httpUrl } from './safe-url.ts'

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

export function asRecords(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((item) => asRecord(item) !== null) : []
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/**
 * The image of a custom-emoji reaction: `:name@host:` is in the note's reactionEmojis (remote),
 * `:name@.:` is the server's own, under /emoji/ as Misskey's web client finds it.
 */
export function reactionEmojiUrl(
  reaction: string,
  reactionEmojis: Record<string, unknown> | null,
  serverOrigin: string | null,
): string | null {
  const match = /^:([\w+-]+)(?:@([\w.:-]+))?:$/.exec(reaction)
  if (!match) return null
  const [, name, host] = match as unknown as [string, string, string | undefined]
  if (host && host !== '.') {
    const url = reactionEmojis?.[`${name}@${host}`]
    return httpUrl(url)
  }
  return serverOrigin ? `${serverOrigin}/emoji/${encodeURIComponent(name)}.webp` : null
}
