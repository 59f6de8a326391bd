/** Unit specs live beside the code; e2e specs boot the real app against PGlite or TEST_DATABASE_URL. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  // A few runtime dependencies ship only ES modules; compile them to CommonJS for Jest's module system.
  '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true } }],
};
const esmOnly = [
  'nodemailer',
  // oidc-provider (the in-process OpenID provider for development and tests) and its ESM-only dependencies.
  'oidc-provider',
  'got',
  '@sindresorhus/is',
  '@szmarczak/http-timer',
  'cacheable-lookup',
  'cacheable-request',
  'mimic-response',
  'normalize-url',
  'responselike',
  'lowercase-keys',
  'form-data-encoder',
  'p-cancelable',
  'nanoid',
  'quick-lru',
];
const common = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};

module.exports = {
  // Booting the app with a fresh database takes a few seconds; no test relies on timing.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', rootDir: 'src', testRegex: '\\.spec\\.ts$' },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testRegex: 'test/.*\\.e2e-spec\\.ts$',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/per-file-observers.ts'],
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
