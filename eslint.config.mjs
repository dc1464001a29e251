// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'launch/public/**', '*.config.js', 'test-artifacts/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    // Resolve `.ts` imports, or import-x/no-restricted-paths cannot see where an import leads (and stays silent).
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.node'] })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true, allowTypedFunctionExpressions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // The import direction: the core never reaches into the HTTP adapters or HTTP frameworks.
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './src', from: './cds-hooks', message: 'src/ is the core: it must not import cds-hooks/.' },
          { target: './src', from: './launch', message: 'src/ is the core: it must not import launch/.' },
          { target: './src', from: './server', message: 'src/ is the core: it must not import server/.' },
          // The Redis adapters implement ports of src/, cds-hooks/ and launch/; only server/ wires them in.
          { target: ['./src', './cds-hooks', './launch'], from: './redis', message: 'redis/ holds adapters: only server/ (composition) imports them.' },
          // The SQL adapters likewise: they implement src/ports over kysely; server/ (and scripts/) open and wire them.
          { target: ['./src', './cds-hooks', './launch', './redis', './admin'], from: './store', message: 'store/ holds the SQL adapters: only server/ (composition) and scripts/ import them.' },
          { target: './store', from: ['./cds-hooks', './launch', './server', './redis', './admin'], message: 'store/ adapts ports of src/ only.' },
          { target: './cds-hooks', from: './launch', message: 'cds-hooks/ and launch/ are siblings over src/.' },
          { target: './launch', from: './cds-hooks', message: 'cds-hooks/ and launch/ are siblings over src/.' },
          // The sandbox EHR is development-only: it may use everything; nothing it serves may depend on it.
          { target: './src', from: './sandbox', message: 'sandbox/ is development-only: src/ must not import it.' },
          { target: './cds-hooks', from: './sandbox', message: 'sandbox/ is development-only: cds-hooks/ must not import it.' },
          { target: './launch', from: './sandbox', message: 'sandbox/ is development-only: launch/ must not import it.' },
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'express', message: 'src/ is free of HTTP frameworks; adapt in cds-hooks/ or launch/.' },
          { name: 'helmet', message: 'src/ is free of HTTP frameworks.' },
          { name: 'cors', message: 'src/ is free of HTTP frameworks.' },
          { name: 'express-rate-limit', message: 'src/ is free of HTTP frameworks.' },
        ],
        patterns: [{ group: ['express/*', '**/cds-hooks/**', '**/launch/**', '**/server/**'], message: 'src/ never imports HTTP adapters.' }],
      }],
    },
  },
  {
    // The sandbox and admin pages' browser code: plain ES modules served as they are (no build step).
    files: ['sandbox/public/**/*.js', 'admin/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'module',
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', console: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/explicit-function-return-type': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/explicit-function-return-type': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-properties': ['error',
      { object: 'it', property: 'only', message: 'No focused tests.' },
      { object: 'test', property: 'only', message: 'No focused tests.' },
      { object: 'describe', property: 'only', message: 'No focused tests.' }] },
  },
);
