import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { NoSchemaIntrospectionCustomRule, type ParseOptions, type ValidationRule } from 'graphql';
import { type Config } from '../config';
import { GatewayError, GatewayErrorCode } from '../graphql';

/** The limit a refused document crossed, reported as `extensions.limit`. */
export enum QueryLimit {
  DEPTH = 'maxDepth',
  ALIASES = 'maxAliases',
  COST = 'maxCost',
  DIRECTIVES = 'maxDirectives',
  TOKENS = 'maxTokens',
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>[number];

export interface QueryLimitSetup {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: ParseOptions;
  /**
   * Field suggestions ("Did you mean …") are left out of validation errors: they would reveal the schema
   * that introspection hides. Apollo does it over HTTP (`hideSchemaDetailsFromClientErrors`), the
   * WebSocket server with `withoutSuggestion`.
   */
  hideSuggestions: boolean;
}

/**
 * Rejections become `QUERY_TOO_COMPLEX` errors on the validation context, so that Apollo answers 400
 * before anything executes (armor's default would report `BAD_USER_INPUT`).
 */
const rejectAs =
  (limit: QueryLimit): RejectCallback =>
  (context, error) =>
    context?.reportError(new GatewayError(GatewayErrorCode.QUERY_TOO_COMPLEX, error.message, { limit }));

const rejection = (limit: QueryLimit) => ({ onReject: [rejectAs(limit)], propagateOnRejection: false });

/**
 * How deep a `__schema` selection may go when introspection is on. The introspection query that Apollo
 * Sandbox, GraphiQL and code generators send is 21 levels deep (the `ofType` chain of its type
 * references), past any sensible limit for operations; anything deeper than that query is refused.
 */
export const INTROSPECTION_MAX_DEPTH = 24;

/**
 * GraphQL Armor's limits from `config.graphql`. The token limit is graphql-js's own parser option: it
 * stops the lexer at the limit (armor's Apollo plugin for it throws outside Apollo's parse step, which
 * Apollo turns into a 500). With introspection on, `__schema` selections are measured by their own depth
 * bound instead of the operation limits (their size is still bounded by the token and alias limits).
 * With introspection off, `__schema` and `__type` are refused by a validation rule of these limits, so
 * that a WebSocket is refused it as HTTP is. Field suggestions are hidden unless introspection is on, by
 * Apollo's plugin rather than armor's: armor's rewrites the message of every error a request meets,
 * execution errors included, in place.
 */
export function queryLimits(graphql: Config['graphql']): QueryLimitSetup {
  const ignoreIntrospection = graphql.introspection;
  const armor = new ApolloArmor({
    maxDepth: { n: graphql.maxDepth, ignoreIntrospection, ...rejection(QueryLimit.DEPTH) },
    maxAliases: { n: graphql.maxAliases, ...rejection(QueryLimit.ALIASES) },
    costLimit: { maxCost: graphql.maxCost, ignoreIntrospection, ...rejection(QueryLimit.COST) },
    maxDirectives: { n: graphql.maxDirectives, ...rejection(QueryLimit.DIRECTIVES) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules, plugins } = armor.protect();
  // graphql-js's own rule rather than Apollo's `introspection: false`, which guards HTTP only.
  validationRules.push(
    graphql.introspection ? introspectionDepthRule(graphql.maxDepth) : NoSchemaIntrospectionCustomRule,
  );
  return {
    validationRules,
    plugins,
    parseOptions: { maxTokens: graphql.maxTokens },
    hideSuggestions: !graphql.introspection,
  };
}

/** A validation error's message without its "Did you mean …?" (the words Apollo's own plugin removes). */
export function withoutSuggestion(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

/** A depth rule that counts `__schema` too, at the introspection bound. */
function introspectionDepthRule(maxDepth: number): ValidationRule {
  const n = Math.max(maxDepth, INTROSPECTION_MAX_DEPTH);
  return maxDepthRule({ n, ignoreIntrospection: false, ...rejection(QueryLimit.DEPTH) });
}

/** graphql-js's message when `parseOptions.maxTokens` stops the parser. */
const TOKEN_LIMIT_MESSAGE =
  /^Syntax Error: Document contains more th(?:at|an) \d+ tokens\. Parsing aborted\.$/;

/** True for the parse error of a document over the token limit. */
export function isTokenLimitMessage(message: string): boolean {
  return TOKEN_LIMIT_MESSAGE.test(message);
}
