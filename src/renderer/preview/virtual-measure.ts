import { elementScroll, type Rect, type Virtualizer } from '@tanstack/vue-virtual'

// The virtualizer's defaults read sizes (clientHeight, getBoundingClientRect) the moment a row or
// the list mounts, which makes the browser lay out the whole page in the middle of Vue's render,
// once per new row while scrolling. These read sizes only from ResizeObserver entries, which
// arrive after the browser's own layout, and use the estimate (or the last real size) until then.

/** The scroller's size, from a ResizeObserver only (its first report comes after layout). */
export function observeRectWithoutLayout(
  instance: Virtualizer<HTMLElement, Element>,
  report: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement
  if (!element || typeof ResizeObserver === 'undefined') return undefined
  const observer = new ResizeObserver(([entry]) => {
    if (!entry) return
    report({
      width: Math.round(entry.contentRect.width),
      height: Math.round(entry.contentRect.height),
    })
  })
  observer.observe(element, { box: 'content-box' })
  return () => observer.disconnect()
}

/** A row's height: measured by the ResizeObserver, else what is known already, else the estimate. */
export function measureRowWithoutLayout(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0]
  if (box) return Math.round(box.blockSize)
  const index = instance.indexFromElement(element)
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ??
    instance.options.estimateSize(index)
  )
}

/**
 * The virtualizer writes its scroll position into a list as soon as the list mounts; a new list
 * is at its top already, and the write (scrollTo) makes the browser lay out the whole page in the
 * task that shows the answer. A list believed at its top and asked to go there is left alone.
 */
export function scrollWithoutNeedlessLayout(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLElement, Element>,
): void {
  if (offset === 0 && !options.adjustments && (instance.scrollOffset ?? 0) === 0) return
  elementScroll(offset, options, instance)
}
