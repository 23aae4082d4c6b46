import type { StreamingExportEntry } from '../../shared/streaming.ts'

/**
 * One JSON object per line (JSON Lines), in the order given: readable with `jq`, appendable,
 * and a message that is not JSON stays a string instead of breaking the file.
 */
export function toJsonLines(entries: StreamingExportEntry[]): string {
  return entries
    .map((entry) => {
      let message: unknown = entry.text
      try {
        message = JSON.parse(entry.text)
      } catch {
        // Kept as the text that went over the wire.
      }
      return JSON.stringify({
        time: new Date(entry.at).toISOString(),
        direction: entry.direction,
        channel: entry.channel,
        connectionId: entry.connectionId,
        type: entry.type,
        message,
      })
    })
    .map((line) => `${line}\n`)
    .join('')
}
