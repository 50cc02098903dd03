// Lint rules, including import zones that encode the module arrows of the architecture (docs/architecture.md):
// each folder of src/ names the folders it may import; the top-level composition files (main, gateway,
// open-store) import everything and nothing imports them; the simulator stands alone.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** `folder` may import only itself and `allowed` (folders of src/), never the composition files. */
const allowOnly = (folder, allowed, message) => ({
  target: `./src/${folder}`,
  from: [`./src/!(${[folder, ...allowed].join('|')})/**/*`, './src/*.ts'],
  message,
});

const BASE = ['config', 'observability'];
const STORES = ['store-kit', ...BASE];

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
    // The zones below only hold for imports the plugin can resolve: without TypeScript's extensions, every
    // relative import of a .ts module was unresolved and silently allowed.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
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
            allowOnly('config', [], 'config depends on nothing'),
            allowOnly('observability', ['config'], 'observability knows only config types'),
            allowOnly('diagnosis', [], 'diagnosis is pure: it imports nothing of the gateway'),
            allowOnly('store-kit', BASE, 'store-kit is shared by every store: it imports no domain'),
            allowOnly('upstream', BASE, 'upstream knows only config and observability types'),
            allowOnly('messages', STORES, 'messages holds message records: it knows no other domain'),
            allowOnly('contacts', STORES, 'contacts knows no other domain'),
            allowOnly('account-events', STORES, 'account events know no other domain'),
            allowOnly('calls', ['messages', ...STORES], 'calls know only message records'),
            allowOnly('templates', STORES, 'templates define their own ports: they know no other domain'),
            allowOnly(
              'conversations',
              ['messages', 'contacts', 'calls', ...STORES],
              'a conversation is read from the stores of what it holds',
            ),
            allowOnly(
              'sending',
              ['upstream', 'messages', 'diagnosis', ...STORES],
              'sending is a domain: it knows nothing of GraphQL, HTTP or webhooks',
            ),
            allowOnly(
              'live',
              ['messages', 'contacts', 'conversations', 'calls', 'account-events', ...STORES],
              'live streams the stores: its errors are mapped by graphql, never built there',
            ),
            allowOnly(
              'webhooks',
              ['messages', 'contacts', 'conversations', 'calls', 'account-events', 'templates', ...STORES],
              'webhooks parse and hand updates to the stores only',
            ),
            {
              target: './src/graphql',
              from: ['./src/@(http|webhooks|simulator)/**/*', './src/*.ts'],
              message: 'graphql must not reach up to http or across to webhooks or the simulator',
            },
            {
              target: './src/http',
              from: './src/*.ts',
              message: 'http is composed by the gateway, it does not import it',
            },
            {
              target: './src/simulator/!(cli)/**/*',
              from: './src/!(simulator)/**/*',
              message: 'the simulator stands in for Meta and shares no code',
            },
            {
              target: './src/simulator/*.ts',
              from: ['./src/!(simulator)/**/*', './src/*.ts'],
              message: 'the simulator stands in for Meta and shares no code',
            },
            {
              target: './src/simulator/cli',
              from: ['./src/!(simulator|config|observability)/**/*', './src/*.ts'],
              message: 'the simulator on its own: a composition root of the simulator, config and logs only',
            },
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
