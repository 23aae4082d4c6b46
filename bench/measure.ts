/** Timing helpers for the benchmarks: medians and percentiles of repeated runs, side by side. */

export interface Timing {
  median: number
  p95: number
  runs: number
}

export function time(runs: number, work: () => void): Timing {
  // One warm-up pass so the JIT has seen the code before it is timed.
  work()
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    work()
    samples.push(performance.now() - start)
  }
  return summarize(samples)
}

export async function timeAsync(runs: number, work: () => Promise<void>): Promise<Timing> {
  await work()
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    await work()
    samples.push(performance.now() - start)
  }
  return summarize(samples)
}

/**
 * Times two async variants alternately, run by run, so that drift on a shared, noisy machine
 * (other processes, GC, connection pools warming up) affects both the same way.
 */
export async function timeSideBySide(
  runs: number,
  first: () => Promise<void>,
  second: () => Promise<void>,
  /**
   * Awaited, untimed, after each timed call: work a variant leaves for later (a history record
   * written after the answer is handed back) is then not charged to whichever call comes next.
   */
  settle: () => Promise<void> = async () => undefined,
): Promise<[Timing, Timing]> {
  for (let warmUp = 0; warmUp < 20; warmUp++) {
    await first()
    await settle()
    await second()
    await settle()
  }
  const a: number[] = []
  const b: number[] = []
  for (let run = 0; run < runs; run++) {
    const [one, two] = run % 2 === 0 ? [first, second] : [second, first]
    let start = performance.now()
    await one()
    const oneTook = performance.now() - start
    await settle()
    start = performance.now()
    await two()
    const twoTook = performance.now() - start
    await settle()
    ;(run % 2 === 0 ? a : b).push(oneTook)
    ;(run % 2 === 0 ? b : a).push(twoTook)
  }
  return [summarize(a), summarize(b)]
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0
  return { median: at(0.5), p95: at(0.95), runs: samples.length }
}

export function ms(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`
}

export function report(title: string, rows: Array<[string, string]>): void {
  console.log(`\n${title}`)
  const width = Math.max(...rows.map(([label]) => label.length))
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
}
