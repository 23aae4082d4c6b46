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
 * a Uint8Array back as Electron's structured clone would give it.
 */
export interface BridgeSocket {
  url: string
  /** Pushes an event to every page connected (a reload connects again). */
  emit(channel: string, payload: unknown): Promise<void>
  close(): Promise<void>
}

export const bytesTag = '__explorerBytes'

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
function encode(frame: unknown, withBytes = false): string {
  if (!withBytes) return JSON.stringify(frame)
  return JSON.stringify(frame, function (this: Record<string, unknown>, key, value: unknown) {
    // `value` is already a Buffer's toJSON(); the holder still has the bytes themselves.
    const original = this[key]
    return original instanceof Uint8Array
      ? { [bytesTag]: Buffer.from(original).toString('base64') }
      : value
  })
}
