module.exports = require('../../jest.preset')({ displayName: 'execution', rootDir: __dirname, testTimeout: 60000 });
