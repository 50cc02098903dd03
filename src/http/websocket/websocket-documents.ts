import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { type QueryLimitSetup, withoutSuggestion } from '../query-limits';

/** Documents parsed and validated once per distinct text, shared by every subscriber that sends it. */
const DOCUMENT_CACHE_SIZE = 1_000;

/**
 * Parses and validates the documents sent over WebSocket, caching both, with the limits and suggestion
 * hiding that Apollo applies over HTTP: the same document is refused the same way on either transport. A
 * document that does not parse or validate comes back as errors (coded like Apollo's, their cause kept, so
 * that they are masked and reported like over HTTP), never as a throw: the operation gets an `error`
 * message and the socket goes on.
 */
export class WebSocketDocuments {
  private readonly parsed = new Map<string, DocumentNode>();
  private readonly valid = new WeakSet<DocumentNode>();
  private readonly rules: QueryLimitSetup['validationRules'];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: Pick<QueryLimitSetup, 'validationRules' | 'parseOptions' | 'hideSuggestions'>,
  ) {
    this.rules = [...specifiedRules, ...limits.validationRules];
  }

  load(query: string): DocumentNode | GraphQLError[] {
    let document = this.parsed.get(query);
    if (!document) {
      try {
        document = parse(query, this.limits.parseOptions);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return [this.withCode(error, 'GRAPHQL_PARSE_FAILED')];
      }
      if (this.parsed.size >= DOCUMENT_CACHE_SIZE) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(query, document);
    }
    if (this.valid.has(document)) return document;
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return errors.map((error) => this.withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
    this.valid.add(document);
    return document;
  }

  private withCode(error: GraphQLError, code: string): GraphQLError {
    return new GraphQLError(this.limits.hideSuggestions ? withoutSuggestion(error.message) : error.message, {
      source: error.source,
      positions: error.positions,
      // A query limit's own error, reported through validation, keeps its code when formatted.
      originalError: error,
      extensions: { ...error.extensions, code },
    });
  }
}
