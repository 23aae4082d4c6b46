import type { ExplorerMethods } from '../../shared/contract/index.ts'
import { ok } from '../../shared/result.ts'
import { findSecretVariables } from '../collections/environment-secrets.ts'
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
    'accounts.listOrphanedTokens': () => services.accounts.listOrphanedTokens(),
    'accounts.deleteOrphanedToken': (id) => services.accounts.deleteOrphanedToken(id),
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
    'history.search': (query) => services.history.search(query),
    'history.get': (id) => services.history.get(id),
    'history.setPinned': (id, pinned) => services.history.setPinned(id, pinned),
    'history.delete': (id) => services.history.delete(id),
    'history.clear': (options) => services.history.clear(options),
    'history.takeNotices': () => services.history.takeNotices(),
    'collections.open': () => services.collections.openRemembered(),
    'collections.chooseFolder': () => services.collections.chooseFolder(),
    'collections.close': () => services.collections.close(),
    'collections.saveRequest': (folder, draft) => services.collections.saveRequest(folder, draft),
    'collections.updateRequest': (path, draft) => services.collections.updateRequest(path, draft),
    'collections.renameRequest': (path, name) => services.collections.renameRequest(path, name),
    'collections.moveRequest': (path, to) => services.collections.moveRequest(path, to),
    'collections.duplicateRequest': (path) => services.collections.duplicateRequest(path),
    'collections.deleteRequest': (path) => services.collections.deleteRequest(path),
    'collections.reorder': (folder, names) => services.collections.reorder(folder, names),
    'collections.createFolder': (parent, name) => services.collections.createFolder(parent, name),
    'collections.renameFolder': (path, name) => services.collections.renameFolder(path, name),
    'collections.deleteFolder': (path) => services.collections.deleteFolder(path),
    'collections.runFolder': (folder, origin, approval) =>
      services.collections.runFolder(folder, origin, approval ?? null),
    'collections.importCurl': async (command) => services.curl.import(command),
    'collections.exportZip': () => services.collectionZip.exportZip(),
    'collections.importZip': () => services.collectionZip.importZip(),
    'environments.save': (environment) => services.collections.saveEnvironment(environment),
    'environments.findSecrets': async (environment) =>
      ok(
        await findSecretVariables(environment.variables, (value) =>
          services.accounts.isStoredToken(value),
        ),
      ),
    'environments.delete': (name) => services.collections.deleteEnvironment(name),
    'environments.setActive': (name) => services.collections.setActiveEnvironment(name),
    'environments.clearCaptured': async () => services.collections.clearCaptured(),
    'settings.getLanguage': async () => ok((await services.settings.read()).language),
    'settings.setLanguage': (language) => services.setLanguage(language),
    'images.fetch': (serverOrigin, url) => services.images.fetch(serverOrigin, url),
    'images.getPolicy': (serverOrigin) => services.images.getPolicy(serverOrigin),
    'images.setOtherHostsAllowed': (serverOrigin, allowed) =>
      services.images.setOtherHostsAllowed(serverOrigin, allowed),
  }
}
