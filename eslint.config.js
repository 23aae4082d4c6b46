// Lint keeps the process layering honest (as VS Code's code-import-patterns rule does). The
// walls, each proved to fire by lint-walls.test.ts:
// - src/shared imports nothing from main, renderer, preload or test code, and nothing Node-only;
// - the renderer imports nothing Node-only, nor main or the preload;
// - main never imports the renderer (or the preload);
// - the preload imports only electron and src/shared;
// - the command-line runner (src/cli) imports neither Electron nor the page;
// - no product file in src/ (not *.test.ts, not a testing/ folder) imports test code.
// ESLint keeps one setting per rule and file, so each area's walls are listed together below.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'stream/*',
  'zlib',
  'worker_threads',
]

/** Each wall: the imports it refuses and the message a contributor sees. */
const walls = {
  nodeOnly: {
    group: ['electron', 'ws', 'keytar', 'chokidar', 'fflate', ...nodeBuiltins],
    message: 'Node-only: only src/main may use it (the renderer and src/shared run in the page).',
  },
  otherProcesses: {
    group: ['**/main/**', '**/renderer/**', '**/preload/**'],
    message: 'src/shared is shared by every process and imports none of them.',
  },
  uiInShared: {
    group: ['vue', 'pinia', 'vue-i18n', 'monaco-editor', 'monaco-editor/*'],
    message: 'src/shared is pure TypeScript shared by every process.',
  },
  mainFromRenderer: {
    group: ['**/main/**', '**/preload/**'],
    message: 'The renderer reaches main only through the bridge (window.explorer).',
  },
  rendererFromMain: {
    group: ['**/renderer/**', '**/preload/**', 'vue', 'pinia', 'monaco-editor'],
    message: 'Main shares only src/shared with the other processes.',
  },
  preloadOnly: {
    group: ['**/main/**', '**/renderer/**', 'valibot'],
    message: 'The preload only forwards calls; a sandboxed preload cannot load packages.',
  },
  electronFromCli: {
    group: ['electron', '**/renderer/**', '**/preload/**', 'vue', 'pinia', 'monaco-editor'],
    message:
      'The command-line runner runs with plain Node: main and shared code only, no Electron.',
  },
  testCode: {
    group: ['**/test-kit/**', '**/testing/**', 'vitest', '@playwright/test', 'fast-check'],
    message: 'Product code never imports test code (test-kit/, testing/ folders, test runners).',
  },
}
const forbid = (...chosen) => ({
  'no-restricted-imports': [
    'error',
    { patterns: chosen.map(({ group, message }) => ({ group, message })) },
  ],
})
/** Tests and their helpers: `*.test.ts` and `testing/` folders. */
const testFiles = ['**/*.test.ts', '**/testing/**']

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tools/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
      // TypeScript already checks names; this rule does not know DOM or Node globals.
      'no-undef': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    ignores: testFiles,
    rules: forbid(walls.otherProcesses, walls.uiInShared, walls.nodeOnly, walls.testCode),
  },
  {
    // Shared's tests may use the test kit, which brings what they need from Node.
    files: testFiles.map((pattern) => `src/shared/${pattern}`),
    rules: forbid(walls.otherProcesses, walls.uiInShared, walls.nodeOnly),
  },
  {
    files: ['src/renderer/**'],
    ignores: testFiles,
    rules: forbid(walls.mainFromRenderer, walls.nodeOnly, walls.testCode),
  },
  {
    files: testFiles.map((pattern) => `src/renderer/${pattern}`),
    rules: forbid(walls.mainFromRenderer, walls.nodeOnly),
  },
  {
    files: ['src/preload/**'],
    ignores: testFiles,
    rules: forbid(walls.preloadOnly, walls.testCode),
  },
  {
    files: ['src/main/**'],
    ignores: testFiles,
    rules: forbid(walls.rendererFromMain, walls.testCode),
  },
  {
    files: testFiles.map((pattern) => `src/main/${pattern}`),
    rules: forbid(walls.rendererFromMain),
  },
  {
    files: ['src/cli/**'],
    ignores: testFiles,
    rules: forbid(walls.electronFromCli, walls.testCode),
  },
  {
    files: testFiles.map((pattern) => `src/cli/${pattern}`),
    rules: forbid(walls.electronFromCli),
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern; `{}` means none.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // CommonJS on purpose (loaded with `node -r` before an old CommonJS tool).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
