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
        '/scripts/',
        // Shared test helpers, imported by the suites.
        '/__tests__/support/'
    ],
    moduleNameMapper: {
        ...jestConfig.moduleNameMapper,
        // LWR context modules the engine (c/checkoutStore) imports.
        '^@salesforce/webstore/Id$': '<rootDir>/force-app/test/jest-mocks/salesforce/webstoreId.js',
        '^@salesforce/community/basePath$':
            '<rootDir>/force-app/test/jest-mocks/salesforce/communityBasePath.js',
        '^@app/csrfToken$': '<rootDir>/force-app/test/jest-mocks/app/csrfToken.js',
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
