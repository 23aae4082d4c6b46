// Electronegativity fetches translations and Electron's release list from GitHub at run time,
// which this project's machines cannot reach (and a test must not depend on). Loaded with
// `node -r`, this makes its HTTP client fail at once, so it falls back to its bundled English
// and the one check that needs the network is excluded by the audit script.
const Module = require('node:module')
const load = Module._load
Module._load = function (request, ...rest) {
  if (request !== 'got') return load.call(this, request, ...rest)
  const refuse = () =>
    Object.assign(Promise.reject(new Error('offline: electronegativity runs without network')), {
      cancel() {},
    })
  return Object.assign(() => refuse(), { get: refuse, head: refuse })
}
