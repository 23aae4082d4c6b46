import type { ExplorerMethods } from '../../shared/contract.ts'
import { ok } from '../../shared/result.ts'
import type { MainServices } from '../services.ts'

/** One line per method: the logic lives in the services. */
export function createHandlers(services: MainServices): ExplorerMethods {
  return {
    'catalog.open': (address) => services.catalog.open(address),
    'catalog.getRequestSchema': (origin, endpoint) =>
      services.catalog.getRequestSchema(origin, endpoint),
    'requests.send': (input) => services.requests.send(input),
    'requests.cancel': async (requestId) => ok(services.requests.cancel(requestId)),
  }
}
