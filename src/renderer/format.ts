import { i18n } from './i18n/index.ts'

// Numbers go through the named formats of i18n/index.ts: vue-i18n caches a formatter per named
// format, where `n(value)` alone builds a new Intl.NumberFormat on every call (a history row
// shows two, redrawn on every send).

export function formatBytes(bytes: number): string {
  const { t, n } = i18n.global
  if (bytes < 1024) return t('units.bytes', { value: n(bytes, 'integer') })
  if (bytes < 1024 * 1024)
    return t('units.kilobytes', { value: n(Math.round((bytes / 1024) * 10) / 10, 'decimal') })
  return t('units.megabytes', {
    value: n(Math.round((bytes / 1024 / 1024) * 100) / 100, 'decimal'),
  })
}

export function formatDuration(milliseconds: number): string {
  const { t, n } = i18n.global
  return milliseconds < 1000
    ? t('units.milliseconds', { value: n(Math.round(milliseconds), 'integer') })
    : t('units.seconds', { value: n(Math.round(milliseconds / 10) / 100, 'decimal') })
}

export function headerValue(headers: ReadonlyArray<[string, string]>, name: string): string | null {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null
}
