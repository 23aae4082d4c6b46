import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { eventChannels } from '../src/shared/contract/names.ts'
import type { BundleReport } from '../test-kit/electron-stand-in/drive-built-bundles.ts'
import { contractMethods } from './electron-contract.ts'

// The BUILT main and preload (what the installers ship), loaded in Node against the stand-in
// `electron` module: every contract method called through the built preload must arrive at
// main's handler on its own channel with its arguments in order. No browser is involved.
const root = resolve(import.meta.dirname, '..')
const builtMain = join(root, 'out/main/index.js')
const builtPreload = join(root, 'out/preload/index.cjs')
const standIn = join(root, 'test-kit/electron-stand-in')

async function driveBundles(preload = builtPreload): Promise<BundleReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      join(standIn, 'register.mjs'),
      join(standIn, 'drive-built-bundles.ts'),
      builtMain,
      preload,
    ],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as BundleReport
}

/** Methods whose call did not reach main's handler as the page made it. */
function misrouted(report: BundleReport): string[] {
  return report.methods
    .filter(
      (entry) =>
        entry.channels.length !== 1 ||
        entry.channels[0] !== entry.method ||
        !entry.argumentsInOrder ||
        ['INVALID_ARGUMENT', 'UNTRUSTED_SENDER'].includes(entry.answer) ||
        entry.answer.includes('No handler registered'),
    )
    .map((entry) => entry.method)
}

test.beforeAll(() => {
  expect(
    existsSync(builtMain) && existsSync(builtPreload),
    'No built bundles in out/: run "npm run build" first.',
  ).toBe(true)
})

test('every contract method called through the built preload reaches its handler in the built main', async () => {
  const report = await driveBundles()
  expect(report.withoutSample, 'add a sample call to contract-samples.ts').toEqual([])
  expect(report.handled).toEqual([...contractMethods].sort())
  expect(report.methods.map((entry) => entry.method)).toEqual([...contractMethods])
  expect(misrouted(report)).toEqual([])
  expect(report.subscribed).toEqual(Object.values(eventChannels).sort())
})

test('a wrong channel name or a swapped argument order in the preload fails the check', async () => {
  // The same built preload with two bugs put in where it names channels and passes arguments:
  // one channel misspelt, one call's arguments swapped.
  const source = await readFile(builtPreload, 'utf8')
  const call = '(...args) => invoke(`${space}.${member}`, ...args)'
  expect(source, "the built preload builds each call from the contract's names").toContain(call)
  const broken = source.replace(
    call,
    '(...args) => invoke(`${space}.${member === "getEndpointDocs" ? "getEndpointDoc" : member}`, ' +
      '...(member === "renameRequest" ? [...args].reverse() : args))',
  )
  const folder = await mkdtemp(join(tmpdir(), 'broken-preload-'))
  try {
    const brokenPreload = join(folder, 'index.cjs')
    await writeFile(brokenPreload, broken)
    const report = await driveBundles(brokenPreload)
    expect(misrouted(report)).toEqual(
      ['collections.renameRequest', 'catalog.getEndpointDocs'].sort(
        (a, b) => contractMethods.indexOf(a) - contractMethods.indexOf(b),
      ),
    )
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
