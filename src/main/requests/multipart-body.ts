import { openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import type { UploadFieldValue } from '../../shared/uploads.ts'

export interface MultipartBody {
  body: ReadableStream<Uint8Array>
  contentType: string
  /** File size plus the form's own bytes, close enough for a progress bar. */
  approximateBytes: number
  /** Bytes handed to the network so far. */
  sentBytes(): number
}

/**
 * The multipart body of an upload, streamed from disk (never read whole into memory) and counted
 * as fetch pulls it, for upload progress. Misskey takes the first file part whatever its name;
 * `file` is the name its docs use. Booleans go as "true"/"false", which is what it casts.
 */
export async function buildMultipartBody(
  path: string,
  fields: Record<string, UploadFieldValue>,
  token: string | null,
  onSent: (sentBytes: number, approximateBytes: number) => void,
): Promise<MultipartBody> {
  const form = new FormData()
  if (token !== null) form.set('i', token)
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && name !== 'i') form.set(name, String(value))
  }
  const file = await openAsBlob(path)
  form.set('file', file, basename(path))
  const encoded = new Response(form)
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data'
  const approximateBytes = file.size + 512 + Object.keys(fields).length * 128
  let sent = 0
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      sent += chunk.byteLength
      onSent(sent, Math.max(approximateBytes, sent))
      controller.enqueue(chunk)
    },
  })
  return {
    body: (encoded.body as ReadableStream<Uint8Array>).pipeThrough(counter),
    contentType,
    approximateBytes,
    sentBytes: () => sent,
  }
}
