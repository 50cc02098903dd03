// Lint rules, including import zones that encode the module arrows of the architecture:
// http → graphql → sending → (upstream, messages, diagnosis); http → webhooks → messages; the simulator stands alone.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '*.js',
      'test/support/*.js',
      'bench/.tmp/**',
      'examples/dist/**',
      // Written by `npm run examples:codegen`; a test keeps it equal to what the generator makes.
      'examples/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-default-export': 'error',
      'no-console': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/config', './src/!(config)/**/*', 'config depends on nothing'),
            zone(
              './src/diagnosis',
              './src/!(diagnosis)/**/*',
              'diagnosis is pure: it imports nothing of the gateway',
            ),
            zone(
              './src/simulator',
              './src/!(simulator)/**/*',
              'the simulator stands in for Meta and shares no code',
            ),
            zone(
              './src/upstream',
              './src/!(upstream|config|observability)/**/*',
              'upstream knows only config and observability types',
            ),
            zone(
              './src/messages',
              './src/!(messages|config|observability)/**/*',
              'messages knows only config and observability types',
            ),
            zone(
              './src/webhooks',
              './src/!(webhooks|messages|config|observability)/**/*',
              'webhooks hand updates to messages only',
            ),
            zone(
              './src/sending',
              './src/!(sending|upstream|messages|diagnosis|config|observability)/**/*',
              'sending is a domain: it knows nothing of GraphQL or HTTP',
            ),
            zone(
              './src/graphql',
              './src/(http|webhooks|simulator|main.ts)/**/*',
              'graphql must not reach up to http or across to webhooks',
            ),
            zone(
              './src/observability',
              './src/!(observability|config)/**/*',
              'observability knows only config types',
            ),
          ],
        },
      ],
    },
  },
  {
    // The pages the gateway serves: plain ES modules run by the browser as they are.
    files: ['src/http/public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'examples/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
