// `node --require tools/openapi/register-typescript.cjs file.ts`: runs TypeScript sources of this
// repository without a build, compiled by SWC the way the jest preset does (decorator metadata
// included), with the @engine/* imports resolved to the libraries' sources (tsconfig.base.json paths).
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '..', '..');
const { paths } = require(path.join(root, 'tsconfig.base.json')).compilerOptions;
const sources = new Map(Object.entries(paths).map(([name, [target]]) => [name, path.join(root, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspaceImport(request, ...rest) {
  return resolveFilename.call(this, sources.get(request) ?? request, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
