import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Account, AccountsState, OAuthSupport, SignInProgress } from '../../shared/accounts.ts'
import type { AppError, Result } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'

export interface SignInState {
  flowId: string
  kind: 'miauth' | 'oauth'
  url: string
  status: SignInProgress['status']
  message: string
}

/** Saved accounts (metadata only: tokens never reach the renderer) and browser sign-ins. */
export const useAccountsStore = defineStore('accounts', () => {
  const state = shallowRef<AccountsState>({ accounts: [], activeByOrigin: {} })
  const error = ref<AppError | null>(null)
  const busy = ref(false)
  const signIn = ref<SignInState | null>(null)
  const oauthSupport = ref<Record<string, OAuthSupport | 'unknown'>>({})
  let listening = false

  const forServer = (origin: string | null) =>
    origin ? state.value.accounts.filter((account) => account.origin === origin) : []
  const active = (origin: string | null): Account | null => {
    if (!origin) return null
    const id = state.value.activeByOrigin[origin]
    return state.value.accounts.find((account) => account.id === id) ?? null
  }
  const all = computed(() => state.value.accounts)

  /** Runs a bridge call, keeping its error for the dialog to show; answers the value or null. */
  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    busy.value = true
    error.value = null
    try {
      const result = await call()
      if (result.ok) return result.value
      error.value = result.error
      return null
    } finally {
      busy.value = false
    }
  }

  function listen() {
    const bridge = getBridge()
    if (listening || !bridge) return
    listening = true
    bridge.events.onSignInProgress((progress) => {
      if (signIn.value?.flowId !== progress.flowId) return
      signIn.value = {
        ...signIn.value,
        status: progress.status,
        message: progress.status === 'failed' ? progress.message : '',
      }
      if (progress.status === 'completed') void load()
    })
  }

  async function load() {
    const bridge = getBridge()
    if (!bridge) return
    listen()
    const value = await run(() => bridge.accounts.list())
    if (value) state.value = value
  }

  async function addWithToken(
    origin: string,
    token: string,
    label: string,
  ): Promise<Account | null> {
    const bridge = getBridge()
    if (!bridge) return null
    const account = await run(() => bridge.accounts.addWithToken(origin, token, label))
    if (account) await load()
    return account
  }

  async function rename(accountId: string, label: string) {
    const bridge = getBridge()
    if (bridge && (await run(() => bridge.accounts.rename(accountId, label)))) await load()
  }

  async function remove(accountId: string) {
    const bridge = getBridge()
    const value = bridge ? await run(() => bridge.accounts.remove(accountId)) : null
    if (value) state.value = value
  }

  async function setActive(origin: string, accountId: string | null) {
    const bridge = getBridge()
    const value = bridge ? await run(() => bridge.accounts.setActive(origin, accountId)) : null
    if (value) state.value = value
  }

  async function checkOAuth(origin: string) {
    const bridge = getBridge()
    if (!bridge || oauthSupport.value[origin]) return
    const support = await run(() => bridge.accounts.getOAuthSupport(origin))
    oauthSupport.value = { ...oauthSupport.value, [origin]: support ?? 'unknown' }
  }

  async function startMiAuth(origin: string, permissions: string[]) {
    const bridge = getBridge()
    if (!bridge) return
    listen()
    const started = await run(() => bridge.accounts.startMiAuth({ origin, permissions }))
    if (started)
      signIn.value = {
        flowId: started.flowId,
        kind: 'miauth',
        url: started.url,
        status: 'waiting',
        message: '',
      }
  }

  async function startOAuth(
    origin: string,
    clientId: string,
    redirectUri: string,
    scopes: string[],
  ) {
    const bridge = getBridge()
    if (!bridge) return
    listen()
    const started = await run(() =>
      bridge.accounts.startOAuth({ origin, clientId, redirectUri, scopes }),
    )
    if (started)
      signIn.value = {
        flowId: started.flowId,
        kind: 'oauth',
        url: started.url,
        status: 'waiting',
        message: '',
      }
  }

  async function cancelSignIn() {
    const bridge = getBridge()
    if (bridge && signIn.value?.status === 'waiting')
      await bridge.accounts.cancelSignIn(signIn.value.flowId)
  }

  function dismissSignIn() {
    signIn.value = null
  }

  return {
    state,
    all,
    error,
    busy,
    signIn,
    oauthSupport,
    forServer,
    active,
    load,
    addWithToken,
    rename,
    remove,
    setActive,
    checkOAuth,
    startMiAuth,
    startOAuth,
    cancelSignIn,
    dismissSignIn,
  }
})
