// Reads what a streaming message is about (its type, channel connection, note) and sums it up in
// one line, from the shapes Misskey sends: `{type, body}` at the top, `{id, type, body}` inside
// `channel`, `{id, type, body}` inside `noteUpdated`.
import type { StreamingSummary } from '../../shared/streaming.ts'

export interface MessageFacts {
  type: string
  connectionId: string | null
  noteId: string | null
  summary: StreamingSummary
}

const maxSummaryLength = 200

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

export function clip(value: string, length = maxSummaryLength): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

function handle(user: unknown): string | null {
  if (!isObject(user)) return null
  const username = text(user.username)
  if (!username) return null
  const host = text(user.host)
  return host ? `@${username}@${host}` : `@${username}`
}

/** A Note as Misskey packs it: an id, a user with a username, and a text key (maybe null). */
function noteSummary(note: unknown): StreamingSummary | null {
  if (!isObject(note) || !text(note.id) || !('text' in note)) return null
  const user = handle(note.user)
  if (!user) return null
  const cw = text(note.cw)
  const body = text(note.text)
  if (body === null && !cw && isObject(note.renote)) {
    return { kind: 'renote', user, target: handle(note.renote.user) ?? '?' }
  }
  const files = Array.isArray(note.files) ? note.files.length : 0
  const shown = cw !== null ? `[CW] ${cw}` : (body ?? (files > 0 ? `📎 ${files}` : ''))
  return { kind: 'note', user, text: clip(shown) }
}

function jsonSummary(value: unknown): StreamingSummary {
  return { kind: 'json', text: clip(value === undefined ? '' : JSON.stringify(value)) }
}

function updateDetail(type: string, body: unknown): string {
  if (!isObject(body)) return ''
  if (type === 'reacted' || type === 'unreacted') return text(body.reaction) ?? ''
  if (type === 'pollVoted') return typeof body.choice === 'number' ? `#${body.choice}` : ''
  return ''
}

/** `message` is the parsed JSON; `raw` the text it came from (shown when it is not JSON). */
export function describeStreamingMessage(message: unknown, raw: string): MessageFacts {
  if (message === undefined) {
    return {
      type: '(not JSON)',
      connectionId: null,
      noteId: null,
      summary: { kind: 'notJson', text: clip(raw) },
    }
  }
  if (!isObject(message) || typeof message.type !== 'string') {
    return { type: '(no type)', connectionId: null, noteId: null, summary: jsonSummary(message) }
  }
  const body = message.body
  const inner = isObject(body) ? body : {}
  switch (message.type) {
    case 'channel':
    case 'ch': {
      const type = text(inner.type) ?? '(no type)'
      const note = noteSummary(inner.body)
      return {
        type,
        connectionId: text(inner.id),
        noteId: note && isObject(inner.body) ? (text(inner.body.id) ?? null) : null,
        summary: note ?? jsonSummary(inner.body),
      }
    }
    case 'connected':
      return {
        type: 'connected',
        connectionId: text(inner.id),
        noteId: null,
        summary: { kind: 'connected', id: text(inner.id) ?? '' },
      }
    case 'noteUpdated': {
      const event = text(inner.type) ?? ''
      return {
        type: 'noteUpdated',
        connectionId: null,
        noteId: text(inner.id),
        summary: { kind: 'noteUpdated', event, detail: updateDetail(event, inner.body) },
      }
    }
    case 'connect':
    case 'disconnect':
      return {
        type: message.type,
        connectionId: text(inner.id),
        noteId: null,
        summary: jsonSummary(body),
      }
    case 'subNote':
    case 's':
    case 'sr':
    case 'unsubNote':
    case 'un':
      return {
        type: message.type,
        connectionId: null,
        noteId: text(inner.id),
        summary: jsonSummary(body),
      }
    default:
      return { type: message.type, connectionId: null, noteId: null, summary: jsonSummary(body) }
  }
}
