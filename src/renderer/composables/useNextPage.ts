import { computed } from 'vue'
import { parseBodyText } from '../../shared/body-text.ts'
import { nextPageBody } from '../../shared/pagination.ts'
import { useRequestComposer } from './useRequestComposer.ts'
import { useRequestStore } from '../stores/request.ts'
import { useWorkbenchStore } from '../stores/workbench.ts'

/**
 * "Next page" for timelines and lists: from the body just sent and the answer, the body of the
 * following page (untilId/sinceId, dates or offset, in Misskey's order), put in the editor and sent.
 */
export function useNextPage(
  /** The answer already parsed (the response viewer's Preview has it), so it is not parsed twice. */
  parsedAnswer: () => unknown = () => undefined,
) {
  const request = useRequestStore()
  const workbench = useWorkbenchStore()
  const composer = useRequestComposer()

  const next = computed(() => {
    const response = request.response
    const sent = request.lastSent
    const schema = workbench.schema?.status === 'ready' ? workbench.schema.value.schema : null
    if (!response || !sent || response.body.kind !== 'json' || response.problem) return null
    if (
      sent.endpoint !== response.endpoint ||
      workbench.selectedName !== response.endpoint ||
      !schema
    )
      return null
    const body = parseBodyText(sent.body)
    if (!body.ok) return null
    let answer = parsedAnswer()
    try {
      answer ??= JSON.parse(response.body.text)
    } catch {
      return null
    }
    const page = nextPageBody(schema, body.value.value, answer)
    return page.body === null && page.reason === 'NOT_PAGINATED' ? null : page
  })

  function go() {
    const page = next.value
    if (!page || page.body === null) return
    const text = `${JSON.stringify(page.body, null, 2)}\n`
    workbench.replaceBody(text)
    // The editor takes the text on its next tick; the store has it at once, which is what is sent.
    workbench.body = text
    composer.send()
  }

  return { next, go }
}
