import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { monaco } from '../monaco/monaco.ts'

type EditorOptions = monaco.editor.IStandaloneEditorConstructionOptions

export const sharedEditorOptions: EditorOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  tabSize: 2,
  renderLineHighlight: 'line',
  fixedOverflowWidgets: true,
  // The editor sits inside a form; Tab should move focus only when the user asks (Ctrl+M).
  tabFocusMode: false,
}

/**
 * Creates a Monaco editor in `container` when the component mounts and disposes it with the
 * component. The editor is deliberately kept out of Vue's reactivity (Monaco objects are large
 * and mutate themselves).
 */
export function useMonacoEditor(
  container: Ref<HTMLElement | null>,
  options: EditorOptions,
  onCreated: (editor: monaco.editor.IStandaloneCodeEditor) => void,
): void {
  let editor: monaco.editor.IStandaloneCodeEditor | null = null
  onMounted(() => {
    if (!container.value) return
    editor = monaco.editor.create(container.value, { ...sharedEditorOptions, ...options })
    onCreated(editor)
  })
  onBeforeUnmount(() => editor?.dispose())
}
