// npm run check:server -- https://misskey.example    (MISSKEY_TOKEN=… to check a token too)
//
// Tells in about a minute whether the app works with a server: its catalog, a public call, a
// call with the token, the stream. Runs the app's own main-side modules (src/main/server-check).
// Exit code: 0 when every check passed or was skipped, 1 when one failed, 2 for a wrong command.
import { checkServer, type CheckResult } from '../src/main/server-check/server-check.ts'

const usage = 'Usage: npm run check:server -- <server address> (MISSKEY_TOKEN=… for the token call)'

const address = process.argv[2] ?? process.env.MISSKEY_URL
if (!address || address === '--help' || process.argv.length > 3) {
  console.error(usage)
  process.exit(address === '--help' ? 0 : 2)
}

const marks: Record<CheckResult['outcome'], string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }
console.log(`Checking ${address}${process.env.MISSKEY_TOKEN ? ' with MISSKEY_TOKEN' : ''}…`)
const results = await checkServer({ address, token: process.env.MISSKEY_TOKEN || null })
for (const result of results) {
  console.log(`${marks[result.outcome]}  ${result.name.padEnd(12)} ${result.detail}`)
}
const failed = results.filter((result) => result.outcome === 'fail').length
console.log(failed === 0 ? 'The app works with this server.' : `${failed} check(s) failed.`)
process.exit(failed === 0 ? 0 : 1)
