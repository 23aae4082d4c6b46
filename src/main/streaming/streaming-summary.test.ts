import { describe, expect, it } from 'vitest'
import { describeStreamingMessage } from './streaming-summary.ts'

const note = {
  id: 'au22prduhj5z000n',
  user: { username: 'alice', host: null },
  text: 'hello\nfrom streaming',
  cw: null,
  files: [],
}
const describeText = (value: unknown) =>
  describeStreamingMessage(value, JSON.stringify(value) ?? 'undefined')

describe('describeStreamingMessage', () => {
  it('reads a timeline note: its channel connection, its id, "@user: text" on one line', () => {
    const facts = describeText({ type: 'channel', body: { id: 'c1', type: 'note', body: note } })
    expect(facts).toEqual({
      type: 'note',
      connectionId: 'c1',
      noteId: note.id,
      summary: { kind: 'note', user: '@alice', text: 'hello from streaming' },
    })
  })

  it('shows a CW instead of the text, a remote user with its host, and a pure renote', () => {
    const remote = { ...note, cw: 'spoiler', user: { username: 'bob', host: 'example.com' } }
    expect(
      describeText({ type: 'channel', body: { id: 'c', type: 'note', body: remote } }).summary,
    ).toEqual({
      kind: 'note',
      user: '@bob@example.com',
      text: '[CW] spoiler',
    })
    const renote = { ...note, text: null, renote: { ...note, user: { username: 'carol' } } }
    expect(
      describeText({ type: 'channel', body: { id: 'c', type: 'note', body: renote } }).summary,
    ).toEqual({
      kind: 'renote',
      user: '@alice',
      target: '@carol',
    })
  })

  it('reads noteUpdated and connected', () => {
    expect(
      describeText({
        type: 'noteUpdated',
        body: { id: 'n1', type: 'reacted', body: { reaction: '👍', emoji: null, userId: 'u' } },
      }),
    ).toEqual({
      type: 'noteUpdated',
      connectionId: null,
      noteId: 'n1',
      summary: { kind: 'noteUpdated', event: 'reacted', detail: '👍' },
    })
    expect(describeText({ type: 'connected', body: { id: 'c9' } })).toMatchObject({
      type: 'connected',
      connectionId: 'c9',
    })
  })

  it('sums up anything else as clipped JSON, and says when a frame is not JSON', () => {
    const stats = describeText({
      type: 'channel',
      body: { id: 's', type: 'stats', body: { cpu: 0.1 } },
    })
    expect(stats).toMatchObject({ type: 'stats', summary: { kind: 'json', text: '{"cpu":0.1}' } })
    const long = describeText({ type: 'custom', body: { text: 'x'.repeat(500) } })
    expect(long.summary.kind === 'json' && long.summary.text.length).toBe(200)
    expect(describeStreamingMessage(undefined, 'not json')).toMatchObject({
      type: '(not JSON)',
      summary: { kind: 'notJson', text: 'not json' },
    })
  })
})
