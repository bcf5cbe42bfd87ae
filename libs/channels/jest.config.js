module.exports = require('../../jest.preset')({ displayName: 'channels', rootDir: __dirname, testTimeout: 60000 });
