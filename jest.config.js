/**
 * Four projects, run together by `npm test`: pure units, checks of the repository's own files (docs, compose
 * file, patches, bench report), real-Redis integration, built-process e2e.
 */
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
  ...extra,
});

module.exports = {
  projects: [
    project('unit'),
    project('repo'),
    project('integration', { slowTestThreshold: 20 }),
    project('e2e', { slowTestThreshold: 30 }),
  ],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
};
