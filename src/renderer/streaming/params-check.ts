export type ParamsCheck =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: 'json'; detail: string }
  | { ok: false; reason: 'object' }

/** Params must be a JSON object; an empty editor means none ({}). */
export function checkParams(text: string): ParamsCheck {
  if (text.trim() === '') return { ok: true, value: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: 'json', detail: (error as Error).message }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'object' }
  return { ok: true, value: value as Record<string, unknown> }
}
