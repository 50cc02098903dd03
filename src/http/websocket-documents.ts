import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Documents parsed and validated once per distinct text, shared by every subscriber that sends it. */
const DOCUMENT_CACHE_SIZE = 1_000;

/**
 * Parses and validates subscription documents, caching both. A document that does not parse or validate
 * comes back as errors (coded like Apollo's, so that they are masked and reported like over HTTP), never
 * as a throw: the operation gets an `error` message and the socket goes on.
 */
export class WebSocketDocuments {
  private readonly parsed = new Map<string, DocumentNode>();
  private readonly valid = new WeakSet<DocumentNode>();

  constructor(private readonly schema: GraphQLSchema) {}

  load(query: string): DocumentNode | GraphQLError[] {
    let document = this.parsed.get(query);
    if (!document) {
      try {
        document = parse(query);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
      }
      if (this.parsed.size >= DOCUMENT_CACHE_SIZE) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(query, document);
    }
    if (this.valid.has(document)) return document;
    const errors = validate(this.schema, document);
    if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
    this.valid.add(document);
    return document;
  }
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}
