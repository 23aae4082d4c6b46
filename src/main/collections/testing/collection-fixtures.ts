import type { SavedRequestDraft } from '../../../shared/collections.ts'

export function draft(overrides: Partial<SavedRequestDraft> = {}): SavedRequestDraft {
  return {
    name: 'Create a note',
    origin: 'https://misskey.example',
    endpoint: 'notes/create',
    authMode: 'header',
    accountLabel: 'alice',
    body: '{\n  "text": "hello"\n}',
    notes: '',
    captures: [],
    ...overrides,
  }
}
