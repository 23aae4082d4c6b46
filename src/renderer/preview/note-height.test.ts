import { describe, expect, it } from 'vitest'
import { estimateNoteHeight } from './note-height.ts'

describe('a note card’s estimated height', () => {
  it('grows with the text, the files and the poll, and stays bounded for a huge note', () => {
    const short = estimateNoteHeight({ text: 'hi' })
    const long = estimateNoteHeight({ text: 'lorem ipsum '.repeat(200) })
    const withFiles = estimateNoteHeight({ text: 'hi', files: [{ id: 'f' }] })
    const withPoll = estimateNoteHeight({ text: 'hi', poll: { choices: [{}, {}, {}] } })
    expect(long).toBeGreaterThan(short)
    expect(withFiles).toBeGreaterThan(short)
    expect(withPoll).toBeGreaterThan(short)
    expect(estimateNoteHeight({ text: 'x\n'.repeat(100_000) })).toBeLessThanOrEqual(4_000)
  })

  it('treats a content warning as folded and a pure renote as the renoted note', () => {
    const text = 'lorem ipsum '.repeat(200)
    expect(estimateNoteHeight({ cw: 'spoiler', text })).toBeLessThan(estimateNoteHeight({ text }))
    expect(estimateNoteHeight({ renote: { text } })).toBeGreaterThan(estimateNoteHeight({ text }))
  })
})
