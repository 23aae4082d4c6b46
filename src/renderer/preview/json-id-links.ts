import { onBeforeUnmount, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { monaco } from '../monaco/monaco.ts'
import { walkJsonIdSpans, type JsonIdSpan } from './json-id-spans.ts'
import { usePreviewContext, type PreviewContext } from './preview-context.ts'
import './json-id-links.css'

export interface JsonIdLinks {
  /**
   * The editor's model holds the whole answer now: link its ids. `parsed` is its value when the
   * view already has it (undefined: the text is parsed here).
   */
  textComplete(parsed: unknown): void
  /**
   * The editor is shown in a pane now: its ids lead where that pane's context says, until the
   * returned function is called. `hint` is the text of a link's hover.
   */
  attach(context: PreviewContext, hint: (endpoint: string) => string): () => void
}

/** How long one linking step may hold the page before the browser gets it back. */
const stepBudgetMs = 8

/**
 * Ids in the JSON view as links, with the Preview's own rules and destinations: a click prepares
 * the show endpoint with the id, Ctrl/Cmd+click sends it at once; from the keyboard, Enter on an
 * id prepares and Ctrl/Cmd+Enter sends. A click that selects text (a drag) follows nothing, so
 * ids stay easy to copy. Made once per editor: its two actions cost a pass over every keybinding.
 */
export function createJsonIdLinks(
  editor: monaco.editor.IStandaloneCodeEditor,
  labels: { follow: string; followAndSend: string },
): JsonIdLinks {
  const decorations = editor.createDecorationsCollection()
  const onLink = editor.createContextKey<boolean>('explorerOnIdLink', false)
  let spans: JsonIdSpan[] = []
  // The model's whole text and its parsed value, once the view has put all of it in (a long
  // answer arrives a piece per task); null while it is still coming.
  let complete: { parsed: unknown } | null = null
  let shownIn: { context: PreviewContext; hint: (endpoint: string) => string } | null = null
  let pending: number | null = null

  function stop() {
    if (pending !== null) cancelIdleCallback(pending)
    pending = null
  }

  /**
   * Links come once the JSON has painted and the page is idle, a few milliseconds per step, and
   * go in as they are found: they must not slow the view they decorate.
   */
  function relink() {
    stop()
    spans = []
    decorations.clear()
    const model = editor.getModel()
    if (!model || !complete || !shownIn || model.getLanguageId() !== 'json') return
    const { context, hint } = shownIn
    const parsed = complete.parsed
    let walk: ReturnType<typeof walkJsonIdSpans> | null = null
    const hints = new Map<string, string>()
    let linked = 0
    const step = () => {
      const until = performance.now() + stepBudgetMs
      walk ??= walkJsonIdSpans(model.getValue(), context.schemaRoot, context.has, parsed)
      let done = false
      while (!done && performance.now() < until) done = walk.steps.next().done === true
      // Spans are searched (spanAt) only once they are links.
      const found = walk.spans.slice(linked)
      linked = walk.spans.length
      spans = walk.spans.slice(0, linked)
      decorations.append(
        found.map((span) => {
          if (!hints.has(span.endpoint)) hints.set(span.endpoint, hint(span.endpoint))
          return {
            range: monaco.Range.fromPositions(
              model.getPositionAt(span.start),
              model.getPositionAt(span.end),
            ),
            options: {
              inlineClassName: 'json-id-link',
              hoverMessage: { value: hints.get(span.endpoint)! },
            },
          }
        }),
      )
      pending = done ? null : requestIdleCallback(step, { timeout: 1_000 })
    }
    pending = requestIdleCallback(step, { timeout: 1_000 })
  }

  function spanAt(position: monaco.Position | null): JsonIdSpan | null {
    const model = editor.getModel()
    if (!position || !model) return null
    const offset = model.getOffsetAt(position)
    // Spans are in text order: a binary search finds the one around the offset.
    let low = 0
    let high = spans.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const span = spans[middle]!
      if (offset < span.start) high = middle - 1
      else if (offset > span.end) low = middle + 1
      else return span
    }
    return null
  }

  function follow(span: JsonIdSpan | null, sendNow: boolean) {
    if (span) shownIn?.context.go({ endpoint: span.endpoint, body: span.body }, sendNow)
  }

  // A new answer comes as a new model, or, when it is small, as the whole text of the same model
  // replaced (a flush): either way the last answer's links, and any search for them, go.
  const forget = () => {
    complete = null
    stop()
    spans = []
  }
  editor.onDidChangeModel(forget)
  editor.onDidChangeModelContent((event) => {
    if (event.isFlush) forget()
  })
  editor.onDidChangeCursorPosition((event) => onLink.set(spanAt(event.position) !== null))
  editor.onMouseUp((event) => {
    if (event.target.type !== monaco.editor.MouseTargetType.CONTENT_TEXT) return
    if (!editor.getSelection()?.isEmpty() || event.event.rightButton) return
    follow(spanAt(event.target.position), event.event.ctrlKey || event.event.metaKey)
  })
  editor.addAction({
    id: 'explorer.followId',
    label: labels.follow,
    keybindings: [monaco.KeyCode.Enter],
    precondition: 'explorerOnIdLink',
    run: () => follow(spanAt(editor.getPosition()), false),
  })
  editor.addAction({
    id: 'explorer.followIdAndSend',
    label: labels.followAndSend,
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    precondition: 'explorerOnIdLink',
    run: () => follow(spanAt(editor.getPosition()), true),
  })
  editor.onDidDispose(stop)

  return {
    textComplete(parsed) {
      complete = { parsed }
      relink()
    },
    attach(context, hint) {
      shownIn = { context, hint }
      // The schema arrives after the answer (the endpoint's docs load once): link again then.
      const unwatch = watch(() => context.schemaRoot, relink)
      relink()
      return () => {
        unwatch()
        stop()
        shownIn = null
      }
    },
  }
}

/** Links an answer editor's ids the way this component's pane leads, while it is mounted. */
export function useJsonIdLinks(): (links: JsonIdLinks) => void {
  const context = usePreviewContext()
  const { t } = useI18n()
  let detach: (() => void) | null = null
  onBeforeUnmount(() => detach?.())
  return (links) => {
    detach?.()
    detach = links.attach(context, (endpoint) => t('preview.jsonLink.hint', { endpoint }))
  }
}
