/** unit specs run anywhere; e2e specs boot the app on temporary SQLite; browser specs drive the built console in chromium; int specs need a server. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const moduleNameMapper = {
  '^@ib/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@ib/connectors$': '<rootDir>/libs/connectors/src/index.ts',
  '^@ib/feed-client$': '<rootDir>/libs/feed-client/src/index.ts',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps/api,libs,test}/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{apps/api,test}/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps/api,libs,test}/**/*.int-spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
