import { defineStore } from 'pinia'
import { ref } from 'vue'

export type AppView = 'requests' | 'streaming' | 'map'

/**
 * Which of the app's views is shown. A store rather than App.vue's own state because views far
 * apart change it: following a link on a note card in the streaming log opens the Requests view.
 */
export const useAppViewStore = defineStore('appView', () => {
  const view = ref<AppView>('requests')
  return { view }
})
