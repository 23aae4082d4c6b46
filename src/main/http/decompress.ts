import { Transform, type TransformCallback } from 'node:stream'
import zlib from 'node:zlib'

/**
 * Decoding an answer's Content-Encoding the way Node's fetch does (undici's fetch, which main's
 * send path no longer goes through): leniently, as browsers and curl do, since servers sometimes
 * end a compressed body slightly wrong; `deflate` with or without its zlib wrapper; zstd where
 * this Node has it. An unknown coding leaves the body as it came, as fetch leaves it; so does a
 * chain of more than five codings (fetch refuses those, built as they are to exhaust memory:
 * undecoded, the bytes stay within the read's limit).
 */
const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }

const decoders: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(lenient),
  'x-gzip': () => zlib.createGunzip(lenient),
  deflate: () => new Inflate(),
  br: () =>
    zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    }),
  ...('createZstdDecompress' in zlib
    ? {
        zstd: () =>
          (zlib as unknown as { createZstdDecompress: () => Transform }).createZstdDecompress(),
      }
    : {}),
}

const maxCodings = 5

/** The decoders for a Content-Encoding value, last coding applied first; null: leave it as is. */
export function decodersFor(encoding: string): Transform[] | null {
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
  if (codings.length > maxCodings || !codings.every((coding) => coding in decoders)) return null
  return codings.reverse().map((coding) => decoders[coding]!())
}

/**
 * `deflate` is meant to be zlib-wrapped (RFC 9110), but some servers send it raw: the first
 * byte tells which (a zlib header's low nibble is 8), as fetch and browsers decide.
 */
class Inflate extends Transform {
  #inner: zlib.Inflate | zlib.InflateRaw | null = null

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.#inner) {
      if (chunk.length === 0) return done()
      const inner =
        (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient)
      inner.on('data', (data: Buffer) => this.push(data))
      inner.on('error', (error) => this.destroy(error))
      this.#inner = inner
    }
    this.#inner.write(chunk, done)
  }

  override _flush(done: TransformCallback): void {
    if (!this.#inner) return done()
    this.#inner.once('end', () => done())
    this.#inner.end()
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.#inner?.destroy()
    done(error)
  }
}
