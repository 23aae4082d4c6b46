import type { ExchangeAnswer } from './exchange.ts'

const smallBodyBytes = 256 * 1024

export type BodyReadOutcome =
  | { kind: 'complete'; bytes: Uint8Array }
  | {
      kind: 'too-large'
      /** Decoded bytes read before the read was cut (a little past the limit). */
      receivedBytes: number
      /** The content-encoding the server declared (`br`, `gzip`…), or null when it sent plain bytes. */
      encoding: string | null
    }

/** The declared content-encoding, or null when the bytes on the wire are the body itself. */
export function contentEncodingOf(response: Response): string | null {
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase() ?? ''
  return encoding === '' || encoding === 'identity' ? null : encoding
}

/**
 * Reads a response body chunk by chunk so that a huge or endless answer is cut off at `maxBytes`
 * instead of filling memory, reporting progress along the way.
 *
 * The limit counts DECODED bytes: fetch decompresses gzip/deflate/br as the stream is pulled, so
 * a few hundred compressed bytes can be 200 MiB once inflated. Content-Length counts the bytes
 * on the wire, so it may only shortcut the read when the body is not encoded.
 */
export async function readBodyWithLimit(
  response: Response,
  maxBytes: number,
  onProgress?: (receivedBytes: number) => void,
): Promise<BodyReadOutcome> {
  if (!response.body) return { kind: 'complete', bytes: new Uint8Array(0) }
  const encoding = contentEncodingOf(response)
  // Most Misskey answers are small and say their length: read them in one go.
  const declared = encoding === null ? Number(response.headers.get('content-length')) : 0
  if (declared > 0 && declared <= Math.min(maxBytes, smallBodyBytes)) {
    const bytes = new Uint8Array(await response.arrayBuffer())
    onProgress?.(bytes.byteLength)
    return { kind: 'complete', bytes }
  }
  return collectWithLimit(response.body, maxBytes, encoding, onProgress)
}

/** The same read for an answer of main's request path (see exchange.ts), already decoded. */
export function readAnswerWithLimit(
  answer: ExchangeAnswer,
  maxBytes: number,
  onProgress?: (receivedBytes: number) => void,
): Promise<BodyReadOutcome> {
  return collectWithLimit(answer.body, maxBytes, answer.encoding, onProgress)
}

/** Gathers a body's chunks, stopping (and closing the stream) once they pass `maxBytes`. */
async function collectWithLimit(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  encoding: string | null,
  onProgress?: (receivedBytes: number) => void,
): Promise<BodyReadOutcome> {
  const chunks: Uint8Array[] = []
  let received = 0
  // Leaving the loop early closes the stream (a web stream is cancelled, a Node one destroyed).
  for await (const chunk of body) {
    received += chunk.byteLength
    if (received > maxBytes) return { kind: 'too-large', receivedBytes: received, encoding }
    chunks.push(chunk)
    onProgress?.(received)
  }
  // One chunk is the whole body already: no copy.
  if (chunks.length === 1) return { kind: 'complete', bytes: chunks[0]! }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { kind: 'complete', bytes }
}

/** "256 MiB" / "64 KiB": limits in messages people read. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

/** "…once decompressed (sent as br)" when the size came from inflating a compressed body. */
export function decodedNote(encoding: string | null): string {
  return encoding === null ? '' : ` once decompressed (the server sent it ${encoding}-compressed)`
}

export type TextReadOutcome =
  { kind: 'complete'; text: string } | Extract<BodyReadOutcome, { kind: 'too-large' }>

/** The body as UTF-8 text, within the same decoded-bytes limit. */
export async function readTextWithLimit(
  response: Response,
  maxBytes: number,
): Promise<TextReadOutcome> {
  const read = await readBodyWithLimit(response, maxBytes)
  if (read.kind === 'too-large') return read
  return { kind: 'complete', text: new TextDecoder().decode(read.bytes) }
}
