const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

const lwcJs = ['force-app/**/lwc/**/*.js'];

// The platform's known wire adapters, plus Checkout Kit's own.
const wireAdapterRule = '@lwc/lwc/no-unknown-wire-adapters';
const platformWireAdapters = lwcConfig.configs.recommended
    .map((config) => config.rules?.[wireAdapterRule])
    .filter(Boolean)
    .flatMap(([, options]) => options.adapters);
const checkoutKitWireAdapters = [{ module: 'c/checkoutStore', identifier: 'CheckoutStateAdapter' }];

module.exports = [
    {
        ignores: [
            'node_modules/**',
            '.sf/**',
            '.sfdx/**',
            'coverage/**',
            'preview/dist/**',
            '.cache/**',
            'force-app/main/default/lwc/checkoutStore/*.js',
            'force-app/main/default/lwc/checkoutValidation/*.js'
        ]
    },
    // Lightning Web Components: the platform's own rule set.
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: lwcJs })),
    {
        files: lwcJs,
        rules: {
            [wireAdapterRule]: [
                'error',
                { adapters: [...platformWireAdapters, ...checkoutKitWireAdapters] }
            ]
        }
    },
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        settings: { jest: { version: 29 } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    },
    // TypeScript: the engine, the emulator, the preview, benchmarks and scripts.
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
    {
        files: ['**/*.ts'],
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['**/__tests__/**/*.ts'],
        languageOptions: { globals: { ...globals.jest } },
        settings: { jest: { version: 29 } }
    },
    // Node tooling written in plain JavaScript.
    {
        files: ['*.js', 'scripts/**/*.js', 'scripts/**/*.mjs', 'force-app/test/**/*.js'],
        ...js.configs.recommended,
        languageOptions: { globals: { ...globals.node } }
    }
];
