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
        ...jestConfig.moduleNameMapper,
        // CSS-only module: the LWC resolver looks for a .js entry.
        '^c/checkoutKitStyles$':
            '<rootDir>/force-app/main/default/lwc/checkoutKitStyles/checkoutKitStyles.css',
        '^checkoutKitTest/(.*)$': '<rootDir>/force-app/test/jest-mocks/checkoutKit/$1'
    },
    setupFilesAfterEnv: [
        ...jestConfig.setupFilesAfterEnv,
        '<rootDir>/force-app/test/jest-setup.js'
    ],
    restoreMocks: true
};
