// Lint keeps the process layering honest (as VS Code's code-import-patterns rule does):
// src/shared imports nothing from electron, node or vue; src/renderer nothing from electron or
// node; src/preload nothing but electron and src/shared.
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
]
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

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
    rules: forbid(
      ['electron', 'vue', 'pinia', 'vue-i18n', 'monaco-editor', 'monaco-editor/*', ...nodeBuiltins],
      'src/shared is pure TypeScript shared by every process.',
    ),
  },
  {
    files: ['src/renderer/**'],
    rules: forbid(
      ['electron', 'keytar', '**/main/**', '**/preload/**', ...nodeBuiltins],
      'The renderer reaches main only through the bridge (window.explorer).',
    ),
  },
  {
    files: ['src/preload/**'],
    rules: forbid(
      ['**/main/**', '**/renderer/**', 'valibot'],
      'The preload only forwards calls; a sandboxed preload cannot load packages.',
    ),
  },
  {
    files: ['src/main/**'],
    rules: forbid(
      ['**/renderer/**', '**/preload/**', 'vue', 'pinia', 'monaco-editor'],
      'Main shares only src/shared with the other processes.',
    ),
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
