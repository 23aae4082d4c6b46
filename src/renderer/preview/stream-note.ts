import { componentFromShape } from './preview-kind.ts'

/**
 * The note a streaming message carries, if any: a timeline's `note` event
 * (`{type:'channel', body:{type:'note', body: Note}}`), main's `mention`/`reply`, or a bare note.
 */
export function noteOfStreamMessage(text: string): Record<string, unknown> | null {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch {
    return null
  }
  for (let depth = 0; depth < 3; depth++) {
    if (componentFromShape(message) === 'Note') return message as Record<string, unknown>
    if (typeof message !== 'object' || message === null || !('body' in message)) return null
    message = (message as { body: unknown }).body
  }
  return null
}
