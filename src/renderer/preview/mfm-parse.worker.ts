// Parses MFM off the page's thread: mfm-js can take seconds on some inputs (a few thousand `[`),
// and the page must never freeze for a note. The page kills this worker when a parse runs long.
import { parse, parseSimple } from 'mfm-js'

export interface MfmParseRequest {
  id: number
  text: string
  simple: boolean
}

// Loading mfm-js takes a while on a busy machine: the page starts its clock only after this.
self.postMessage({ ready: true })

self.onmessage = (event: MessageEvent<MfmParseRequest>) => {
  const { id, text, simple } = event.data
  try {
    const nodes = simple ? parseSimple(text) : parse(text)
    self.postMessage({ id, nodes })
  } catch {
    self.postMessage({ id, nodes: null })
  }
}
