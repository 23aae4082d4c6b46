import { describe, expect, it } from 'vitest'
import { readMisskeyDescription } from './misskey-description.ts'

describe('readMisskeyDescription', () => {
  it('reads credential and permission and drops the placeholder', () => {
    expect(
      readMisskeyDescription(
        'No description provided.\n\n**Credential required**: *Yes* / **Permission**: *write:notes*',
      ),
    ).toEqual({ text: '', credentialRequired: true, permission: 'write:notes', internal: false })
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
      internal: false,
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
      internal: false,
    })
    expect(readMisskeyDescription(undefined)).toEqual({
      text: '',
      credentialRequired: null,
      permission: null,
      internal: false,
    })
  })

  it('reads and removes the line Misskey writes for its internal (secure) endpoints', () => {
    const line =
      '**Internal Endpoint**: This endpoint is an API for the misskey mainframe and is not intended for use by third parties.'
    expect(
      readMisskeyDescription(`No description provided.\n\n${line}\n**Credential required**: *Yes*`),
    ).toEqual({ text: '', credentialRequired: true, permission: null, internal: true })
    expect(
      readMisskeyDescription(`Sign in.\n\n${line}\n**Credential required**: *No*`),
    ).toMatchObject({ text: 'Sign in.', internal: true })
    expect(readMisskeyDescription(`Text.\n\n${line}`)).toMatchObject({
      text: 'Text.',
      internal: true,
    })
  })
})
