import type { AppError } from '../../shared/result.ts'
import { i18n } from './index.ts'

/**
 * The user's words for an error from main: translated from its code (and reason, where the code
 * has several), filled in from its detail; main's English message when no translation fits.
 */
export function describeAppError(error: AppError): string {
  const { t, te } = i18n.global
  const detail = error.detail ?? {}
  const reason = typeof detail.reason === 'string' ? detail.reason : null
  const candidates = reason
    ? [`errors.${error.code}.${reason}`, `errors.${error.code}`]
    : [`errors.${error.code}`]
  for (const key of candidates) {
    if (te(key)) {
      return t(
        key,
        Object.fromEntries(Object.entries(detail).map(([name, value]) => [name, String(value)])),
      )
    }
  }
  return error.message
}
