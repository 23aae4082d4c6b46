import { asRecord, asRecords, asString } from './note-fields.ts'

// Rough figures of a note card's parts, in CSS pixels (PreviewNoteCard.vue's layout). An
// estimate near the truth lets the list place rows before they are measured without jumping.
const frame = 76 // padding, header (avatar, name, time)
const lineHeight = 21
const charactersPerLine = 72
const filesRow = 190
const pollChoice = 34
const reactionsRow = 34
const maxEstimate = 4_000

function textHeight(text: string | null): number {
  if (!text) return 0
  let lines = 0
  for (const line of text.slice(0, 20_000).split('\n'))
    lines += Math.max(1, Math.ceil(line.length / charactersPerLine))
  return lines * lineHeight
}

// The list asks again for every row below one that was measured: remember each note's guess.
const estimates = new WeakMap<object, number>()

/** A cheap guess of a note card's height from its fields, without drawing it. */
export function estimateNoteHeight(value: unknown): number {
  if (typeof value !== 'object' || value === null) return frame
  let known = estimates.get(value)
  if (known === undefined) {
    known = guess(value, 0)
    estimates.set(value, known)
  }
  return known
}

function guess(value: unknown, depth: number): number {
  const note = asRecord(value) ?? {}
  const text = asString(note.text)
  const files = asRecords(note.files)
  const renote = asRecord(note.renote)
  const reply = asRecord(note.reply)
  if (renote && !text && files.length === 0 && !note.poll)
    return 28 + (depth < 2 ? guess(renote, depth + 1) : 0)
  let height = frame
  height += asString(note.cw) !== null ? 40 : textHeight(text)
  if (files.length > 0) height += filesRow * Math.ceil(Math.min(files.length, 16) / 4)
  const poll = asRecord(note.poll)
  if (poll) height += 24 + pollChoice * asRecords(poll.choices).length
  if (Object.keys(asRecord(note.reactions) ?? {}).length > 0) height += reactionsRow
  if (reply && depth < 1) height += Math.min(240, guess(reply, depth + 1))
  if (renote && depth < 2) height += guess(renote, depth + 1)
  return Math.min(maxEstimate, height)
}
