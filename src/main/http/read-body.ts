const smallBodyBytes = 256 * 1024

export type BodyReadOutcome =
  { kind: 'complete'; bytes: Uint8Array } | { kind: 'too-large'; receivedBytes: number }

/**
 * Reads a response body chunk by chunk so that a huge or endless answer is cut off at `maxBytes`
 * instead of filling memory, reporting progress along the way.
 */
export async function readBodyWithLimit(
  response: Response,
  maxBytes: number,
  onProgress?: (receivedBytes: number) => void,
): Promise<BodyReadOutcome> {
  if (!response.body) return { kind: 'complete', bytes: new Uint8Array(0) }
  // Most Misskey answers are small and say their length: read them in one go.
  const declared = Number(response.headers.get('content-length'))
  if (declared > 0 && declared <= Math.min(maxBytes, smallBodyBytes)) {
    const bytes = new Uint8Array(await response.arrayBuffer())
    onProgress?.(bytes.byteLength)
    return { kind: 'complete', bytes }
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel()
      return { kind: 'too-large', receivedBytes: received }
    }
    chunks.push(value)
    onProgress?.(received)
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { kind: 'complete', bytes }
}
