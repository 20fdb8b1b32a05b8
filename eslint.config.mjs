import js from '@eslint/js'
import ts from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'

export default ts.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'reports/', 'resources/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}', 'src/renderer/**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The bin shim is CommonJS by necessity: it is what `npm install` links onto the PATH.
    files: ['bin/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // src/shared is pure: importable from main, preload and renderer alike.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
            { group: ['node:*'], message: 'src/shared must not import Node built-ins.' },
            { group: ['svelte', 'svelte/*'], message: 'src/shared must not import svelte.' },
            {
              group: ['fs', 'path', 'os', 'crypto', 'child_process'],
              message: 'src/shared must not import Node built-ins.',
            },
          ],
        },
      ],
    },
  },
)
