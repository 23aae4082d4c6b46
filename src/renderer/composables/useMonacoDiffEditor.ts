import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { monaco } from '../monaco/monaco.ts'

/**
 * A read-only Monaco diff editor in `container` for the component's lifetime, with the two
 * models it shows disposed along with it. Like useMonacoEditor, kept out of Vue's reactivity.
 */
export function useMonacoDiffEditor(
  container: Ref<HTMLElement | null>,
  label: string,
  texts: () => { original: string; modified: string; language: 'json' | 'plaintext' },
): { show: () => void } {
  let editor: monaco.editor.IStandaloneDiffEditor | null = null

  function show() {
    if (!editor) return
    const previous = editor.getModel()
    const { original, modified, language } = texts()
    editor.setModel({
      original: monaco.editor.createModel(original, language),
      modified: monaco.editor.createModel(modified, language),
    })
    previous?.original.dispose()
    previous?.modified.dispose()
  }

  onMounted(() => {
    if (!container.value) return
    editor = monaco.editor.createDiffEditor(container.value, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      // Side by side however narrow the window: the point is to see both answers at once.
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      wordWrap: 'on',
      ariaLabel: label,
    })
    // Long answers often differ far down: start at the first difference.
    editor.onDidUpdateDiff(() => editor?.revealFirstDiff())
    show()
  })
  onBeforeUnmount(() => {
    const models = editor?.getModel()
    editor?.dispose()
    models?.original.dispose()
    models?.modified.dispose()
  })
  return { show }
}
