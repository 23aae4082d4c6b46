import type { ExplorerMethods } from '../../shared/contract.ts'
import { ok } from '../../shared/result.ts'
import type { MainServices } from '../services.ts'

/** One line per method: the logic lives in the services. */
export function createHandlers(services: MainServices): ExplorerMethods {
  return {
    'catalog.open': (address) => services.catalog.open(address),
    'catalog.getRequestSchema': (origin, endpoint) =>
      services.catalog.getRequestSchema(origin, endpoint),
    'catalog.getEndpointDocs': (origin, endpoint) =>
      services.catalog.getEndpointDocs(origin, endpoint),
    'requests.send': (input) => services.requests.send(input),
    'requests.copyAs': (input) => services.snippets.copy(input),
    'responses.getFullText': (requestId) => services.responses.fullText(requestId),
    'responses.saveToFile': (requestId) => services.responses.saveToFile(requestId),
    'requests.cancel': async (requestId) => ok(services.requests.cancel(requestId)),
    'files.chooseUpload': () => services.files.choose(),
    'accounts.list': () => services.accounts.list(),
    'accounts.addWithToken': (address, token, label) =>
      services.accounts.addWithToken(address, token, label),
    'accounts.rename': (accountId, label) => services.accounts.rename(accountId, label),
    'accounts.remove': (accountId) => services.accounts.remove(accountId),
    'accounts.setActive': (origin, accountId) => services.accounts.setActive(origin, accountId),
    'accounts.getOAuthSupport': (address) => services.signIn.oauthSupport(address),
    'accounts.startMiAuth': (request) => services.signIn.startMiAuth(request),
    'accounts.startOAuth': (request) => services.signIn.startOAuth(request),
    'accounts.cancelSignIn': async (flowId) => ok(services.signIn.cancel(flowId)),
    'streaming.getState': async () => services.streaming.getState(),
    'streaming.connect': (origin, accountId) => services.streaming.connect(origin, accountId),
    'streaming.disconnect': async () => services.streaming.disconnect(),
    'streaming.join': async (channel, params) => services.streaming.join(channel, params),
    'streaming.leave': async (connectionId) => services.streaming.leave(connectionId),
    'streaming.subscribeNote': async (noteId) => services.streaming.subscribeNote(noteId),
    'streaming.unsubscribeNote': async (noteId) => services.streaming.unsubscribeNote(noteId),
    'streaming.sendRaw': async (text) => services.streaming.sendRaw(text),
    'streaming.exportLog': (entries) => services.streaming.exportLog(entries),
  }
}
