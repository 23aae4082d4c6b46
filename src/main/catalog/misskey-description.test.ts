import { describe, expect, it } from 'vitest'
import { readMisskeyDescription } from './misskey-description.ts'

describe('readMisskeyDescription', () => {
  it('reads credential and permission and drops the placeholder', () => {
    expect(
      readMisskeyDescription(
        'No description provided.\n\n**Credential required**: *Yes* / **Permission**: *write:notes*',
      ),
    ).toEqual({ text: '', credentialRequired: true, permission: 'write:notes' })
  })

  it('keeps real text and reads a footer without permission', () => {
    expect(
      readMisskeyDescription(
        'Find the notes to which the given file is attached.\n\n**Credential required**: *No*',
      ),
    ).toEqual({
      text: 'Find the notes to which the given file is attached.',
      credentialRequired: false,
      permission: null,
    })
  })

  it('reads a permission on an endpoint that needs no credential', () => {
    expect(
      readMisskeyDescription('x\n\n**Credential required**: *No* / **Permission**: *read:account*'),
    ).toMatchObject({ credentialRequired: false, permission: 'read:account' })
  })

  it('says "unknown" when a fork has no footer', () => {
    expect(readMisskeyDescription('Just text.')).toEqual({
      text: 'Just text.',
      credentialRequired: null,
      permission: null,
    })
    expect(readMisskeyDescription(undefined)).toEqual({
      text: '',
      credentialRequired: null,
      permission: null,
    })
  })
})
