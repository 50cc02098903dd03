import {
  type GatewayExecutionResult,
  type GatewayGraphQLRequestContext,
  type GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  execute,
  getOperationAST,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { type Logger } from '../../observability';

/**
 * One run of an operation: an HTTP request's (no root value) or a live event's render (the event as root).
 * Only what both executors take: graphql-jit has no per-run resolvers.
 */
export type OperationRun = Pick<
  ExecutionArgs,
  'document' | 'operationName' | 'rootValue' | 'contextValue' | 'variableValues'
>;

/** An operation of a document: the runs graphql-js made of it so far, or its compiled form (null: none). */
type Plan = { runs: number } | { compiled: CompiledQuery | null };

/**
 * Runs of an operation by graphql-js before it is compiled. Compiling costs about as much as a few hundred
 * runs: a client that sends a new document every time must not make every request pay it, while the
 * operations an application repeats are compiled on their second sight.
 */
const INTERPRETED_RUNS = 1;

/**
 * Executes operations with graphql-jit: an operation seen often enough is compiled once into a function
 * that coerces its variables and resolves its fields without graphql-js's per-run interpretation. It sits
 * behind Apollo Server's executor hook (its gateway interface, the only one Apollo offers), where Apollo
 * keeps everything else: parsing, the document cache, validation with the query limits, plugins, error
 * formatting. The live fan-out renders its events through `run` too: a subscription's selection, rendered
 * once per event for all its subscribers, is compiled like a repeated request.
 *
 * Plans hang off the parsed document, which Apollo's document cache (and the WebSocket server's) hands
 * back for every operation with the same query text; they go when the cache drops the document.
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

  /** Runs the operation compiled once it has earned it, else with graphql-js. */
  async run(operation: OperationRun): Promise<ExecutionResult> {
    const { document, rootValue, contextValue } = operation;
    const variableValues = operation.variableValues ?? {};
    const operationName = operation.operationName ?? undefined;
    const compiled = this.compiledFor(document, operationName);
    if (compiled !== null) {
      const result = await compiled.query(rootValue, contextValue, variableValues);
      // No data at all: the variables did not fit the operation, and nothing ran. graphql-js words those
      // errors as Apollo expects (it answers them 400, BAD_USER_INPUT), so it says so instead.
      if (result.data !== undefined) return asGraphQLJsResult(result);
    }
    return execute({ schema: this.schema, document, rootValue, contextValue, variableValues, operationName });
  }

  private execute(request: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    // The operation Apollo picked from the document (the request may name none when there is one).
    return this.run({
      document: request.document,
      operationName: request.operationName,
      contextValue: request.context,
      variableValues: request.request.variables,
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
    // The operation's own name, also when the request named none (a document with one operation).
    const name = getOperationAST(document, operationName)?.name?.value;
    if (isCompiledQuery(result)) {
      this.logger.debug({ operationName: name }, 'GraphQL operation compiled');
      plans.set(key, { compiled: result });
      return result;
    }
    this.logger.warn(
      { operationName: name, reasons: result.errors?.map((error) => error.message) },
      'GraphQL operation left uncompiled',
    );
    plans.set(key, { compiled: null });
    return null;
  }
}

/**
 * graphql-jit's errors are its own: they only look like graphql-js's (their prototype is borrowed), their
 * `message` is read-only and their `extensions` undefined when the cause has none. Apollo's plugins and
 * error formatting take them for graphql-js errors, and a plugin that rewrites a message in place would
 * throw inside Apollo and answer 500. Every one is rebuilt as a graphql-js error, with the same message,
 * locations, path, cause and the cause's extensions, as graphql-js's own `locatedError` builds them on the
 * first, interpreted run.
 */
function asGraphQLJsResult<T extends ExecutionResult>(result: T): T {
  const { errors } = result;
  if (errors === undefined) return result;
  return { ...result, errors: errors.map(asGraphQLJsError) };
}

function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    ...(error.path && { path: error.path }),
    ...(error.originalError && { originalError: error.originalError }),
  });
  // graphql-js computes locations from AST nodes, which graphql-jit's error no longer holds.
  Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
  return rebuilt;
}
