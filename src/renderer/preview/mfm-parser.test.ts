import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMfmParser, maxMfmLength, parseTimeoutMs, type WorkerLike } from './mfm-parser.ts'

// A stand-in worker: the test decides when (and whether) each parse answers.
function fakeWorkers() {
  const created: Array<
    WorkerLike & { posted: Array<{ id: number; text: string }>; terminated: boolean }
  > = []
  const create = () => {
    const worker = {
      posted: [] as Array<{ id: number; text: string }>,
      terminated: false,
      onmessage: null as ((event: MessageEvent) => void) | null,
      postMessage(message: unknown) {
        this.posted.push(message as { id: number; text: string })
      },
      terminate() {
        this.terminated = true
      },
    }
    created.push(worker)
    // The real worker says it has loaded; here, as soon as the parser listens.
    queueMicrotask(() => worker.onmessage?.({ data: { ready: true } } as MessageEvent))
    return worker
  }
  const answer = (worker: (typeof created)[number], nodes: unknown) => {
    const last = worker.posted.at(-1)!
    worker.onmessage?.({ data: { id: last.id, nodes } } as MessageEvent)
  }
  return { created, create, answer }
}

const settle = () => Promise.resolve()

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the MFM parser off the page thread', () => {
  it('parses the newest request first, and remembers what it parsed', async () => {
    const workers = fakeWorkers()
    const parser = createMfmParser(workers.create)
    const first = parser.parse('first')
    parser.parse('second')
    parser.parse('third')
    await settle()
    const worker = workers.created[0]!
    expect(worker.posted.map((job) => job.text)).toEqual(['first'])
    workers.answer(worker, [{ type: 'text', props: { text: 'first' } }])
    expect(await first.result).toEqual([{ type: 'text', props: { text: 'first' } }])
    expect(worker.posted.map((job) => job.text)).toEqual(['first', 'third'])
    expect(parser.cached('first')).toEqual([{ type: 'text', props: { text: 'first' } }])
  })

  it('skips requests whose card left the screen before their turn', async () => {
    const workers = fakeWorkers()
    const parser = createMfmParser(workers.create)
    parser.parse('on screen')
    const gone = parser.parse('scrolled away')
    gone.cancel()
    parser.parse('newest')
    await settle()
    const worker = workers.created[0]!
    workers.answer(worker, [])
    workers.answer(worker, [])
    expect(worker.posted.map((job) => job.text)).toEqual(['on screen', 'newest'])
  })

  it('gives up on a parse that runs too long: the text stays plain and the next one goes on', async () => {
    const workers = fakeWorkers()
    const parser = createMfmParser(workers.create)
    const slow = parser.parse('['.repeat(3000))
    parser.parse('next')
    await settle()
    vi.advanceTimersByTime(parseTimeoutMs + 1)
    expect(await slow.result).toBeNull()
    expect(workers.created[0]!.terminated).toBe(true)
    await settle()
    expect(workers.created[1]!.posted.map((job) => job.text)).toEqual(['next'])
  })

  it('starts the clock only once the worker has loaded', async () => {
    const created: Array<{ posted: unknown[]; onmessage: ((event: MessageEvent) => void) | null }> =
      []
    const parser = createMfmParser(() => {
      const worker = {
        posted: [] as unknown[],
        onmessage: null,
        postMessage(message: unknown) {
          this.posted.push(message)
        },
        terminate() {},
      }
      created.push(worker)
      return worker
    })
    const job = parser.parse('slow to load')
    vi.advanceTimersByTime(parseTimeoutMs * 3)
    expect(created[0]!.posted).toEqual([])
    created[0]!.onmessage?.({ data: { ready: true } } as MessageEvent)
    const posted = created[0]!.posted[0] as { id: number }
    created[0]!.onmessage?.({ data: { id: posted.id, nodes: [] } } as MessageEvent)
    expect(await job.result).toEqual([])
  })

  it('does not parse text longer than a note can be', async () => {
    const workers = fakeWorkers()
    const parser = createMfmParser(workers.create)
    expect(await parser.parse('a'.repeat(maxMfmLength + 1)).result).toBeNull()
    expect(workers.created).toHaveLength(0)
  })
})
