/** The URL when it is http(s), for a link or an image; null for javascript:, data:, file:… */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 4096) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/** `#f00`-style colours only, as Misskey accepts in `$[fg.color=…]`; anything else is refused. */
export function mfmColor(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{3,6}$/i.test(value) ? `#${value}` : null
}

/** A number argument of an MFM function, clamped; the fallback when absent or not a number. */
export function mfmNumber(value: unknown, fallback: number, min: number, max: number): number {
  const parsed = typeof value === 'string' ? Number.parseFloat(value) : Number.NaN
  return Number.isFinite(parsed) ? Math.min(Math.max(parsed, min), max) : fallback
}
