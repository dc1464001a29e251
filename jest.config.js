/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // `.mjs` too: oauth2-mock-server ships its ESM as .mjs; `.cjs`: PGlite's CommonJS build (below).
    '^.+\\.(t|j)sx?$|^.+\\.[mc]js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // jose and oauth2-mock-server (and its is-plain-obj) ship ESM only; jest's CommonJS runtime needs them transformed.
  // PGlite's CommonJS build loads Node built-ins with `import()`, which jest's vm refuses without
  // --experimental-vm-modules: transformed, those become require() (no flag, `npx jest` works as is).
  transformIgnorePatterns: ['/node_modules/(?!(jose|oauth2-mock-server|is-plain-obj|@electric-sql/pglite)/)'],
  testTimeout: 30000,
  // The clinical rules must be exercised branch by branch: npm test fails below 100%.
  // (Run a single file with --coverage=false.)
  collectCoverage: true,
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/rules/**/*.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { './src/rules/': { branches: 100, functions: 100, lines: 100, statements: 100 } },
};
