import { mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { serializeEnvironment, serializeRequest } from './request-file.ts'
import { collectionKit } from './testing/collection-kit.ts'
import { draft } from './testing/collection-fixtures.ts'

// A collection from git or a zip may hold links pointing anywhere (~/.ssh, another project):
// they are listed as errors, never read through, never written through, never replaced.
const { folders, collection, listing } = collectionKit()

const secretText = 'outside-secret-content'

async function outsideWorld() {
  const outside = await folders.make('outside-')
  const request = serializeRequest(draft({ name: 'outside', body: `{"text": "${secretText}"}` }))
  await writeFile(join(outside, 'outside.request.json'), request)
  await writeFile(
    join(outside, 'local.json'),
    serializeEnvironment({ name: 'x', variables: { a: secretText } }),
  )
  await writeFile(join(outside, '.order.json'), '{"order": []}\n')
  return { outside, request }
}

it('lists links to files and folders outside as errors and reads nothing through them', async () => {
  const { outside } = await outsideWorld()
  const target = await collection()
  await target.saveRequest('', draft({ name: 'mine' }))
  await symlink(
    join(outside, 'outside.request.json'),
    join(target.directory, 'linked.request.json'),
  )
  await symlink(outside, join(target.directory, 'linked-folder'))
  await mkdir(join(target.directory, 'environments'))
  await symlink(join(outside, 'local.json'), join(target.directory, 'environments', 'linked.json'))
  expect((await listing(target)).sort()).toEqual([
    '!linked-folder',
    '!linked.request.json',
    'mine.request.json',
  ])
  const tree = await target.list()
  if (!tree.ok) throw new Error(tree.error.message)
  expect(JSON.stringify(tree.value)).not.toContain(secretText)
  expect(tree.value.invalidEnvironments).toEqual([
    { path: 'environments/linked.json', error: expect.stringContaining('symbolic link') },
  ])
  const invalid = tree.value.root.children.filter((node) => node.kind === 'invalid')
  for (const node of invalid) expect(node.file.error).toContain('never follows')
})

it('never writes through a link: saving, updating, deleting and reordering refuse and leave it', async () => {
  const { outside, request } = await outsideWorld()
  const target = await collection()
  const linkedFile = join(target.directory, 'linked.request.json')
  await symlink(join(outside, 'outside.request.json'), linkedFile)
  await symlink(outside, join(target.directory, 'linked-folder'))

  const refused = { ok: false, error: { code: 'COLLECTION_ITEM_INVALID' } }
  expect(
    await target.updateRequest('linked.request.json', draft({ name: 'linked' })),
  ).toMatchObject(refused)
  expect(await target.deleteRequest('linked.request.json')).toMatchObject(refused)
  expect(await target.renameRequest('linked.request.json', 'other')).toMatchObject(refused)
  expect(await target.saveRequest('linked-folder', draft({ name: 'new' }))).toMatchObject(refused)
  expect(
    await target.updateRequest('linked-folder/outside.request.json', draft({ name: 'outside' })),
  ).toMatchObject(refused)
  expect(await target.createFolder('linked-folder', 'sub')).toMatchObject(refused)
  expect(await target.reorder('linked-folder', ['outside.request.json'])).toMatchObject(refused)

  expect(await readlink(linkedFile)).toBe(join(outside, 'outside.request.json'))
  expect(await readFile(join(outside, 'outside.request.json'), 'utf8')).toBe(request)
  expect(await readFile(join(outside, '.order.json'), 'utf8')).toBe('{"order": []}\n')
})

it('leaves a linked order file or environments folder alone', async () => {
  const { outside } = await outsideWorld()
  const target = await collection()
  await symlink(join(outside, '.order.json'), join(target.directory, '.order.json'))
  await symlink(outside, join(target.directory, 'environments'))
  await target.saveRequest('', draft({ name: 'mine' }))
  expect(await readFile(join(outside, '.order.json'), 'utf8')).toBe('{"order": []}\n')
  expect(await listing(target)).toEqual(['mine.request.json', '!.order.json'])
  expect(await target.saveEnvironment({ name: 'local', variables: { a: 'b' } })).toMatchObject({
    ok: false,
    error: { code: 'COLLECTION_ITEM_INVALID' },
  })
  expect(await target.deleteEnvironment('local')).toMatchObject({ ok: false })
  expect(await readFile(join(outside, 'local.json'), 'utf8')).toContain(secretText)
  const tree = await target.list()
  expect(tree.ok && tree.value.invalidEnvironments).toEqual([
    { path: 'environments', error: expect.stringContaining('symbolic link') },
  ])
})
