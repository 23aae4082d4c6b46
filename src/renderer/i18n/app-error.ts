import type { AppError } from '../../shared/result.ts'
import { i18n } from './index.ts'

/**
 * The user's words for an error from main: translated from its code (and reason, where the code
 * has several), filled in from its detail; main's English message when no translation fits.
 * `{message}` in a translation is main's message itself (for errors whose words come from main).
 */
export function describeAppError(error: AppError): string {
  const { t, te, tm } = i18n.global
  // Without its detail (a failure read back from the history keeps code and message only) a
  // translation would show empty placeholders; main's own message has the values in it.
  if (!error.detail) {
    const plain = tm(`errors.${error.code}`)
    if (typeof plain !== 'string' || /\{(?!message\})\w+\}/.test(plain)) return error.message
  }
  const detail = error.detail ?? {}
  const reason = typeof detail.reason === 'string' ? detail.reason : null
  const candidates = reason
    ? [`errors.${error.code}.${reason}`, `errors.${error.code}`]
    : [`errors.${error.code}`]
  const values = {
    message: error.message,
    ...Object.fromEntries(Object.entries(detail).map(([name, value]) => [name, String(value)])),
  }
  for (const key of candidates) {
    if (te(key)) return t(key, values)
  }
  return error.message
}
