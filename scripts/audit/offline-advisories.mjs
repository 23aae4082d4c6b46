// The offline half of `npm run audit:deps`: the locked dependency tree (package-lock.json)
// checked against a committed, dated advisory snapshot, for when the registry's audit endpoint
// cannot answer (this project's machines get 405). Pure functions; the script does the I/O.
import semver from 'semver'

/** Every installed package of the lock (name, version, where), dev ones left out when asked. */
export function lockedPackages(lock, { omitDev }) {
  const packages = []
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || !entry.version || entry.link) continue
    if (omitDev && entry.dev) continue
    const name =
      entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    packages.push({ name, version: entry.version, path })
  }
  return packages
}

/**
 * The snapshot is the registry's bulk-advisory answer for the lock's packages (name → list of
 * { id, url, title, severity, vulnerable_versions }), with the day it was taken.
 */
export function findAdvisories(packages, snapshot) {
  const found = []
  for (const pkg of packages) {
    const advisories = Object.hasOwn(snapshot.advisories, pkg.name)
      ? snapshot.advisories[pkg.name]
      : []
    for (const advisory of advisories) {
      if (semver.satisfies(pkg.version, advisory.vulnerable_versions, { loose: true })) {
        found.push({ ...pkg, advisory })
      }
    }
  }
  return found
}

/** Whole days between the snapshot's date and now. */
export function snapshotAgeDays(snapshot, now) {
  const taken = Date.parse(`${snapshot.takenOn}T00:00:00Z`)
  return Number.isNaN(taken) ? Infinity : Math.floor((now - taken) / 86_400_000)
}

/** The body the registry's bulk endpoint takes: name → versions in the lock. */
export function bulkRequestBody(packages) {
  const body = {}
  for (const { name, version } of packages) {
    body[name] ??= []
    if (!body[name].includes(version)) body[name].push(version)
  }
  return body
}
