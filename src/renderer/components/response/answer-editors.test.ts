import { describe, expect, it, vi } from 'vitest'
import { parkAnswerEditor, takeAnswerEditor, type AnswerEditor } from './answer-editors.ts'

/** Stands in for a built editor: what the pool touches, counted. */
function fakeAnswerEditor(locale: string) {
  const model = { dispose: vi.fn() }
  let current: typeof model | null = model
  const editor = {
    getModel: () => current,
    setModel: (next: typeof model | null) => (current = next),
    dispose: vi.fn(),
  }
  const host = { remove: vi.fn() }
  const entry = { host, editor, links: {}, locale } as unknown as AnswerEditor
  return { entry, editor, model, host }
}

describe('the parked answer editors', () => {
  it('gives back a parked editor, emptied and out of the page, in the language asked', async () => {
    vi.stubGlobal('requestIdleCallback', (run: () => void) => void setTimeout(run))
    expect(takeAnswerEditor('en')).toBeNull()
    const first = fakeAnswerEditor('en')
    parkAnswerEditor(first.entry)
    expect(first.host.remove).toHaveBeenCalled()
    expect(first.editor.getModel()).toBeNull()
    // The old answer's model goes once the page is idle, not in the task that parks it.
    expect(first.model.dispose).not.toHaveBeenCalled()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(first.model.dispose).toHaveBeenCalled()
    expect(takeAnswerEditor('en')).toBe(first.entry)
    expect(takeAnswerEditor('en')).toBeNull()

    const japanese = fakeAnswerEditor('ja')
    parkAnswerEditor(japanese.entry)
    expect(takeAnswerEditor('en')).toBeNull()
    expect(japanese.editor.dispose).toHaveBeenCalled()
    vi.unstubAllGlobals()
  })

  it('keeps two at most: the oldest is disposed of', () => {
    vi.stubGlobal('requestIdleCallback', () => 0)
    const parked = [fakeAnswerEditor('en'), fakeAnswerEditor('en'), fakeAnswerEditor('en')]
    for (const { entry } of parked) parkAnswerEditor(entry)
    expect(parked.map(({ editor }) => editor.dispose.mock.calls.length)).toEqual([1, 0, 0])
    expect(takeAnswerEditor('en')).toBe(parked[2]!.entry)
    expect(takeAnswerEditor('en')).toBe(parked[1]!.entry)
    expect(takeAnswerEditor('en')).toBeNull()
    vi.unstubAllGlobals()
  })
})
