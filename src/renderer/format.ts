import { i18n } from './i18n/index.ts'

export function formatBytes(bytes: number): string {
  const { t, n } = i18n.global
  if (bytes < 1024) return t('units.bytes', { value: n(bytes) })
  if (bytes < 1024 * 1024)
    return t('units.kilobytes', { value: n(Math.round((bytes / 1024) * 10) / 10) })
  return t('units.megabytes', { value: n(Math.round((bytes / 1024 / 1024) * 100) / 100) })
}

export function formatDuration(milliseconds: number): string {
  const { t, n } = i18n.global
  return milliseconds < 1000
    ? t('units.milliseconds', { value: n(Math.round(milliseconds)) })
    : t('units.seconds', { value: n(Math.round(milliseconds / 10) / 100) })
}

export function headerValue(headers: ReadonlyArray<[string, string]>, name: string): string | null {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null
}
