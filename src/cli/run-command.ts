import { basename, resolve } from 'node:path'
import { runSavedRequests } from '../main/collections/run-folder.ts'
import type { SecretStore } from '../main/secrets/secret-store.ts'
import { accountToken } from './account-token.ts'
import { appDataFolder } from './app-data-folder.ts'
import { parseCommand, usage, type RunArguments } from './arguments.ts'
import { jsonReport } from './json-report.ts'
import { junitReport } from './junit-report.ts'
import { createProgress } from './progress.ts'
import { planRun, type RunPlan } from './run-plan.ts'
import { countOutcomes, requestOutcome, type RunOutcome } from './run-outcome.ts'
import { createRunSender } from './run-sender.ts'
import { summaryTable } from './summary-table.ts'
import { redactedOutput, redactor, type Output } from './terminal-output.ts'

export const exitCodes = { passed: 0, failed: 1, usage: 2 } as const

/** Everything the command touches, passed in so tests run it in-process too. */
export interface CommandWorld {
  env: Record<string, string | undefined>
  cwd: string
  stdout: Output
  stderr: Output
  /** The system keychain (keytar), loaded only for `--account`. */
  secrets: () => SecretStore
  writeFile: (path: string, text: string) => Promise<void>
  version: string
}

/** `misskey-explorer …`: answers the exit code. */
export async function runCommand(argv: string[], world: CommandWorld): Promise<number> {
  const parsed = parseCommand(argv)
  if (parsed.kind === 'help') {
    world.stdout.write(`${usage}\n`)
    return exitCodes.passed
  }
  if (parsed.kind === 'version') {
    world.stdout.write(`${world.version}\n`)
    return exitCodes.passed
  }
  if (parsed.kind === 'usage-error') return setupError(world.stderr, parsed.reason, true)
  const args = parsed.arguments

  const planned = await planRun(args, world.cwd)
  if (!planned.ok) return setupError(world.stderr, planned.reason)
  const plan = planned.plan
  const token = plan.needsToken
    ? await findToken(args, plan, world)
    : { ok: true as const, token: null, source: 'no token' }
  // Whatever is printed or written is scrubbed of the token, even one the run does not use.
  const redact = redactor([token.ok ? token.token : null, world.env[args.tokenVariable] ?? null])
  const stdout = redactedOutput(world.stdout, redact)
  const stderr = redactedOutput(world.stderr, redact)
  if (!token.ok) return setupError(stderr, token.reason)

  const outcome = await run(args, plan, token, world, stdout)
  if (outcome.unreachable) {
    await writeReport(args, outcome.outcome, world, redact)
    return setupError(stderr, outcome.unreachable)
  }
  stdout.write(summaryTable(outcome.outcome))
  const reportProblem = await writeReport(args, outcome.outcome, world, redact)
  if (reportProblem) return setupError(stderr, reportProblem)
  return countOutcomes(outcome.outcome).failed > 0 ? exitCodes.failed : exitCodes.passed
}

async function run(
  args: RunArguments,
  plan: RunPlan,
  token: { token: string | null; source: string },
  world: CommandWorld,
  stdout: Output,
): Promise<{ outcome: RunOutcome; unreachable: string | null }> {
  const count = plan.requests.length
  stdout.write(
    `Running ${count} request${count === 1 ? '' : 's'} of ${basename(plan.directory)} against ${plan.server} (${token.source})\n`,
  )
  const sender = createRunSender({
    server: plan.server,
    token: token.token,
    timeoutMs: args.timeoutMs,
    delayMs: args.delayMs,
    maxRetryWaitMs: args.maxRetryWaitMs,
  })
  const progress = createProgress(stdout, count)
  const outcomes: RunOutcome['requests'] = []
  let unreachable: string | null = null
  const startedAt = new Date()
  const started = performance.now()
  progress.start()
  const result = await runSavedRequests(
    plan.requests,
    {
      variables: plan.variables,
      fallbackOrigin: plan.server,
      stopOnFailure: args.bail,
      onStep: (step, index) => {
        const requestId = step.outcome.ok ? step.outcome.response.requestId : ''
        const outcome = requestOutcome(step, sender.rateLimitNote(requestId))
        outcomes.push(outcome)
        progress.step(outcome, index)
      },
      // No point sending the rest to a server that cannot be reached: that is a setup problem.
      shouldStop: (step) => {
        if (step.outcome.ok || step.outcome.error.code !== 'SERVER_UNREACHABLE') return false
        unreachable = step.outcome.error.message
        return true
      },
    },
    {
      send: (input) => sender.send(input),
      account: async () =>
        token.token === null ? null : { id: 'command-line', label: token.source },
    },
  )
  progress.finish()
  const notRun = plan.requests.slice(result.steps.length).map((request) => request.path)
  return {
    outcome: {
      collection: basename(plan.directory),
      server: plan.server,
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - started,
      requests: outcomes,
      notRun,
    },
    unreachable,
  }
}

async function findToken(
  args: RunArguments,
  plan: RunPlan,
  world: CommandWorld,
): Promise<{ ok: true; token: string; source: string } | { ok: false; reason: string }> {
  if (args.account !== null) {
    const found = await accountToken(
      appDataFolder(world.env),
      plan.server,
      args.account,
      world.secrets(),
    )
    return found.ok
      ? { ok: true, token: found.token, source: `token of the app's account "${args.account}"` }
      : { ok: false, reason: `--account ${args.account}: ${found.reason}` }
  }
  const token = world.env[args.tokenVariable]?.trim()
  if (!token) {
    return {
      ok: false,
      reason: `no token: set ${args.tokenVariable} (or name another variable with --token-env, or use --account LABEL on a desktop), or run with --auth none`,
    }
  }
  return { ok: true, token, source: `token from ${args.tokenVariable}` }
}

/** Writes the report file, if one was asked for; answers why it could not be written. */
async function writeReport(
  args: RunArguments,
  outcome: RunOutcome,
  world: CommandWorld,
  redact: (text: string) => string,
): Promise<string | null> {
  if (!args.reporter) return null
  const text = args.reporter.kind === 'junit' ? junitReport(outcome) : jsonReport(outcome)
  const path = resolve(world.cwd, args.reporter.path)
  try {
    await world.writeFile(path, redact(text))
    return null
  } catch (error) {
    return `the report cannot be written to ${path}: ${(error as Error).message}`
  }
}

function setupError(stderr: Output, reason: string, showHelp = false): number {
  stderr.write(`misskey-explorer: ${reason}\n`)
  if (showHelp) stderr.write('Run misskey-explorer --help for the options.\n')
  return exitCodes.usage
}
