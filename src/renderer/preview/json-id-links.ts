import { onBeforeUnmount, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { monaco } from '../monaco/monaco.ts'
import { findJsonIdSpans, type JsonIdSpan } from './json-id-spans.ts'
import { usePreviewContext } from './preview-context.ts'
import './json-id-links.css'

/**
 * Ids in the JSON view as links, with the Preview's own rules and destinations (the context the
 * response viewer provides): a click prepares the show endpoint with the id, Ctrl/Cmd+click sends
 * it at once; from the keyboard, Enter on an id prepares and Ctrl/Cmd+Enter sends. A click that
 * selects text (a drag) follows nothing, so ids stay easy to copy.
 */
export function useJsonIdLinks(): (editor: monaco.editor.IStandaloneCodeEditor) => JsonIdLinks {
  const context = usePreviewContext()
  const { t } = useI18n()
  const stops: Array<() => void> = []
  onBeforeUnmount(() => stops.splice(0).forEach((stop) => stop()))

  return (editor) => {
    const decorations = editor.createDecorationsCollection()
    const onLink = editor.createContextKey<boolean>('explorerOnIdLink', false)
    let spans: JsonIdSpan[] = []
    // The model's whole text and its parsed value, once the view has put all of it in (a long
    // answer arrives a piece per task); null while it is still coming.
    let complete: { parsed: unknown } | null = null

    function refresh() {
      const model = editor.getModel()
      spans =
        model && complete && model.getLanguageId() === 'json'
          ? findJsonIdSpans(model.getValue(), context.schemaRoot, context.has, complete.parsed)
          : []
      decorations.set(
        spans.map((span) => ({
          range: monaco.Range.fromPositions(
            model!.getPositionAt(span.start),
            model!.getPositionAt(span.end),
          ),
          options: {
            inlineClassName: 'json-id-link',
            hoverMessage: { value: t('preview.jsonLink.hint', { endpoint: span.endpoint }) },
          },
        })),
      )
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
      if (span) context.go({ endpoint: span.endpoint, body: span.body }, sendNow)
    }

    // Links come once the JSON has painted and the page is idle: they must not slow the view
    // they decorate.
    let pending: number | null = null
    function refreshSoon() {
      if (pending !== null) cancelIdleCallback(pending)
      pending = requestIdleCallback(
        () => {
          pending = null
          if (editor.getModel()) refresh()
        },
        { timeout: 1_000 },
      )
    }

    const listeners = [
      editor.onDidChangeModel(() => {
        complete = null
        refreshSoon()
      }),
      editor.onDidChangeCursorPosition((event) => onLink.set(spanAt(event.position) !== null)),
      editor.onMouseUp((event) => {
        if (event.target.type !== monaco.editor.MouseTargetType.CONTENT_TEXT) return
        if (!editor.getSelection()?.isEmpty() || event.event.rightButton) return
        follow(spanAt(event.target.position), event.event.ctrlKey || event.event.metaKey)
      }),
      editor.addAction({
        id: 'explorer.followId',
        label: t('preview.jsonLink.follow'),
        keybindings: [monaco.KeyCode.Enter],
        precondition: 'explorerOnIdLink',
        run: () => follow(spanAt(editor.getPosition()), false),
      }),
      editor.addAction({
        id: 'explorer.followIdAndSend',
        label: t('preview.jsonLink.followAndSend'),
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
        precondition: 'explorerOnIdLink',
        run: () => follow(spanAt(editor.getPosition()), true),
      }),
    ]
    // The schema arrives after the answer (the endpoint's docs load once): link again then.
    stops.push(
      watch(() => context.schemaRoot, refreshSoon),
      () => {
        if (pending !== null) cancelIdleCallback(pending)
        listeners.forEach((listener) => listener.dispose())
      },
    )
    return {
      textComplete(parsed) {
        complete = { parsed }
        refreshSoon()
      },
    }
  }
}

export interface JsonIdLinks {
  /**
   * The editor's model holds the whole answer now: link its ids. `parsed` is its value when the
   * view already has it (undefined: the text is parsed here).
   */
  textComplete(parsed: unknown): void
}
