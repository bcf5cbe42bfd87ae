// Shared jest setup: SWC compiles TypeScript (with decorator metadata, which NestJS and
// class-validator need) and workspace imports resolve to library sources, so tests never
// depend on a prior build.
const path = require('node:path');
const { paths } = require('./tsconfig.base.json').compilerOptions;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([name, [target]]) => [
    `^${name.replaceAll('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = function jestConfig({ displayName, rootDir, ...rest }) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    // NestJS 12 ships ES modules only. Node 20 runs them through require(esm), but jest's own module
    // loader does not (it does from Node 24.9): SWC compiles them to CommonJS like our sources.
    transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras)/)'],
    moduleNameMapper,
    // One totals file per project and queue backend (tools/jest-each-queue-backend.mjs runs both).
    reporters: ['default', [path.join(__dirname, 'tools/jest-summary-reporter.js'), { name: [displayName, process.env.TEST_QUEUE_BACKEND].filter(Boolean).join('-') }]],
    ...rest,
  };
};
