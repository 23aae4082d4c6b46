import type { monaco } from '../../monaco/monaco.ts'
import type { JsonIdLinks } from '../../preview/json-id-links.ts'
import { whenIdle } from '../../paint-steps.ts'

/** A read-only editor for answers, built in a host element of its own so it can move. */
export interface AnswerEditor {
  host: HTMLDivElement
  editor: monaco.editor.IStandaloneCodeEditor
  links: JsonIdLinks
  /** The language its action labels are in. */
  locale: string
}

const parked: AnswerEditor[] = []
const maxParked = 2

/**
 * Building Monaco's editor costs a long task (its services, its actions' keybindings), and the
 * answer view is built again for every send and every switch of tab. The view that goes parks
 * its editor here, out of the page and without a model (no text of an old answer is left in the
 * page), and the next view takes it back.
 */
export function takeAnswerEditor(locale: string): AnswerEditor | null {
  // One made in another language would keep the labels of that language.
  for (const stale of parked.filter((entry) => entry.locale !== locale)) {
    parked.splice(parked.indexOf(stale), 1)
    stale.editor.dispose()
  }
  return parked.pop() ?? null
}

export function parkAnswerEditor(entry: AnswerEditor): void {
  const model = entry.editor.getModel()
  entry.editor.setModel(null)
  if (model) disposeWhenIdle(model)
  entry.host.remove()
  parked.push(entry)
  while (parked.length > maxParked) parked.shift()!.editor.dispose()
}

/**
 * A model of a megabyte with its links takes tens of milliseconds to dispose of: not in the task
 * that sends the next request or shows the next answer. Nothing shows it any more meanwhile.
 */
export function disposeWhenIdle(model: monaco.editor.ITextModel): void {
  whenIdle(() => model.dispose(), 2_000)
}
