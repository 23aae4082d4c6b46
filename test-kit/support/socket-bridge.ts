import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Dispatch } from '../../src/main/ipc/dispatcher.ts'

/**
 * Main's side of the test bridge over a loopback WebSocket: a call is one frame out and one frame
 * back, an event one frame, as with Electron's IPC. Playwright's binding goes through the
 * DevTools protocol and costs tens of milliseconds per megabyte of answer, which a benchmark of
 * the page cannot tell from the page's own work.
 *
 * Frames are JSON. Bytes (an image main fetched) go as base64 under `bytesTag`, so the page gets
 * a Uint8Array back as Electron's structured clone would give it. A frame holding long strings
 * (an answer's body) is binary: its JSON with each long string replaced by `{[textTag]: index}`,
 * then the strings as UTF-8. Structured clone copies a string as it is; inside JSON the answer
 * would be escaped by main and unescaped by the page, a cost Electron's IPC never has.
 */
export interface BridgeSocket {
  url: string
  /** Pushes an event to every page connected (a reload connects again). */
  emit(channel: string, payload: unknown): Promise<void>
  close(): Promise<void>
}

export const bytesTag = '__explorerBytes'
export const textTag = '__explorerText'
/** Strings at least this long leave the frame's JSON (see above). */
const longStringChars = 16 * 1024

/** A call from the page: `id` is echoed back with the result. */
export interface CallFrame {
  id: number
  method: string
  args: unknown[]
}

export async function startBridgeSocket(dispatch: Dispatch): Promise<BridgeSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const pages = new Set<WebSocket>()
  server.on('connection', (socket) => {
    pages.add(socket)
    socket.on('close', () => pages.delete(socket))
    socket.on('message', (data) => {
      const call = JSON.parse(String(data)) as CallFrame
      // The dispatcher answers every call, a bad one with INVALID_ARGUMENT; it never throws.
      void dispatch(call.method, call.args).then((result) => {
        if (socket.readyState === socket.OPEN) {
          socket.send(encode({ id: call.id, result }, call.method === imageMethod))
        }
      })
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}/`,
    emit: async (channel, payload) => {
      const frame = encode({ channel, payload })
      await Promise.all(
        [...pages].map(
          (socket) => new Promise<void>((resolve) => socket.send(frame, () => resolve())),
        ),
      )
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of pages) socket.terminate()
        server.close(() => resolve())
      }),
  }
}

/** The one call whose answer holds bytes (an image main fetched). */
const imageMethod = 'images.fetch'

/**
 * A frame as JSON. Only an image's answer needs the replacer: a replacer function takes
 * JSON.stringify off its fast path, which for a megabyte of answer text cost tens of
 * milliseconds that Electron's IPC never spends.
 */
function encode(frame: unknown, withBytes = false): string | Buffer {
  const texts: string[] = []
  const light = withoutLongStrings(frame, texts, 0)
  if (texts.length === 0) return json(frame, withBytes)
  // [u32 length of the JSON][the JSON][u32 length][string]… all lengths in bytes, little-endian.
  const parts = [json(light, withBytes), ...texts].map((text) => Buffer.from(text))
  const out = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + 4 + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    out.writeUInt32LE(part.byteLength, offset)
    part.copy(out, offset + 4)
    offset += 4 + part.byteLength
  }
  return out
}

/** `value` with each long string replaced by its index in `texts`; copied only where one was. */
function withoutLongStrings(value: unknown, texts: string[], depth: number): unknown {
  if (typeof value === 'string') {
    return value.length >= longStringChars ? { [textTag]: texts.push(value) - 1 } : value
  }
  if (value === null || typeof value !== 'object' || depth > 8 || value instanceof Uint8Array) {
    return value
  }
  let copy: Record<string, unknown> | unknown[] | null = null
  for (const [key, item] of Object.entries(value)) {
    const light = withoutLongStrings(item, texts, depth + 1)
    if (light === item) continue
    copy ??= Array.isArray(value) ? [...value] : { ...value }
    ;(copy as Record<string, unknown>)[key] = light
  }
  return copy ?? value
}

function json(frame: unknown, withBytes: boolean): string {
  if (!withBytes) return JSON.stringify(frame)
  return JSON.stringify(frame, function (this: Record<string, unknown>, key, value: unknown) {
    // `value` is already a Buffer's toJSON(); the holder still has the bytes themselves.
    const original = this[key]
    return original instanceof Uint8Array
      ? { [bytesTag]: Buffer.from(original).toString('base64') }
      : value
  })
}
