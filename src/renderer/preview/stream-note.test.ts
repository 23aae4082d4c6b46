import { describe, expect, it } from 'vitest'
import { noteOfStreamMessage } from './stream-note.ts'

const note = {
  id: 'n1',
  createdAt: '2026-12-02T00:00:00Z',
  userId: 'u1',
  visibility: 'public',
  text: 'hi',
}

describe('the note in a streaming message', () => {
  it('is found in a timeline’s note event, in main’s mention and as itself', () => {
    const channel = { type: 'channel', body: { id: 'c1', type: 'note', body: note } }
    expect(noteOfStreamMessage(JSON.stringify(channel))).toEqual(note)
    const mention = { type: 'channel', body: { id: 'c2', type: 'mention', body: note } }
    expect(noteOfStreamMessage(JSON.stringify(mention))).toEqual(note)
    expect(noteOfStreamMessage(JSON.stringify(note))).toEqual(note)
  })

  it('is absent from stats, noteUpdated and text that is not JSON', () => {
    expect(
      noteOfStreamMessage('{"type":"channel","body":{"id":"c","type":"stats","body":{}}}'),
    ).toBeNull()
    expect(
      noteOfStreamMessage('{"type":"noteUpdated","body":{"id":"n1","type":"reacted","body":{}}}'),
    ).toBeNull()
    expect(noteOfStreamMessage('not json')).toBeNull()
  })
})
