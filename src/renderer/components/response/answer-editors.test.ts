import { describe, expect, it, vi } from 'vitest'
import { parkAnswerEditor, takeAnswerEditor, type AnswerEditor } from './answer-editors.ts'

/** Stands in for a built editor: what the pool touches, counted. */
function fakeAnswerEditor(locale: string, length = 7_000) {
  const model = {
    dispose: vi.fn(),
    isDisposed: () => model.dispose.mock.calls.length > 0,
    getValueLength: () => length,
  }
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
  it('gives back a parked editor, out of the page at once and emptied when idle, in the language asked', async () => {
    let idle: () => void = () => undefined
    vi.stubGlobal('requestIdleCallback', (run: () => void) => void (idle = run))
    expect(takeAnswerEditor('en')).toBeNull()
    const first = fakeAnswerEditor('en')
    parkAnswerEditor(first.entry)
    expect(first.host.remove).toHaveBeenCalled()
    // The old answer's model is detached and goes once the page is idle, not in the task that
    // parks it (the click that sends the next request).
    expect(first.model.dispose).not.toHaveBeenCalled()
    idle()
    expect(first.editor.getModel()).toBeNull()
    expect(first.model.dispose).toHaveBeenCalled()
    expect(takeAnswerEditor('en')).toBe(first.entry)
    expect(takeAnswerEditor('en')).toBeNull()

    const japanese = fakeAnswerEditor('ja')
    parkAnswerEditor(japanese.entry)
    expect(takeAnswerEditor('en')).toBeNull()
    expect(japanese.editor.dispose).toHaveBeenCalled()
    vi.unstubAllGlobals()
  })

  it('leaves the model of the next answer alone when it came before the idle moment', () => {
    let idle: () => void = () => undefined
    vi.stubGlobal('requestIdleCallback', (run: () => void) => void (idle = run))
    const answer = fakeAnswerEditor('en')
    parkAnswerEditor(answer.entry)
    const taken = takeAnswerEditor('en')!
    const next = { dispose: vi.fn(), isDisposed: () => false }
    taken.editor.setModel(next as never)
    idle()
    expect(answer.model.dispose).toHaveBeenCalled()
    expect(taken.editor.getModel()).toBe(next)
    expect(next.dispose).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
  })

  it('detaches a big answer’s model at once: its detaching is long wherever it lands', () => {
    vi.stubGlobal('requestIdleCallback', () => 0)
    const big = fakeAnswerEditor('en', 1_000_000)
    parkAnswerEditor(big.entry)
    expect(big.editor.getModel()).toBeNull()
    expect(takeAnswerEditor('en')).toBe(big.entry)
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
