// Content sniffing for uploads: Misskey trusts the bytes (file-type), never the part's type.
export interface DetectedType {
  mime: string
  ext: string | null
  width?: number
  height?: number
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((byte, index) => bytes[index] === byte)

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to))

function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1] ?? 0
    const length = view.getUint16(offset + 2)
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) }
    }
    offset += 2 + length
  }
  return undefined
}

export function detectType(bytes: Uint8Array): DetectedType {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length >= 24 && startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return { mime: 'image/png', ext: 'png', width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (bytes.length >= 10 && ascii(bytes, 0, 4) === 'GIF8') {
    return {
      mime: 'image/gif',
      ext: 'gif',
      width: view.getUint16(6, true),
      height: view.getUint16(8, true),
    }
  }
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) {
    return { mime: 'image/jpeg', ext: 'jpg', ...jpegSize(bytes) }
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { mime: 'image/webp', ext: 'webp' }
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' }
  return { mime: 'application/octet-stream', ext: null }
}
