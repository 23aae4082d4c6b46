import type { StreamingLogEntry, StreamingSummary } from '../../shared/streaming.ts'
import { i18n } from '../i18n/index.ts'

/** The one line the log shows for a message. */
export function summaryText(summary: StreamingSummary): string {
  const { t, te } = i18n.global
  switch (summary.kind) {
    case 'note':
      return t('streaming.summary.note', { user: summary.user, text: summary.text })
    case 'renote':
      return t('streaming.summary.renote', { user: summary.user, target: summary.target })
    case 'connected':
      return t('streaming.summary.connected')
    case 'noteUpdated': {
      const key = `streaming.summary.noteUpdated.${summary.event}`
      return te(key)
        ? t(key, { detail: summary.detail })
        : t('streaming.summary.noteUpdated.other', { event: summary.event, detail: summary.detail })
    }
    default:
      return summary.text
  }
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** Wall-clock time with milliseconds: messages a few ms apart must be told apart. */
export function clockTime(at: number): string {
  const date = new Date(at)
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 4) : id
}

/** "homeTimeline · 1a2b" tells two joins of one channel apart. */
export function connectionLabel(
  entry: Pick<StreamingLogEntry, 'channel' | 'connectionId'>,
): string {
  if (!entry.connectionId) return entry.channel ?? '—'
  return `${entry.channel ?? '?'} · ${shortId(entry.connectionId)}`
}

/** Pretty JSON for the detail view; text that is not JSON as it came. */
export function prettyMessage(text: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), json: true }
  } catch {
    return { text, json: false }
  }
}
