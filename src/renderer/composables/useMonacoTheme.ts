import { watchEffect } from 'vue'
import { usePrefersDark } from './usePrefersDark.ts'

/**
 * Monaco themes are global, so one watcher at the app's root keeps every editor in step with the
 * system. Monaco itself is loaded after the first paint (lazy-views.ts): the watcher starts when
 * it arrives, before any editor can be shown.
 */
export function useMonacoTheme(): void {
  const prefersDark = usePrefersDark()
  void import('../monaco/monaco.ts').then(({ monaco }) =>
    watchEffect(() => monaco.editor.setTheme(prefersDark.value ? 'vs-dark' : 'vs')),
  )
}
