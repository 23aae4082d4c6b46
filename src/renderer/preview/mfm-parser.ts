import type { MfmNode } from 'mfm-js'

/** Texts longer than this are not parsed: shown as plain text (Misskey notes are ≤ 3,000). */
export const maxMfmLength = 20_000
/**
 * A parse still running after this long is given up (the worker is replaced): plain text. A
 * note parses in tens of milliseconds; a few thousand `[` take mfm-js half a minute.
 */
export const parseTimeoutMs = 3_000

export interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
}

interface Job {
  id: number
  text: string
  simple: boolean
  settle: (nodes: MfmNode[] | null) => void
  cancelled: boolean
}

/**
 * One worker, one parse at a time (so a slow one is known and can be killed), newest request
 * first: the cards just scrolled into view are drawn before the ones scrolled past. Results are
 * cached by text, so a card that comes back into view draws at once.
 */
export function createMfmParser(createWorker: () => WorkerLike, cacheSize = 2_000) {
  const cache = new Map<string, MfmNode[] | null>()
  const waiting: Job[] = []
  let worker: WorkerLike | null = null
  /** A new worker says when it has loaded; a job's clock starts only then. */
  let ready = false
  let current: Job | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let nextId = 1

  function remember(key: string, nodes: MfmNode[] | null) {
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string)
    cache.set(key, nodes)
  }

  function finish(nodes: MfmNode[] | null) {
    const job = current
    if (!job) return
    if (timer) clearTimeout(timer)
    timer = null
    current = null
    remember(`${job.simple ? 's' : 'f'}${job.text}`, nodes)
    job.settle(nodes)
    pump()
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker
    const created = createWorker()
    ready = false
    created.onmessage = (event: MessageEvent) => {
      const data = event.data as { ready?: true; id?: number; nodes?: MfmNode[] | null }
      if (data.ready) {
        ready = true
        start()
      } else if (current && data.id === current.id) finish(data.nodes ?? null)
    }
    worker = created
    return created
  }

  function start() {
    if (!current || !ready || !worker || timer) return
    worker.postMessage({ id: current.id, text: current.text, simple: current.simple })
    timer = setTimeout(() => {
      worker?.terminate()
      worker = null
      timer = null
      finish(null)
    }, parseTimeoutMs)
  }

  function pump() {
    if (current) return
    let job = waiting.pop()
    while (job?.cancelled) job = waiting.pop()
    if (!job) return
    current = job
    ensureWorker()
    start()
  }

  /** The cached tree: undefined when not parsed yet, null when it cannot be (plain text). */
  function cached(text: string, simple = false): MfmNode[] | null | undefined {
    if (text.length > maxMfmLength) return null
    return cache.get(`${simple ? 's' : 'f'}${text}`)
  }

  /** Parse; `cancel` drops the request when the card leaves the screen before its turn. */
  function parse(
    text: string,
    simple = false,
  ): { result: Promise<MfmNode[] | null>; cancel(): void } {
    const known = cached(text, simple)
    if (known !== undefined) return { result: Promise.resolve(known), cancel: () => {} }
    let job: Job | null = null
    const result = new Promise<MfmNode[] | null>((settle) => {
      job = { id: nextId++, text, simple, settle, cancelled: false }
      waiting.push(job)
    })
    pump()
    return {
      result,
      cancel: () => {
        if (job && job !== current) job.cancelled = true
      },
    }
  }

  function dispose() {
    worker?.terminate()
    worker = null
    if (timer) clearTimeout(timer)
  }

  return { parse, cached, dispose }
}

export type MfmParser = ReturnType<typeof createMfmParser>

let shared: MfmParser | null = null

/** The page's parser, its worker started on first use. */
export function mfmParser(): MfmParser {
  shared ??= createMfmParser(
    () =>
      new Worker(new URL('./mfm-parse.worker.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WorkerLike,
  )
  return shared
}
