import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectionKit } from './testing/collection-kit.ts'
import { draft } from './testing/collection-fixtures.ts'

const { collection, listing } = collectionKit()

describe('request files', () => {
  it('saves one pretty JSON file per request, keys in a fixed order, body as lines, newline at the end', async () => {
    const target = await collection()
    const saved = await target.saveRequest(
      '',
      draft({ captures: [{ variable: 'noteId', path: 'createdNote.id' }] }),
    )
    expect(saved).toMatchObject({ ok: true, value: { path: 'Create a note.request.json' } })
    const text = await readFile(join(target.directory, 'Create a note.request.json'), 'utf8')
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "name": "Create a note",',
        '  "origin": "https://misskey.example",',
        '  "endpoint": "notes/create",',
        '  "authMode": "header",',
        '  "accountLabel": "alice",',
        '  "body": [',
        '    "{",',
        '    "  \\"text\\": \\"hello\\"",',
        '    "}"',
        '  ],',
        '  "notes": [],',
        '  "captures": [',
        '    {',
        '      "variable": "noteId",',
        '      "path": "createdNote.id"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    )
    const tree = await target.list()
    expect(tree.ok && tree.value.root.children[0]).toEqual({
      kind: 'request',
      request: {
        ...draft({ captures: [{ variable: 'noteId', path: 'createdNote.id' }] }),
        path: 'Create a note.request.json',
      },
    })
  })

  it('changing the body changes only those lines of the file', async () => {
    const target = await collection()
    const saved = await target.saveRequest(
      '',
      draft({ body: '{\n  "text": "hello",\n  "cw": null\n}' }),
    )
    if (!saved.ok) throw new Error(saved.error.message)
    const before = (await readFile(join(target.directory, saved.value.path), 'utf8')).split('\n')
    await target.updateRequest(
      saved.value.path,
      draft({ body: '{\n  "text": "bye",\n  "cw": null\n}' }),
    )
    const after = (await readFile(join(target.directory, saved.value.path), 'utf8')).split('\n')
    expect(after.filter((line, index) => line !== before[index])).toEqual([
      '    "  \\"text\\": \\"bye\\",",',
    ])
  })

  it('never writes a token typed into the body, also when the body is not JSON yet', async () => {
    const target = await collection()
    const typed = await target.saveRequest(
      '',
      draft({ name: 'Typed', body: '{ "i": "s3cr3t-token", "limit": 5 }' }),
    )
    const sloppy = await target.saveRequest(
      '',
      draft({ name: 'Sloppy', body: '{ "i": "s3cr3t-token", limit: 5, // JSON5\n}' }),
    )
    const spelt = [
      `{i: 's3cr3t-token', limit: 5}`,
      `{"\\u0069": "s3cr3t-token", "limit": 5}`,
      `{"i": "s3cr3t-token", "limit": 5, "i": "other"}`,
      `{"i": "s3cr3t-token", "limit": {{limit}}}`,
    ]
    const others = []
    for (const [index, body] of spelt.entries()) {
      others.push(await target.saveRequest('', draft({ name: `Spelt ${index}`, body })))
    }
    for (const saved of [typed, sloppy, ...others]) {
      if (!saved.ok) throw new Error(saved.error.message)
      const text = await readFile(join(target.directory, saved.value.path), 'utf8')
      expect(text).not.toContain('s3cr3t-token')
      expect(text).toContain('limit')
    }
  })

  it('makes a valid, unique file name from any request name', async () => {
    const target = await collection()
    const paths = []
    for (const name of [
      'a/b: c?',
      'a/b: c?',
      'A-B- C-',
      'CON',
      '..hidden',
      '   spaced   ',
      '🎉 party',
    ]) {
      const saved = await target.saveRequest('', draft({ name }))
      paths.push(saved.ok ? saved.value.path : saved.error.code)
    }
    expect(paths).toEqual([
      'a-b- c-.request.json',
      'a-b- c- 2.request.json',
      'A-B- C- 3.request.json',
      'CON-.request.json',
      'hidden.request.json',
      'spaced.request.json',
      '🎉 party.request.json',
    ])
    const tree = await target.list()
    expect(
      tree.ok &&
        tree.value.root.children.map((node) => node.kind === 'request' && node.request.name),
    ).toContain('a/b: c?')
  })

  it('refuses an empty name', async () => {
    const target = await collection()
    expect(await target.saveRequest('', draft({ name: '  ' }))).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NAME_INVALID' },
    })
  })
})

describe('operations', () => {
  it('renames a request and its file, keeping its place in the order', async () => {
    const target = await collection()
    await target.saveRequest('', draft({ name: 'first' }))
    await target.saveRequest('', draft({ name: 'second' }))
    await target.saveRequest('', draft({ name: 'third' }))
    const renamed = await target.renameRequest('second.request.json', 'Second, renamed')
    expect(renamed).toMatchObject({
      ok: true,
      value: { name: 'Second, renamed', path: 'Second, renamed.request.json' },
    })
    expect(await listing(target)).toEqual([
      'first.request.json',
      'Second, renamed.request.json',
      'third.request.json',
    ])
  })

  it('renames when only the case changes', async () => {
    const target = await collection()
    await target.saveRequest('', draft({ name: 'note' }))
    expect(await target.renameRequest('note.request.json', 'Note')).toMatchObject({
      ok: true,
      value: { path: 'Note.request.json' },
    })
    expect(await listing(target)).toEqual(['Note.request.json'])
  })

  it('moves between folders, numbering the name when it is taken there', async () => {
    const target = await collection()
    await target.createFolder('', 'drafts')
    await target.saveRequest('drafts', draft())
    await target.saveRequest('', draft())
    const moved = await target.moveRequest('Create a note.request.json', 'drafts')
    expect(moved).toMatchObject({
      ok: true,
      value: { path: 'drafts/Create a note 2.request.json' },
    })
    expect(await listing(target)).toEqual(['drafts/'])
    expect(await listing(target, 'drafts')).toEqual([
      'drafts/Create a note.request.json',
      'drafts/Create a note 2.request.json',
    ])
  })

  it('duplicates right after the original', async () => {
    const target = await collection()
    await target.saveRequest('', draft({ name: 'a' }))
    await target.saveRequest('', draft({ name: 'b' }))
    expect(await target.duplicateRequest('a.request.json')).toMatchObject({
      ok: true,
      value: { name: 'a copy', path: 'a copy.request.json' },
    })
    expect(await listing(target)).toEqual([
      'a.request.json',
      'a copy.request.json',
      'b.request.json',
    ])
  })

  it('deletes a request', async () => {
    const target = await collection()
    await target.saveRequest('', draft())
    expect(await target.deleteRequest('Create a note.request.json')).toEqual({
      ok: true,
      value: undefined,
    })
    expect(await listing(target)).toEqual([])
    expect(await target.deleteRequest('Create a note.request.json')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_NOT_FOUND' },
    })
  })

  it('reorders with a small diff of the order file', async () => {
    const target = await collection()
    for (const name of ['a', 'b', 'c']) await target.saveRequest('', draft({ name }))
    await target.createFolder('', 'f')
    expect(await target.reorder('', ['c.request.json'])).toEqual({ ok: true, value: undefined })
    expect(await listing(target)).toEqual([
      'c.request.json',
      'a.request.json',
      'b.request.json',
      'f/',
    ])
    expect(await readFile(join(target.directory, '.order.json'), 'utf8')).toBe(
      '{\n  "order": [\n    "c.request.json",\n    "a.request.json",\n    "b.request.json",\n    "f"\n  ]\n}\n',
    )
    expect(await target.reorder('', ['nope.request.json'])).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_ITEM_NOT_FOUND' },
    })
  })

  it('creates, renames and deletes folders', async () => {
    const target = await collection()
    expect(await target.createFolder('', 'notes')).toEqual({ ok: true, value: 'notes' })
    expect(await target.createFolder('notes', 'deep')).toEqual({ ok: true, value: 'notes/deep' })
    await target.saveRequest('notes/deep', draft())
    expect(await target.renameFolder('notes', 'Notes API')).toEqual({
      ok: true,
      value: 'Notes API',
    })
    expect(await listing(target, 'Notes API/deep')).toEqual([
      'Notes API/deep/Create a note.request.json',
    ])
    await target.createFolder('', 'other')
    expect(await target.renameFolder('other', 'notes api')).toMatchObject({
      ok: false,
      error: { code: 'COLLECTION_NAME_TAKEN' },
    })
    expect(await target.deleteFolder('Notes API')).toEqual({ ok: true, value: undefined })
    expect(await listing(target)).toEqual(['other/'])
  })

  it('keeps the environments folder for environments', async () => {
    const target = await collection()
    expect(await target.createFolder('', 'environments')).toEqual({
      ok: true,
      value: 'environments 2',
    })
    expect(await target.saveRequest('environments', draft())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })

  it('refuses paths that leave the collection', async () => {
    const target = await collection()
    for (const path of [
      '../x.request.json',
      '/etc/passwd',
      'a/../../x.request.json',
      'C:\\x.request.json',
    ]) {
      expect(await target.deleteRequest(path)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      })
    }
    expect(await target.saveRequest('..', draft())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })

  it('saves and lists environments, variables sorted', async () => {
    const target = await collection()
    expect(
      await target.saveEnvironment({ name: 'prod/eu', variables: { b: '2', a: '1' } }),
    ).toEqual({ ok: true, value: { name: 'prod-eu', variables: { b: '2', a: '1' } } })
    expect(await readFile(join(target.directory, 'environments', 'prod-eu.json'), 'utf8')).toBe(
      '{\n  "variables": {\n    "a": "1",\n    "b": "2"\n  }\n}\n',
    )
    const tree = await target.list()
    expect(tree.ok && tree.value.environments).toEqual([
      { name: 'prod-eu', variables: { a: '1', b: '2' } },
    ])
    expect(await target.deleteEnvironment('prod-eu')).toEqual({ ok: true, value: undefined })
  })
})
