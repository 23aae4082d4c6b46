// node --import ./register.mjs …: `electron`, imported by the built main or required by the built
// preload, resolves to the stand-in next to this file.
import { registerHooks } from 'node:module'

const standIn = new URL('./electron.mjs', import.meta.url).href
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true }
    return nextResolve(specifier, context)
  },
})
