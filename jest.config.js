/** Jest projects, one per testing layer (see README "Tests"). TypeScript is compiled by swc. */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }],
};
const moduleNameMapper = { '^@shared/(.*)$': '<rootDir>/shared/$1' };
const common = { transform, moduleNameMapper, rootDir: __dirname, setupFiles: ['<rootDir>/test/support/env.ts'], transformIgnorePatterns: ['/node_modules/(?!(mingo|bson)/)'] };

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'localcloud', testEnvironment: 'node', testMatch: ['<rootDir>/test/localcloud/**/*.test.ts'] },
    { ...common, displayName: 'functions', testEnvironment: 'node', testMatch: ['<rootDir>/test/functions/**/*.test.ts'] },
    { ...common, displayName: 'client', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/client/**/*.test.tsx'],
      moduleNameMapper: { ...moduleNameMapper, '^@tarojs/components$': '@tarojs/components/lib/react' } },
    { ...common, displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
