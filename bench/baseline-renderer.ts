import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'

// The renderer as it was before the bundle was split (one 4.4 MB bundle, Monaco included),
// built once from git and kept under node_modules/.cache: the start-up bench's baseline.
export const baselineCommit = '79e857a'

const root = resolve(import.meta.dirname, '..')

/** The baseline's built renderer folder, or null (with the reason printed) when it cannot be built. */
export function baselineRenderer(): string | null {
  const folder = join(root, 'node_modules', '.cache', `bench-baseline-${baselineCommit}`)
  const renderer = join(folder, 'out', 'renderer')
  if (existsSync(join(renderer, 'index.html'))) return renderer
  try {
    console.log(`\n(Building the baseline renderer of ${baselineCommit} once, into ${folder}…)`)
    rmSync(folder, { recursive: true, force: true })
    mkdirSync(folder, { recursive: true })
    const archive = execFileSync('git', ['-C', root, 'archive', baselineCommit], {
      maxBuffer: 1 << 30,
    })
    execFileSync('tar', ['-x', '-C', folder], { input: archive })
    symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'))
    execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
      cwd: folder,
      stdio: 'ignore',
    })
    return existsSync(join(renderer, 'index.html')) ? renderer : null
  } catch (error) {
    console.log(`(No baseline renderer: ${error instanceof Error ? error.message : String(error)})`)
    return null
  }
}
