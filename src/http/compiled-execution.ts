import {
  type GatewayExecutionResult,
  type GatewayGraphQLRequestContext,
  type GatewayInterface,
} from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, execute } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { type GatewayContext } from '../graphql';
import { type Logger } from '../observability';

/** An operation of a document: the runs graphql-js made of it so far, or its compiled form (null: none). */
type Plan = { runs: number } | { compiled: CompiledQuery | null };

/**
 * Runs of an operation by graphql-js before it is compiled. Compiling costs about as much as a few hundred
 * runs: a client that sends a new document every time must not make every request pay it, while the
 * operations an application repeats are compiled on their second sight.
 */
const INTERPRETED_RUNS = 1;

/**
 * Executes operations with graphql-jit behind Apollo Server's executor hook (its gateway interface, the
 * only one Apollo offers): an operation seen often enough is compiled once into a function that coerces its
 * variables and resolves its fields without graphql-js's per-request interpretation. Apollo keeps
 * everything else: parsing, the document cache, validation with the query limits, plugins, error
 * formatting.
 *
 * Plans hang off the parsed document, which Apollo's document cache hands back for every request with the
 * same query text; they go when the cache drops the document.
 */
export class CompiledExecution implements GatewayInterface {
  private readonly plans = new WeakMap<DocumentNode, Map<string, Plan>>();

  /** `logger` is told of each compile (debug) and of an operation that would not compile (warn). */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly logger: Logger,
  ) {}

  onSchemaLoadOrUpdate(
    callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void,
  ): () => void {
    // The schema is fixed for the life of the process: announced once, never updated.
    callback({ apiSchema: this.schema, coreSupergraphSdl: '' });
    return () => undefined;
  }

  load(): Promise<{ executor: (request: GatewayGraphQLRequestContext) => Promise<GatewayExecutionResult> }> {
    return Promise.resolve({ executor: (request) => this.execute(request) });
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async execute(request: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const context = request.context as GatewayContext;
    const variables = request.request.variables ?? {};
    // The operation Apollo picked from the document (the request may name none when there is one).
    const operationName = request.operationName ?? undefined;
    const compiled = this.compiledFor(request.document, operationName);
    if (compiled !== null) {
      const result = await compiled.query(undefined, context, variables);
      // No data at all: the variables did not fit the operation, and nothing ran. graphql-js words those
      // errors as Apollo expects (it answers them 400, BAD_USER_INPUT), so it says so instead.
      if (result.data !== undefined) return withExtensions(result);
    }
    return execute({
      schema: this.schema,
      document: request.document,
      contextValue: context,
      variableValues: variables,
      operationName,
    });
  }

  /** The operation's compiled form once it has earned one, else null (graphql-js runs it). */
  private compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let plans = this.plans.get(document);
    if (plans === undefined) {
      plans = new Map();
      this.plans.set(document, plans);
    }
    const key = operationName ?? '';
    const plan = plans.get(key) ?? { runs: 0 };
    if ('compiled' in plan) return plan.compiled;
    if (plan.runs < INTERPRETED_RUNS) {
      plans.set(key, { runs: plan.runs + 1 });
      return null;
    }
    // Apollo has validated the document; one that still does not compile is left to graphql-js.
    const result = compileQuery(this.schema, document, operationName);
    if (isCompiledQuery(result)) {
      this.logger.debug({ operationName }, 'GraphQL operation compiled');
      plans.set(key, { compiled: result });
      return result;
    }
    this.logger.warn(
      { operationName, reasons: result.errors?.map((error) => error.message) },
      'GraphQL operation left uncompiled',
    );
    plans.set(key, { compiled: null });
    return null;
  }
}

/**
 * graphql-jit's errors leave `extensions` undefined when the cause has none, where graphql-js's are never
 * without; Apollo's error formatting reads it. Such errors are rebuilt as graphql-js ones, with the same
 * message, locations, path and cause.
 */
function withExtensions<T extends ExecutionResult>(result: T): T {
  const { errors } = result;
  if (errors === undefined || errors.every((error) => error.extensions !== undefined)) return result;
  return { ...result, errors: errors.map(rebuiltWithExtensions) };
}

function rebuiltWithExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions !== undefined) return error;
  const rebuilt = new GraphQLError(error.message, {
    ...(error.path && { path: error.path }),
    ...(error.originalError && { originalError: error.originalError }),
  });
  // graphql-js computes locations from AST nodes, which graphql-jit's error no longer holds.
  Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
  return rebuilt;
}
