import { type CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the example's operations, from the SDL the gateway prints: `npm run examples:codegen`
 * rewrites `examples/gql/`, and a test fails when the committed files differ from what this produces.
 * Paths are relative to the repository root, where npm runs scripts.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/**/*.ts', '!examples/gql/**', '!examples/dist/**'],
  generates: {
    'examples/gql/': {
      preset: 'client',
      // The example reads every field it selects; masking would only add `useFragment` calls.
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as plain strings: fetch and graphql-ws send them as they are, no GraphQL parser needed.
        documentMode: 'string',
        useTypeImports: true,
        // A scalar added to the schema must be mapped here rather than silently typed `any`.
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

// The CLI loads the module's default export; `export =` provides it without an ES default export.
export = config;
