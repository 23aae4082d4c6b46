import { monaco } from './monaco.ts'

// One Monaco model per draft (endpoint on a server) for the whole session, so each keeps its
// text and undo history however often the editor is remounted. The URIs are plain numbers:
// Monaco matches a schema's `fileMatch` as a glob, and draft keys are full of `:` and `/`.
const numbers = new Map<string, number>()

export function draftModelUri(draftKey: string): monaco.Uri {
  let number = numbers.get(draftKey)
  if (number === undefined) numbers.set(draftKey, (number = numbers.size + 1))
  return monaco.Uri.parse(`inmemory://explorer/body-${number}.json`)
}

export function draftModel(draftKey: string, initialText: string): monaco.editor.ITextModel {
  const uri = draftModelUri(draftKey)
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(initialText, 'json', uri)
}
