// The service tests' world: a fresh fake Misskey and a fresh service per test, and the few
// things the stories do on them.
import { afterEach, beforeEach, expect } from 'vitest'
import { startFakeMisskey, type FakeMisskey } from '../../../../test-kit/fake-misskey/server.ts'
import type { StreamingState } from '../../../shared/streaming.ts'
import { createHarness, type Harness } from './streaming-test-harness.ts'

export interface FakeWorld {
  fake: FakeMisskey
  harness: Harness
  post(name: string, body: object, token?: string): Promise<Response>
  createNote(text: string): Promise<string>
  /** Connects and waits until the socket opened or failed. */
  connect(accountId: string | null): Promise<StreamingState>
  join(channel: string, params?: Record<string, unknown>): Promise<{ id: string }>
  statusOf(connectionId: string): string | undefined
}

/** Accounts the tests connect as: `alice` (login token), `narrow` (no read:account), `bad`. */
export function useFakeWorld(): FakeWorld {
  const world = {} as FakeWorld
  beforeEach(async () => {
    const fake = await startFakeMisskey()
    world.fake = fake
    world.harness = createHarness({
      alice: fake.users.alice.token,
      narrow: fake.createAppToken(fake.users.alice.id, ['write:notes']),
      bad: 'NotAValidToken00',
    })
  })
  afterEach(async () => {
    world.harness.service.dispose()
    await world.fake.close()
  })
  Object.assign(world, {
    post: (name: string, body: object, token = world.fake.users.alice.token) =>
      fetch(`${world.fake.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
    async createNote(text: string) {
      const response = await world.post('notes/create', { text })
      return ((await response.json()) as { createdNote: { id: string } }).createdNote.id
    },
    async connect(accountId: string | null) {
      const { harness } = world
      const result = await harness.service.connect(world.fake.origin, accountId)
      expect(result.ok).toBe(true)
      return harness.until(() => harness.last().phase !== 'connecting' && harness.last())
    },
    async join(channel: string, params: Record<string, unknown> = {}) {
      const joined = world.harness.service.join(channel, params)
      if (!joined.ok) throw new Error(joined.error.message)
      return joined.value
    },
    statusOf: (id: string) =>
      world.harness.last().channels.find((channel) => channel.id === id)?.status,
  })
  return world
}
