module.exports = require('../../jest.preset')({ displayName: 'journey', rootDir: __dirname });
