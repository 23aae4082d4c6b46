// A small world of notes on a Misskey server, made over its real API (so it works against the
// fake and a real server alike): the stories, screenshots and bench draw their previews from it.
import { SKY_PNG } from './tiny-png.ts'

interface Poster {
  origin: string
  token: string
}

async function call(poster: Poster, endpoint: string, body: Record<string, unknown>) {
  const response = await fetch(`${poster.origin}/api/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${poster.token}` },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${endpoint}: ${response.status} ${text}`)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

async function uploadImage(poster: Poster, name: string, isSensitive: boolean): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(SKY_PNG)], { type: 'image/png' }), name)
  form.append('name', name)
  form.append('isSensitive', String(isSensitive))
  form.append('force', 'true')
  const response = await fetch(`${poster.origin}/api/drive/files/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${poster.token}` },
    body: form,
  })
  if (!response.ok)
    throw new Error(`drive/files/create: ${response.status} ${await response.text()}`)
  return String(((await response.json()) as Record<string, unknown>).id)
}

/** The MFM a note of the seeded timeline shows; most of Misskey's syntax, as in entities/. */
export const seededMfmText = [
  'Hello **bold** and <i>italic</i> and <small>small</small>',
  '<center>centered</center>',
  '> quoted line',
  '`inline code` and',
  '```js',
  'const x = 1',
  '```',
  '$[x2 big] $[flip flipped] $[fg.color=f00 red] $[unknownfn kept]',
  '@alice #misskey https://misskey-hub.net [link label](https://example.com) 🍮',
  'misskey search',
].join('\n')

export interface SeededNotes {
  mfmNoteId: string
  cwNoteId: string
  authorId: string
}

/**
 * Alice follows the author; the author posts a note in MFM with two images (one sensitive), a
 * note with a content warning and a poll; alice reacts and replies; the author renotes.
 */
export async function seedNotes(author: Poster, reader: Poster): Promise<SeededNotes> {
  const me = await call(author, 'i', {})
  const authorId = String(me.id)
  await call(reader, 'following/create', { userId: authorId }).catch(() => undefined)
  const sky = await uploadImage(author, 'sky.png', false)
  const secret = await uploadImage(author, 'secret.png', true)
  const mfm = await call(author, 'notes/create', { text: seededMfmText, fileIds: [sky, secret] })
  const mfmNoteId = String((mfm.createdNote as Record<string, unknown>).id)
  const cw = await call(author, 'notes/create', {
    text: 'spoiler body',
    cw: 'content warning here',
    poll: { choices: ['yes', 'no', 'maybe'] },
  })
  const cwNoteId = String((cw.createdNote as Record<string, unknown>).id)
  await call(reader, 'notes/reactions/create', { noteId: mfmNoteId, reaction: '👍' })
  await call(reader, 'notes/create', { text: 'a reply to that', replyId: mfmNoteId })
  await call(author, 'notes/create', { renoteId: cwNoteId })
  return { mfmNoteId, cwNoteId, authorId }
}

/** Many plain notes (for the long-list stories and the bench). */
export async function seedManyNotes(poster: Poster, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await call(poster, 'notes/create', { text: `note number ${index} with **some** MFM :smile:` })
  }
}
