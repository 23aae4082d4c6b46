import { onScopeDispose, ref, type Ref } from 'vue'

/** Follows the system's light or dark setting live, as the CSS does with prefers-color-scheme. */
export function usePrefersDark(): Ref<boolean> {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const prefersDark = ref(query.matches)
  const update = (event: MediaQueryListEvent) => (prefersDark.value = event.matches)
  query.addEventListener('change', update)
  onScopeDispose(() => query.removeEventListener('change', update))
  return prefersDark
}
