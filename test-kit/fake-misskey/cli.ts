// Starts the fake standalone: node test-kit/fake-misskey/cli.ts [--port 3000] [--host 127.0.0.1]
import { parseArgs } from 'node:util'
import { startFakeMisskey } from './server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
  },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`)
  process.exit(2)
}

const fake = await startFakeMisskey({ port, host: values.host })
console.log(`Fake Misskey 2025.5.0 listening on ${fake.origin}`)
console.log(`  spec:  ${fake.origin}/api.json`)
console.log(`  streaming: ${fake.origin.replace(/^http/, 'ws')}/streaming`)
console.log(`  admin: id ${fake.users.admin.id}  token ${fake.users.admin.token}`)
console.log(`  alice: id ${fake.users.alice.id}  token ${fake.users.alice.token}`)
console.log('Ctrl+C to stop.')

const stop = () => {
  fake.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
