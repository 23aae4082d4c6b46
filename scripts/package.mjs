// npm run package [-- --linux | --mac | --win …]: the installers of electron-builder.yml into dist/.
//
// electron-builder needs Electron's own binaries for the target, which come from GitHub (or the
// ELECTRON_MIRROR), not from npm. Before building anything this checks that they are either in
// Electron's download cache or that the download host can be reached at all, and otherwise stops
// with the reason instead of failing half-way through a build.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { connect } from 'node:net'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version
const downloadBase =
  process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'

/** Where @electron/get keeps downloaded zips (its default cache folders per platform). */
function electronCacheFolder() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache
  if (process.platform === 'darwin') return join(homedir(), 'Library/Caches/electron')
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA ?? homedir(), 'electron/Cache')
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron')
}

function cachedElectronZip() {
  const folder = electronCacheFolder()
  if (!existsSync(folder)) return null
  const name = `electron-v${electronVersion}-`
  const stack = [folder]
  while (stack.length > 0) {
    const current = stack.pop()
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) stack.push(path)
      else if (entry.name.startsWith(name) && entry.name.endsWith('.zip')) return path
    }
  }
  return null
}

/** Opens (and closes) a TCP connection to the download host: nothing is requested or fetched. */
function reachable(url, timeoutMs = 5000) {
  const { hostname, port, protocol } = new URL(url)
  return new Promise((done) => {
    const socket = connect({
      host: hostname,
      port: Number(port || (protocol === 'http:' ? 80 : 443)),
    })
    const finish = (error) => {
      socket.destroy()
      done(error ? (error.code ?? error.message) : null)
    }
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer within ${timeoutMs / 1000} s`)))
    socket.once('connect', () => finish(null))
    socket.once('error', finish)
  })
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const cached = cachedElectronZip()
if (cached) {
  console.log(`package: Electron ${electronVersion} found in the cache (${cached})`)
} else if (process.env.ELECTRON_GET_USE_PROXY || process.env.GLOBAL_AGENT_HTTPS_PROXY) {
  // Through a proxy the host itself is not reached directly: let electron-builder try.
  console.log('package: Electron will be downloaded through the proxy')
} else {
  const problem = await reachable(downloadBase)
  if (problem) {
    console.error(
      [
        `package: stopped before building: electron-builder needs Electron ${electronVersion}'s binaries`,
        `for each target, downloaded from ${downloadBase} (ELECTRON_MIRROR changes it),`,
        `and that host cannot be reached from here (${problem}); nor are they in ${electronCacheFolder()}.`,
        'Run it where the host is reachable (the release workflow does, on a tag), or put the',
        `electron-v${electronVersion}-<platform>-<arch>.zip files in that cache folder.`,
      ].join('\n'),
    )
    process.exit(1)
  }
}
run('npx', ['electron-vite', 'build'])
run('npx', [
  'electron-builder',
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
  ...process.argv.slice(2),
])
