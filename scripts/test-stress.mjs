// The end-to-end suite on a machine that is busy on purpose: two CPU-bound processes run beside
// `playwright test` for the whole run and are always stopped afterwards (normal end, failure,
// Ctrl+C). A story that passes only on an idle machine fails here.
//
//   npm run test:stress                      the suite once
//   npm run test:stress -- --runs 3          three runs in a row; stops at the first failure
//   npm run test:stress -- e2e/x.spec.ts     any other argument goes to playwright test
//
// Prints how long each run took (wall-clock, for the record; nothing is compared with it).
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

const burnerCount = 2

function parseArguments(argv) {
  const rest = []
  let runs = 1
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--runs') runs = Number(argv[++index])
    else rest.push(argv[index])
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1')
  return { runs, playwrightArguments: rest }
}

// Burns a core in slices, checking between slices that whoever started it is still there, so a
// burner never outlives this script even if the script itself is killed with SIGKILL.
const burnerSource = `
const parent = process.ppid
function burn() {
  const until = Date.now() + 100
  let x = 0
  while (Date.now() < until) x = (x * 31 + 7) % 1000003
  try { process.kill(parent, 0) } catch { process.exit(0) }
  setImmediate(burn)
}
burn()
`

function startBurners() {
  return Array.from({ length: burnerCount }, () =>
    spawn(process.execPath, ['-e', burnerSource], { stdio: 'ignore' }),
  )
}

function stopBurners(burners) {
  for (const burner of burners) {
    if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL')
  }
}

function runPlaywright(playwrightArguments) {
  return new Promise((resolve) => {
    const child = spawn('playwright', ['test', ...playwrightArguments], {
      stdio: 'inherit',
      // The burners have only just started: the load average has not seen them yet.
      env: { ...process.env, EXPLORER_MIN_TIME_SCALE: '2' },
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    child.on('error', (error) => {
      console.error(`test:stress: could not start playwright: ${error.message}`)
      resolve(1)
    })
  })
}

const { runs, playwrightArguments } = parseArguments(process.argv.slice(2))
let burners = []
const stopAndExit = (code) => {
  stopBurners(burners)
  process.exit(code)
}
process.on('SIGINT', () => stopAndExit(130))
process.on('SIGTERM', () => stopAndExit(143))
process.on('exit', () => stopBurners(burners))

const times = []
let exitCode = 0
for (let run = 1; run <= runs; run++) {
  burners = startBurners()
  console.log(
    `test:stress: run ${run} of ${runs}, with ${burnerCount} CPU-bound processes beside it`,
  )
  const started = performance.now()
  const code = await runPlaywright(playwrightArguments)
  const seconds = (performance.now() - started) / 1000
  stopBurners(burners)
  times.push(seconds)
  console.log(
    `test:stress: run ${run} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`,
  )
  if (code !== 0) {
    exitCode = code
    break
  }
}
console.log(
  `test:stress: ${times.length} run(s): ${times.map((s) => `${s.toFixed(0)} s`).join(', ')}` +
    (exitCode === 0 ? ', all passed' : ', stopped at a failure'),
)
process.exitCode = exitCode
