import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { fail, ok } from '../../shared/result.ts'
import { useImageHostsStore } from './image-hosts.ts'
import { installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const origin = 'https://misskey.example'

let main: StandInBridge
beforeEach(() => {
  setActivePinia(createPinia())
  main = installStandInBridge()
})

describe('the image hosts store', () => {
  it('learns from main whether other hosts are shown for a server', async () => {
    main.answer('images.getPolicy', async (serverOrigin) =>
      ok({ serverOrigin, otherHostsAllowed: true }),
    )
    const hosts = useImageHostsStore()
    await hosts.loadPolicy(origin)
    expect(hosts.otherHostsAllowed[origin]).toBe(true)
    expect(hosts.failure).toBeNull()
  })

  it('takes the choice back: main is told, and the server’s images are asked again', async () => {
    main.answer('images.setOtherHostsAllowed', async (serverOrigin, allowed) =>
      ok({ serverOrigin, otherHostsAllowed: allowed }),
    )
    const hosts = useImageHostsStore()
    await hosts.showOtherHosts(origin)
    expect(hosts.otherHostsAllowed[origin]).toBe(true)
    const afterShow = hosts.generation[origin]

    await hosts.hideOtherHosts(origin)
    expect(main.argsOf('images.setOtherHostsAllowed')).toEqual([
      [origin, true],
      [origin, false],
    ])
    expect(hosts.otherHostsAllowed[origin]).toBe(false)
    expect(hosts.generation[origin]).toBe(afterShow! + 1)
  })

  it('keeps the choice as it was and says why when main cannot save it', async () => {
    main.answer('images.getPolicy', async (serverOrigin) =>
      ok({ serverOrigin, otherHostsAllowed: true }),
    )
    main.answer('images.setOtherHostsAllowed', async () =>
      fail('INTERNAL', 'Something went wrong in images.setOtherHostsAllowed.'),
    )
    const hosts = useImageHostsStore()
    await hosts.loadPolicy(origin)
    await hosts.hideOtherHosts(origin)
    expect(hosts.otherHostsAllowed[origin]).toBe(true)
    expect(hosts.generation[origin]).toBeUndefined()
    expect(hosts.failure).toMatchObject({ doing: 'save', error: { code: 'INTERNAL' } })
  })
})
