// The heavy parts of the window, loaded after the shell (header, server field, sidebar, empty
// states) has painted: Monaco and everything that draws with it, the streaming view, the
// endpoint palette. Each is its own chunk; `preloadHeavyViews` fetches and compiles them once
// the first frame is on screen, so they are ready before the user needs them.
//
// A view that should load late (a new response tab, a settings page) adds its loader here.
import { defineAsyncComponent } from 'vue'

const loaders = {
  monaco: () => import('./monaco/monaco.ts'),
  requestPanel: () => import('./components/request/RequestPanel.vue'),
  responseViewer: () => import('./components/response/ResponseViewer.vue'),
  endpointPalette: () => import('./components/endpoint/EndpointPalette.vue'),
  streamingView: () => import('./components/streaming/StreamingView.vue'),
  historyCompare: () => import('./components/history/HistoryCompare.vue'),
  apiMapView: () => import('./components/map/ApiMapView.vue'),
}

export const RequestPanel = defineAsyncComponent(loaders.requestPanel)
export const ResponseViewer = defineAsyncComponent(loaders.responseViewer)
export const EndpointPalette = defineAsyncComponent(loaders.endpointPalette)
export const StreamingView = defineAsyncComponent(loaders.streamingView)
export const HistoryCompare = defineAsyncComponent(loaders.historyCompare)
export const ApiMapView = defineAsyncComponent(loaders.apiMapView)

/** Loads every heavy chunk once the first frame has painted (then idles between them). */
export function preloadHeavyViews(): void {
  const queue = [
    loaders.monaco,
    loaders.requestPanel,
    loaders.responseViewer,
    loaders.endpointPalette,
    loaders.historyCompare,
    loaders.streamingView,
    loaders.apiMapView,
  ]
  const next = () => {
    const load = queue.shift()
    if (!load) return
    void load().then(
      () => setTimeout(next, 0),
      () => setTimeout(next, 0),
    )
  }
  // Two frames: the first paints the shell, the second starts the loading after it.
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(next, 0)))
}
