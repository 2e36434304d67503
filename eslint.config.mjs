// Lint enforces the architecture's arrows: shared code is pure, services never import
// electron, the renderer reaches the main process only through its api/ folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        'better-sqlite3',
        'ws',
        '**/src-main/**',
        '**/src-renderer/**',
      ],
      'src-shared is pure TypeScript shared by every runtime: no Node, DOM, Electron or React imports.',
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: restrict(
      ['electron', '**/src-renderer/**'],
      "Services run in plain Node: only src-main/electron may import 'electron'.",
    ),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'ws', '**/src-main/**', '**/src-preload/**'],
        'The renderer reaches the main process only through src-renderer/api.',
      ),
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: restrict(['**/src-main/**', '**/src-renderer/**', ...nodeBuiltins], 'The preload only bridges one channel.'),
  },
);
