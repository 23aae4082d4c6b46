// Child process for collection-crash.test.ts: saves and rewrites requests in a collection as fast
// as it can, printing each path (and the version written) once the write was acknowledged, until
// the parent kills it. Only erasable TypeScript: Node runs this file directly.
import { openCollection } from '../collection.ts'

const [directory = '', tag = 'x'] = process.argv.slice(2)
const collection = openCollection(directory)
const draft = (name: string, version: number) => ({
  name,
  origin: 'https://misskey.example',
  endpoint: 'notes/create',
  authMode: 'header' as const,
  accountLabel: 'alice',
  body: `{\n  "text": "${name} version ${version} ${'x'.repeat(2000)}"\n}\n`,
  notes: `version ${version}`,
  captures: [],
})

const saved: string[] = []
for (let index = 0; ; index++) {
  // Mostly new requests; every third write rewrites an earlier one in place.
  if (index % 3 === 2 && saved.length > 0) {
    const path = saved[index % saved.length] as string
    const result = await collection.updateRequest(
      path,
      draft(path.replace(/\.request\.json$/, ''), index),
    )
    if (result.ok) process.stdout.write(`updated ${result.value.path} ${index}\n`)
  } else {
    const result = await collection.saveRequest('', draft(`${tag}-${index}`, index))
    if (!result.ok) throw new Error(result.error.message)
    saved.push(result.value.path)
    process.stdout.write(`saved ${result.value.path} ${index}\n`)
  }
}
