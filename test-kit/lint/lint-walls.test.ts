// Proves each layering wall in eslint.config.js fires: ESLint's own Node API lints one small
// fixture per wall, written as if it sat at the given path in src/, and must report the import
// with that wall's message. The allowed imports beside them must pass, so a wall that refused
// everything would fail here too.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

interface Fixture {
  /** Where the fixture pretends to live; ESLint picks the rules for that path. */
  path: string
  code: string
}

const refused: Array<Fixture & { wall: string; message: RegExp }> = [
  {
    wall: 'shared imports nothing from main',
    path: 'src/shared/wall-fixture.ts',
    code: "import { createHandlers } from '../main/ipc/handlers.ts'\n",
    message: /src\/shared is shared by every process/,
  },
  {
    wall: 'shared imports nothing from the renderer',
    path: 'src/shared/wall-fixture.ts',
    code: "import { getBridge } from '../renderer/bridge.ts'\n",
    message: /src\/shared is shared by every process/,
  },
  {
    wall: 'shared imports nothing from the preload',
    path: 'src/shared/contract/wall-fixture.ts',
    code: "import '../../preload/index.ts'\n",
    message: /src\/shared is shared by every process/,
  },
  {
    wall: 'shared imports no test code',
    path: 'src/shared/wall-fixture.ts',
    code: "import { sharedFixture } from '../../test-kit/support/shared-fixtures.ts'\n",
    message: /Product code never imports test code/,
  },
  {
    wall: 'shared imports nothing Node-only (ws)',
    path: 'src/shared/wall-fixture.ts',
    code: "import { WebSocket } from 'ws'\n",
    message: /Node-only/,
  },
  {
    wall: 'shared imports no Node builtin',
    path: 'src/shared/wall-fixture.test.ts',
    code: "import { readFileSync } from 'node:fs'\n",
    message: /Node-only/,
  },
  {
    wall: 'the renderer imports nothing Node-only (keytar)',
    path: 'src/renderer/stores/wall-fixture.ts',
    code: "import keytar from 'keytar'\n",
    message: /Node-only/,
  },
  {
    wall: 'the renderer imports nothing Node-only (chokidar)',
    path: 'src/renderer/wall-fixture.ts',
    code: "import { watch } from 'chokidar'\n",
    message: /Node-only/,
  },
  {
    wall: 'the renderer imports nothing Node-only (fflate)',
    path: 'src/renderer/wall-fixture.ts',
    code: "import { zipSync } from 'fflate'\n",
    message: /Node-only/,
  },
  {
    wall: 'the renderer imports no Node builtin, in a component too',
    path: 'src/renderer/components/WallFixture.vue',
    code: '<script setup lang="ts">\nimport { join } from \'path\'\nvoid join\n</script>\n',
    message: /Node-only/,
  },
  {
    wall: 'the renderer never imports main',
    path: 'src/renderer/wall-fixture.ts',
    code: "import { createMainServices } from '../main/services.ts'\n",
    message: /only through the bridge/,
  },
  {
    wall: 'main never imports the renderer',
    path: 'src/main/wall-fixture.ts',
    code: "import { getBridge } from '../renderer/bridge.ts'\n",
    message: /Main shares only src\/shared/,
  },
  {
    wall: 'main never imports the renderer, from its tests either',
    path: 'src/main/requests/wall-fixture.test.ts',
    code: "import { formatBytes } from '../../renderer/format.ts'\n",
    message: /Main shares only src\/shared/,
  },
  {
    wall: 'a product file in main imports no test kit',
    path: 'src/main/requests/wall-fixture.ts',
    code: "import { startFakeMisskey } from '../../../test-kit/fake-misskey/server.ts'\n",
    message: /Product code never imports test code/,
  },
  {
    wall: "a product file in main imports no domain's testing/ helpers",
    path: 'src/main/history/wall-fixture.ts',
    code: "import { tempFolder } from './testing/temp-folder.ts'\n",
    message: /Product code never imports test code/,
  },
  {
    wall: 'a product file in the renderer imports no test runner',
    path: 'src/renderer/wall-fixture.ts',
    code: "import { expect } from 'vitest'\n",
    message: /Product code never imports test code/,
  },
  {
    wall: 'the preload imports no test kit',
    path: 'src/preload/wall-fixture.ts',
    code: "import '../../test-kit/support/test-bridge.ts'\n",
    message: /Product code never imports test code/,
  },
  {
    wall: 'the preload loads no package but electron',
    path: 'src/preload/wall-fixture.ts',
    code: "import * as v from 'valibot'\nvoid v\n",
    message: /sandboxed preload cannot load packages/,
  },
]

const allowed: Array<Fixture & { why: string }> = [
  {
    why: 'main uses shared, Node and its own testing helpers from a test',
    path: 'src/main/history/wall-fixture.test.ts',
    code: "import { readFileSync } from 'node:fs'\nimport { tempFolder } from './testing/temp-folder.ts'\nimport { ok } from '../../shared/result.ts'\nimport { startFakeMisskey } from '../../../test-kit/fake-misskey/server.ts'\n",
  },
  {
    why: 'shared tests may use the test kit',
    path: 'src/shared/wall-fixture.test.ts',
    code: "import { sharedFixture } from '../../test-kit/support/shared-fixtures.ts'\n",
  },
  {
    why: 'the renderer uses shared and its own packages',
    path: 'src/renderer/wall-fixture.ts',
    code: "import { ref } from 'vue'\nimport { ok } from '../shared/result.ts'\n",
  },
  {
    why: 'the preload uses electron and the contract',
    path: 'src/preload/wall-fixture.ts',
    code: "import { ipcRenderer } from 'electron'\nimport { bridgeGlobalName } from '../shared/contract/names.ts'\n",
  },
]

let eslint: ESLint

async function wallMessages({ path, code }: Fixture): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(path) })
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

describe('the lint walls', () => {
  beforeAll(async () => {
    eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') })
  })

  it.each(refused)('$wall', async (fixture) => {
    const messages = await wallMessages(fixture)
    expect(messages.length, `no wall fired for ${fixture.path}`).toBeGreaterThan(0)
    for (const message of messages) expect(message).toMatch(fixture.message)
  })

  it.each(allowed)('lets through: $why', async (fixture) => {
    expect(await wallMessages(fixture)).toEqual([])
  })
}, 120_000)
