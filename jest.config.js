const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    testPathIgnorePatterns: [
        '/node_modules/',
        '/.sfdx/',
        '/.sf/',
        '/emulator/',
        '/preview/',
        '/e2e/',
        '/bench/',
        '/scripts/'
    ],
    moduleNameMapper: {
        ...jestConfig.moduleNameMapper
    },
    setupFilesAfterEnv: [
        ...jestConfig.setupFilesAfterEnv,
        '<rootDir>/force-app/test/jest-setup.js'
    ],
    restoreMocks: true
};
