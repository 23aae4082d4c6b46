import type { Virtualizer } from '@tanstack/vue-virtual'
import { describe, expect, it, vi } from 'vitest'
import { scrollWithoutNeedlessLayout } from './virtual-measure.ts'

function list(scrollOffset: number | null) {
  const scrollTo = vi.fn()
  const instance = {
    scrollOffset,
    scrollElement: { scrollTo },
    options: { horizontal: false },
  } as unknown as Virtualizer<HTMLElement, Element>
  return { instance, scrollTo }
}

describe('scrolling a preview list', () => {
  it('leaves a new list at its top alone (no forced layout), and scrolls one that must move', () => {
    const fresh = list(null)
    scrollWithoutNeedlessLayout(0, {}, fresh.instance)
    expect(fresh.scrollTo).not.toHaveBeenCalled()

    const scrolled = list(480)
    scrollWithoutNeedlessLayout(0, {}, scrolled.instance)
    expect(scrolled.scrollTo).toHaveBeenCalledWith({ top: 0, behavior: undefined })

    const corrected = list(0)
    scrollWithoutNeedlessLayout(0, { adjustments: 24 }, corrected.instance)
    expect(corrected.scrollTo).toHaveBeenCalledWith({ top: 24, behavior: undefined })

    const sent = list(0)
    scrollWithoutNeedlessLayout(300, { behavior: 'smooth' }, sent.instance)
    expect(sent.scrollTo).toHaveBeenCalledWith({ top: 300, behavior: 'smooth' })
  })
})
