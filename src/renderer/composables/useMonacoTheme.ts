import { watchEffect } from 'vue'
import { monaco } from '../monaco/monaco.ts'
import { usePrefersDark } from './usePrefersDark.ts'

/** Monaco themes are global, so one watcher at the app's root keeps every editor in step with the system. */
export function useMonacoTheme(): void {
  const prefersDark = usePrefersDark()
  watchEffect(() => monaco.editor.setTheme(prefersDark.value ? 'vs-dark' : 'vs'))
}
