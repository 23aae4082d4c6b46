import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HistoryEntry, HistoryPage, HistorySummary } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { useHistoryStore } from './history.ts'
import { deferred, installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const summary = (id: string, overrides: Partial<HistorySummary> = {}): HistorySummary =>
  ({
    id,
    sentAt: Number(id.replace(/\D/g, '')) || 1,
    origin: 'https://misskey.example',
    accountLabel: null,
    endpoint: 'meta',
    authMode: 'none',
    status: 200,
    failure: null,
    problemCode: null,
    durationMs: 5,
    sizeBytes: 10,
    pinned: false,
    ...overrides,
  }) as HistorySummary
const page = (items: HistorySummary[], nextCursor: string | null = null): HistoryPage => ({
  items,
  total: items.length,
  nextCursor,
})
const entry = (id: string, sentAt: number) =>
  ({ ...summary(id), sentAt, requestBody: '{}' }) as unknown as HistoryEntry

let main: StandInBridge
beforeEach(() => {
  setActivePinia(createPinia())
  main = installStandInBridge()
})

describe('the history store', () => {
  it('knows when main stopped counting (shown as "10,000+")', async () => {
    const history = useHistoryStore()
    main.answer('history.search', async () =>
      ok({ ...page([summary('e1')], '1'), total: 10_000, totalAtLeast: true }),
    )
    await history.search()
    expect([history.total, history.totalAtLeast]).toEqual([10_000, true])
    main.answer('history.search', async () => ok(page([summary('e1')])))
    await history.search()
    expect([history.total, history.totalAtLeast]).toEqual([1, false])
  })

  it('asks main for what the filters describe, a page at a time', async () => {
    main.answer('history.search', async () => ok(page([summary('e2')], '2')))
    const history = useHistoryStore()
    history.filters.text = '  notes  '
    history.filters.statusClasses = ['4xx']
    history.filters.pinnedOnly = true
    await history.search()
    expect(main.argsOf('history.search')).toEqual([
      [
        {
          limit: 50,
          text: 'notes',
          searchResponseBodies: false,
          statusClasses: ['4xx'],
          pinnedOnly: true,
        },
      ],
    ])
    expect([history.status, history.items.map((item) => item.id), history.filtered]).toEqual([
      'ready',
      ['e2'],
      true,
    ])

    main.answer('history.search', async () => ok(page([summary('e1')])))
    await history.more()
    expect(main.argsOf('history.search')[1]![0]).toMatchObject({ cursor: '2' })
    expect(history.items.map((item) => item.id)).toEqual(['e2', 'e1'])
    expect(history.nextCursor).toBeNull()
  })

  it('drops the answer to an older search that arrives after a newer one', async () => {
    const slow = deferred<ReturnType<typeof ok<HistoryPage>>>()
    main.answer('history.search', () => slow.promise)
    const history = useHistoryStore()
    const first = history.search()
    main.answer('history.search', async () => ok(page([summary('new')])))
    await history.search()
    slow.resolve(ok(page([summary('old')])))
    await first
    expect(history.items.map((item) => item.id)).toEqual(['new'])
  })

  it('shows why the list cannot be read', async () => {
    main.answer('history.search', async () => fail('STORAGE_LOCKED', 'The history file is locked.'))
    const history = useHistoryStore()
    await history.search()
    expect(history.status).toBe('error')
    expect(history.error?.message).toBe('The history file is locked.')
  })

  it('refreshes as main records entries, and tells when one could not be recorded', async () => {
    main.answer('history.takeNotices', async () => ok([]))
    main.answer('history.search', async () => ok(page([summary('e1')])))
    const history = useHistoryStore()
    await history.start()
    main.emit('history.onAppended', ok(summary('e1')))
    await vi.waitFor(() => expect(main.argsOf('history.search')).toHaveLength(1))
    expect(main.argsOf('history.search')[0]![0]).toMatchObject({ limit: 50 })

    main.emit('history.onAppended', fail('STORAGE_FULL', 'The disk is full.'))
    expect(history.actionError?.message).toBe('The disk is full.')
  })

  describe('as entries are recorded', () => {
    beforeEach(() => vi.useFakeTimers())
    afterEach(() => vi.useRealTimers())

    it('lists them once idle, with one search for several in a row, keeping the list on screen meanwhile', async () => {
      main.answer('history.takeNotices', async () => ok([]))
      const answer = deferred<Result<HistoryPage>>()
      main.answer('history.search', async () => ok(page([summary('e1')])))
      const history = useHistoryStore()
      await history.search()
      await history.start()
      main.answer('history.search', () => answer.promise)
      for (const id of ['e2', 'e3', 'e4']) main.emit('history.onAppended', ok(summary(id)))
      expect(main.argsOf('history.search')).toHaveLength(1)
      await vi.runAllTimersAsync()
      expect(main.argsOf('history.search')).toHaveLength(2)
      // While the refresh is under way the list stays, without a "Loading…" line.
      expect(history.status).toBe('ready')
      expect(history.items.map((item) => item.id)).toEqual(['e1'])
      answer.resolve(ok(page([summary('e4'), summary('e3'), summary('e2'), summary('e1')])))
      await vi.runAllTimersAsync()
      expect(history.items.map((item) => item.id)).toEqual(['e4', 'e3', 'e2', 'e1'])
    })
  })

  it('pins in place, and compares two picked entries older first', async () => {
    main.answer('history.search', async () =>
      ok(page([summary('e3'), summary('e2'), summary('e1')])),
    )
    main.answer('history.setPinned', async (id, pinned) => ok(summary(id, { pinned })))
    main.answer('history.get', async (id) => ok(entry(id, id === 'e1' ? 100 : 300)))
    const history = useHistoryStore()
    await history.search()
    await history.setPinned('e2', true)
    expect(history.items.map((item) => item.pinned)).toEqual([false, true, false])

    history.toggleSelected('e3')
    history.toggleSelected('e2')
    history.toggleSelected('e1') // a third pick lets go of the oldest pick
    expect(history.selected).toEqual(['e2', 'e1'])
    history.toggleSelected('e2')
    history.toggleSelected('e3')
    await history.compareSelected()
    expect(history.compared?.map((item) => item.id)).toEqual(['e1', 'e3'])
  })
})
