/// <reference types="vite/client" />
import type { ExplorerBridge } from '../shared/contract/index.ts'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Set by the preload (or, in e2e tests, by the test bridge). */
    explorer?: ExplorerBridge
  }
}
