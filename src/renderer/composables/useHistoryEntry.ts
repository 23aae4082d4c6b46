import { ref } from 'vue'
import type { HistoryEntry } from '../../shared/history.ts'
import type { ResponseRecord } from '../../shared/requests.ts'
import { useHistoryStore } from '../stores/history.ts'
import { useRequestStore } from '../stores/request.ts'
import { useOpenInWorkbench } from './useOpenInWorkbench.ts'
import { useRequestComposer } from './useRequestComposer.ts'

/** A recorded answer in the shape the response viewer shows. */
function recordedResponse(entry: HistoryEntry): ResponseRecord | null {
  if (entry.status === null || !entry.response) return null
  return {
    requestId: entry.id,
    origin: entry.origin,
    endpoint: entry.endpoint,
    auth: { mode: entry.authMode, accountId: null },
    url: `${entry.origin}/api/${entry.endpoint}`,
    status: entry.status,
    statusText: entry.response.statusText,
    headers: entry.response.headers,
    durationMs: entry.durationMs,
    sizeBytes: entry.sizeBytes ?? 0,
    contentType: entry.response.contentType,
    body: entry.response.body,
    problem: entry.response.problem,
  }
}

/**
 * Opening a history entry puts its request back into the editor and its recorded answer (or
 * failure) into the response viewer; resending then sends it as it is now.
 */
export function useHistoryEntry() {
  const history = useHistoryStore()
  const request = useRequestStore()
  const opener = useOpenInWorkbench()
  const composer = useRequestComposer()
  /** Why the last entry could not be opened, in words; '' when it was. */
  const problem = ref('')

  async function open(id: string): Promise<boolean> {
    const entry = await history.load(id)
    if (!entry) return false
    problem.value = await opener.open({
      origin: entry.origin,
      endpoint: entry.endpoint,
      body: entry.requestBody,
      authMode: entry.authMode,
      accountLabel: entry.accountLabel,
    })
    if (problem.value) return false
    request.response = recordedResponse(entry)
    request.error = entry.failure ? { ...entry.failure } : null
    request.lastSent = {
      origin: entry.origin,
      endpoint: entry.endpoint,
      body: entry.requestBody,
      auth: { mode: entry.authMode, accountId: null },
    }
    // Kept with what it put in the viewer: the note goes once a new send replaces them.
    history.shown = { entry, response: request.response, error: request.error }
    return true
  }

  async function resend(id: string) {
    if (await open(id)) composer.send()
  }

  return { open, resend, problem }
}
