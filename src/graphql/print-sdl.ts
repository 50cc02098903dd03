import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The SDL as committed in `schema/schema.graphql`: sorted so that reordering code does not churn it. */
export function printSchemaWithDirectives(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
